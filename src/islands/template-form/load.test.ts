import { describe, expect, it } from 'vitest';
import { encodeCatalogIndex } from '../explorer/catalog-index.ts';
import { loadCatalog, loadTemplate } from './load.ts';

const respond =
  (body: unknown, status = 200) =>
  () =>
    Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve(body) });

const launchData = {
  ref: 'template:default/x',
  namespace: 'default',
  name: 'x',
  title: 'X',
  parameters: [],
  steps: [{ action: 'fetch:template', input: { url: './skeleton' } }],
  templatePath: 'templates/x/template.yaml',
  repo: { owner: 'acme', name: 'templates', isTemplate: true, visibility: 'private' },
  skeletons: {},
};

describe('load', () => {
  it('reads and validates the launch data', async () => {
    await expect(loadTemplate('/t.json', respond(launchData))).resolves.toMatchObject({ ref: 'template:default/x' });
    await expect(loadTemplate('/t.json', respond({ ref: 1 }))).rejects.toThrow(/not a template's launch data/);
    await expect(loadTemplate('/t.json', respond(null, 404))).rejects.toThrow('/t.json answered HTTP 404');
  });

  it('decodes the explorer’s catalog index', async () => {
    const index = encodeCatalogIndex([{ ref: 'group:default/a', path: 'p/', name: 'a', kind: 'Group', namespace: 'default', tags: [] }]);
    await expect(loadCatalog('/catalog.json', respond(index))).resolves.toEqual([
      { ref: 'group:default/a', path: 'p/', name: 'a', kind: 'Group', namespace: 'default', tags: [] },
    ]);
    await expect(loadCatalog('/catalog.json', respond({ version: 2 }))).rejects.toThrow(/not the catalog index/);
  });
});
