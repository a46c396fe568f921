/**
 * Demo mode: a plugin's recorded responses (`demo/integrations/<service>.json`, config
 * `plugins[].demo`) replayed through the build's HTTP client instead of the network, so the demo
 * portal shows every plugin's sections with no credentials and no service. A recording maps a
 * request's path and query to the status and JSON body the service answered; the host is not part
 * of the key, so the plugin's own settings (base URL, clusters) need not change. The recordings
 * are the fakes' answers (test/fakes/<service>/, their "demo fixtures" test rewrites them).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';

export const DemoRecordingSchema = z.looseObject({
  /** The API the responses follow ("SonarQube Web API (10.x)"). */
  api: z.string().optional(),
  /** `/path?query` → what the service answered. */
  responses: z.record(z.string(), z.strictObject({ status: z.number().int().min(100).max(599), body: z.unknown().optional() })),
});

export interface DemoRecording {
  /** The recording files, as config names them (relative to the portal repo). */
  files: readonly string[];
  /** By requestKey(). */
  responses: ReadonlyMap<string, { status: number; body: unknown }>;
}

/** The key a request is recorded under: its path and its query with the parameters sorted, the host left out. */
export function requestKey(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url, 'http://recorded.invalid') : url;
  const query = new URLSearchParams(parsed.search);
  query.sort();
  const search = query.toString();
  return search ? `${parsed.pathname}?${search}` : parsed.pathname;
}

/**
 * The recordings of `files` (paths relative to `root`), merged in order (a request recorded twice
 * keeps the first answer). Throws an Error naming the file and the problem.
 */
export async function readDemoRecording(root: string, files: readonly string[]): Promise<DemoRecording> {
  const responses = new Map<string, { status: number; body: unknown }>();
  for (const file of files) {
    const path = resolve(root, file);
    if (!path.startsWith(`${resolve(root)}/`)) throw new Error(`demo recording ${JSON.stringify(file)} must be a file inside the portal repo`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new Error(`demo recording ${JSON.stringify(file)} could not be read: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
    const parsed = DemoRecordingSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`demo recording ${JSON.stringify(file)} is not a recording: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}`);
    }
    for (const [request, answer] of Object.entries(parsed.data.responses)) {
      if (!request.startsWith('/'))
        throw new Error(`demo recording ${JSON.stringify(file)} records ${JSON.stringify(request)}, not a request path starting with \`/\``);
      const key = requestKey(request);
      if (!responses.has(key)) responses.set(key, { status: answer.status, body: answer.body });
    }
  }
  return { files, responses };
}

/**
 * A `fetch` that answers from the recording and never touches the network: a recorded request gets
 * its status and JSON body; any other fails like an unreachable host, naming the recording.
 */
export function replayFetch(recording: DemoRecording): typeof fetch {
  return (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const answer = recording.responses.get(requestKey(url));
    if (!answer)
      return Promise.reject(
        new TypeError('fetch failed', {
          cause: new Error(`${url.pathname} is not in the demo recording (${recording.files.join(', ')}); record it with the service's fake`),
        }),
      );
    const body = answer.body === undefined || answer.status === 204 || answer.status === 304 ? null : JSON.stringify(answer.body);
    return Promise.resolve(new Response(body, { status: answer.status, headers: { 'content-type': 'application/json' } }));
  };
}
