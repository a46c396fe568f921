/**
 * How every Frontdoor loader fills its collection: replace the entries with
 * `items`, reusing unchanged ones (same digest) and deleting the rest.
 */
import type { LoaderContext } from 'astro/loaders';

/** An entry's id, its data, and (for pages whose HTML is made elsewhere) the rendered HTML `render(entry)` shows. */
export type EntryItem = [id: string, data: Record<string, unknown>, rendered?: { html: string; metadata?: Record<string, unknown> }];

export async function replaceEntries(context: LoaderContext, items: Iterable<EntryItem>): Promise<void> {
  const { store, logger, collection } = context;
  const seen = new Set<string>();
  for (const [id, raw, rendered] of items) {
    if (seen.has(id)) {
      logger.warn(`Duplicate ${collection} id "${id}": keeping the first one.`);
      continue;
    }
    seen.add(id);
    const digest = context.generateDigest(rendered ? { ...raw, html: rendered.html } : raw);
    if (store.get(id)?.digest === digest) continue;
    const data = await context.parseData({ id, data: raw });
    store.set({ id, data, digest, ...(rendered ? { rendered } : {}) });
  }
  for (const id of store.keys()) {
    if (!seen.has(id)) store.delete(id);
  }
}
