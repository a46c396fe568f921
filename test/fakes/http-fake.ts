/**
 * The plumbing the fake HTTP services here share (SonarQube, PagerDuty, Kubernetes, Prometheus, Grafana):
 * a server on 127.0.0.1 port 0 that records every request, answers injected faults before the service
 * does, delays 'slow' ones, and closes with its timers and open connections. Each service keeps its own
 * routes and its own error bodies and headers (`answer`, `faultAnswer`); the fake GitHub has its own server.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers the next matching requests instead of the service; `Kind` is the service's kinds, 'slow' among them. */
export interface HttpFault<Kind extends string> {
  kind: Kind;
  /** Only requests to this path (e.g. '/api/search'); any path when absent. */
  path?: string;
  /** How many matching requests it answers (default 1). */
  times?: number;
  /** 429: the seconds the service asks clients to wait (`Retry-After`, and the service's own headers; default 1). */
  retryAfterSeconds?: number;
  /** slow: the delay before answering normally, in ms (default 1000). */
  ms?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface HttpFakeOptions<Kind extends string> {
  faults?: HttpFault<Kind>[] | undefined;
  /** The service's normal answer; `url` is the request's, parsed. */
  answer(request: IncomingMessage, url: URL, res: ServerResponse): void;
  /** Each fault kind's answer but 'slow' (which delays `answer`), in the service's own shape. */
  faultAnswer: Record<Exclude<Kind, 'slow'>, (fault: HttpFault<Kind>, res: ServerResponse) => void>;
}

export interface HttpFake<Kind extends string> {
  url: string;
  requests: RecordedRequest[];
  addFaults(...faults: HttpFault<Kind>[]): void;
  close(): Promise<void>;
}

/** The `Retry-After` value of a 429 fault, in seconds. */
export const retryAfter = (fault: HttpFault<string>): string => String(fault.retryAfterSeconds ?? 1);

export async function startHttpFake<Kind extends string>(options: HttpFakeOptions<Kind>): Promise<HttpFake<Kind>> {
  const requests: RecordedRequest[] = [];
  // Copies, so counting down `times` never touches the caller's objects.
  const faults: HttpFault<Kind>[] = (options.faults ?? []).map((fault) => ({ ...fault }));
  const timers = new Set<NodeJS.Timeout>();

  const takeFault = (path: string): HttpFault<Kind> | undefined => {
    const fault = faults.find((candidate) => candidate.path === undefined || candidate.path === path);
    if (!fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
    return fault;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
    const fault = takeFault(url.pathname);
    if (fault === undefined) return options.answer(req, url, res);
    if (fault.kind === 'slow') {
      const timer = setTimeout(() => (timers.delete(timer), options.answer(req, url, res)), fault.ms ?? 1000);
      return void timers.add(timer);
    }
    options.faultAnswer[fault.kind as Exclude<Kind, 'slow'>](fault, res);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addFaults: (...added) => void faults.push(...added.map((fault) => ({ ...fault }))),
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
