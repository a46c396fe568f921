/**
 * The explorer's data and queries live in a worker: downloading, parsing and
 * preparing 10,000 entities — and each filter — run on another core, while
 * the page's main thread hydrates the React island and stays responsive.
 */
import { decodeCatalogIndex, type CatalogIndex } from './catalog-index.ts';
import { prepareCatalog, runQuery, type ExplorerState, type PreparedCatalog, type QueryResult } from './query.ts';

export type WorkerRequest = { type: 'load'; url: string } | { type: 'query'; id: number; state: ExplorerState };
export type WorkerResponse = { type: 'ready'; total: number } | { type: 'failed'; message: string } | { type: 'result'; id: number; result: QueryResult };

let catalog: Promise<PreparedCatalog> | undefined;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'load') {
    catalog ??= fetch(message.url)
      .then((r) => (r.ok ? (r.json() as Promise<CatalogIndex>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((index) => prepareCatalog(decodeCatalogIndex(index)));
    try {
      post({ type: 'ready', total: (await catalog).entities.length });
    } catch (error) {
      post({ type: 'failed', message: (error as Error).message });
    }
    return;
  }
  if (!catalog) return;
  const prepared = await catalog;
  post({ type: 'result', id: message.id, result: runQuery(prepared, message.state) });
};

function post(message: WorkerResponse): void {
  (self as unknown as Worker).postMessage(message);
}
