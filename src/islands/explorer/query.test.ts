import { describe, expect, it } from 'vitest';
import { decodeCatalogIndex, encodeCatalogIndex, type CatalogIndex, type ExplorerEntity } from './catalog-index.ts';
import { defaultState, parseState, prepareCatalog, runQuery, serializeState, type ExplorerState } from './query.ts';

const e = (name: string, kind: string, extra: Partial<ExplorerEntity> = {}): ExplorerEntity => ({
  ref: `${kind.toLowerCase()}:default/${name}`,
  path: `catalog/default/${kind.toLowerCase()}/${name}/`,
  name,
  kind,
  namespace: 'default',
  tags: [],
  ...extra,
});

const catalog = prepareCatalog([
  e('payments', 'Component', {
    type: 'service',
    owner: 'group:default/pay',
    ownerName: 'Payments team',
    lifecycle: 'production',
    tags: ['java', 'pci'],
    description: 'Takes card payments',
  }),
  e('payments-api', 'API', { type: 'openapi', owner: 'group:default/pay', ownerName: 'Payments team', lifecycle: 'production', tags: ['pci'] }),
  e('search', 'Component', { type: 'service', owner: 'group:default/find', ownerName: 'Search team', lifecycle: 'experimental', tags: ['java'] }),
  e('web', 'Component', { type: 'website', owner: 'group:default/find', ownerName: 'Search team', title: 'The Website' }),
  e('pay', 'Group', { namespace: 'default' }),
]);

const state = ({ filters, ...patch }: Partial<Omit<ExplorerState, 'filters'>> & { filters?: Partial<ExplorerState['filters']> }): ExplorerState => ({
  ...defaultState(),
  ...patch,
  filters: { ...defaultState().filters, ...filters },
});
const names = (s: ExplorerState) => runQuery(catalog, s).rows.map((r) => r.name);

describe('explorer query', () => {
  it('shows everything by default, sorted by kind then name', () => {
    expect(names(defaultState())).toEqual(['payments-api', 'payments', 'search', 'web', 'pay']);
  });

  it('filters by words in name, title, description, tags and owner', () => {
    expect(names(state({ q: 'card' }))).toEqual(['payments']);
    expect(names(state({ q: 'website' }))).toEqual(['web']);
    expect(names(state({ q: 'search team' }))).toEqual(['search', 'web']);
    expect(names(state({ q: 'PCI java' }))).toEqual(['payments']);
  });

  it('ORs values within a facet and ANDs facets', () => {
    expect(names(state({ filters: { kind: ['API', 'Group'] } }))).toEqual(['payments-api', 'pay']);
    expect(names(state({ filters: { kind: ['Component'], tags: ['java'] } }))).toEqual(['payments', 'search']);
    expect(names(state({ filters: { owner: ['group:default/pay'], kind: ['Component'] } }))).toEqual(['payments']);
  });

  it('counts each facet without its own selection, and keeps a selected value with no matches', () => {
    const result = runQuery(catalog, state({ filters: { kind: ['Component'], lifecycle: ['deprecated'] } }));
    expect(result.total).toBe(0);
    expect(result.facets.kind.find((f) => f.value === 'API')).toBeUndefined();
    expect(result.facets.lifecycle).toEqual(
      expect.arrayContaining([
        { value: 'production', label: 'production', count: 1, selected: false },
        { value: 'deprecated', label: 'deprecated', count: 0, selected: true },
      ]),
    );
    const byKind = runQuery(catalog, state({ filters: { kind: ['Component'] } })).facets.kind;
    expect(byKind).toEqual([
      { value: 'Component', label: 'Component', count: 3, selected: true },
      { value: 'API', label: 'API', count: 1, selected: false },
      { value: 'Group', label: 'Group', count: 1, selected: false },
    ]);
    expect(runQuery(catalog, defaultState()).facets.owner.map((f) => [f.label, f.count])).toEqual([
      ['Payments team', 2],
      ['Search team', 2],
    ]);
  });

  it('sorts by any column, either way, empty values last', () => {
    expect(names(state({ sort: 'name' }))).toEqual(['pay', 'payments', 'payments-api', 'search', 'web']);
    expect(names(state({ sort: 'lifecycle' }))).toEqual(['search', 'payments-api', 'payments', 'web', 'pay']);
    expect(names(state({ sort: 'lifecycle', dir: 'desc' }))).toEqual(['payments-api', 'payments', 'search', 'web', 'pay']);
  });

  it('pages, clamping a page past the end', () => {
    const result = runQuery(catalog, state({ page: 9 }), 2);
    expect(result).toMatchObject({ page: 3, pages: 3, total: 5 });
    expect(result.rows.map((r) => r.name)).toEqual(['pay']);
  });
});

describe('explorer state in the URL', () => {
  it('round-trips, in a stable order', () => {
    const s = state({ q: 'pay', filters: { kind: ['Component', 'API'], tags: ['pci'] }, sort: 'owner', dir: 'desc', page: 2 });
    const url = serializeState(s);
    expect(url).toBe('?q=pay&kind=API&kind=Component&tag=pci&sort=owner&dir=desc&page=2');
    expect(parseState(url)).toEqual({ ...s, filters: { ...s.filters, kind: ['API', 'Component'] } });
  });

  it('is empty for the default view, and ignores junk', () => {
    expect(serializeState(defaultState())).toBe('');
    expect(parseState('?sort=evil&page=-3&dir=sideways&x=1')).toEqual(defaultState());
  });
});

describe('catalog index encoding', () => {
  it('round-trips entities through the dictionary-encoded JSON, cutting long descriptions', () => {
    const long = 'word '.repeat(100);
    const input = [...catalog.entities, e('long', 'System', { description: long })];
    // Through JSON text, as the worker reads it.
    const decoded = decodeCatalogIndex(JSON.parse(JSON.stringify(encodeCatalogIndex(input))) as CatalogIndex);
    expect(decoded.slice(0, -1)).toEqual(catalog.entities);
    expect(decoded.at(-1)!.description!.length).toBeLessThanOrEqual(200);
  });
});
