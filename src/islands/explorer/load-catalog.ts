/**
 * The explorer's link to its worker (./worker.ts), started once per page as
 * early as possible: when the island's module is first imported, before
 * React hydrates, with the data URL the catalog page's head announces.
 */
import type { ExplorerState, QueryResult } from './query.ts';
import type { WorkerRequest, WorkerResponse } from './worker.ts';

export interface CatalogWorker {
  /** Resolves when the data is loaded and prepared. */
  ready: Promise<number>;
  query(state: ExplorerState): Promise<QueryResult>;
}

type WithCatalog = typeof globalThis & { __frontdoorCatalogUrl?: string; __frontdoorCatalogWorker?: CatalogWorker };

export function catalogWorker(url: string): CatalogWorker {
  const scope = globalThis as WithCatalog;
  if (scope.__frontdoorCatalogWorker) return scope.__frontdoorCatalogWorker;
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, (result: QueryResult) => void>();
  let nextId = 0;
  let settle!: { resolve: (total: number) => void; reject: (error: Error) => void };
  const ready = new Promise<number>((resolve, reject) => (settle = { resolve, reject }));
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (message.type === 'ready') settle.resolve(message.total);
    else if (message.type === 'failed') settle.reject(new Error(message.message));
    else {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  };
  worker.onerror = () => settle.reject(new Error('the catalog worker failed'));
  const send = (message: WorkerRequest) => worker.postMessage(message);
  send({ type: 'load', url });
  scope.__frontdoorCatalogWorker = {
    ready,
    query: (state) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        send({ type: 'query', id, state });
      }),
  };
  return scope.__frontdoorCatalogWorker;
}

/** Start the worker the moment this module loads in a browser, if the page said where the data is. */
export function startEarly(): void {
  const scope = globalThis as WithCatalog;
  if (typeof Worker !== 'undefined' && scope.__frontdoorCatalogUrl) catalogWorker(scope.__frontdoorCatalogUrl);
}
