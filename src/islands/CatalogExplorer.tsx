/**
 * The catalog explorer: a table of every entity with facets, a text filter,
 * sorting and pages, its state in the URL so a filtered view can be shared.
 *
 * Rendered on the server with one page of rows, so without JavaScript it is a
 * plain, paginated list. In the browser it fetches `/catalog.json` once and
 * filters in memory; the logic lives in ./explorer/query.ts.
 */
import { useEffect, useState, type MouseEvent } from 'react';
import { entityPagePath } from '../catalog-model/refs.ts';
import { FACETS, type ExplorerEntity, type Facet } from './explorer/catalog-index.ts';
import { catalogWorker, startEarly, type CatalogWorker } from './explorer/load-catalog.ts';
import { displayLabel, parseState, serializeState, shortRef, type ExplorerState, type FacetValue, type QueryResult, type SortKey } from './explorer/query.ts';

// Runs when the browser imports this module, before React hydrates the island.
startEarly();

export interface CatalogExplorerProps {
  /** Site base path, with slashes (`/` or `/portal/`). */
  base: string;
  jsonUrl: string;
  /** What the server rendered: one page of the default view. */
  initial: QueryResult;
  initialState: ExplorerState;
}

const facetTitles: Record<Facet, string> = {
  kind: 'Kind',
  type: 'Type',
  owner: 'Owner',
  lifecycle: 'Lifecycle',
  system: 'System',
  namespace: 'Namespace',
  tags: 'Tags',
};
const columns: { key: SortKey; title: string }[] = [
  { key: 'name', title: 'Name' },
  { key: 'kind', title: 'Kind' },
  { key: 'type', title: 'Type' },
  { key: 'owner', title: 'Owner' },
  { key: 'system', title: 'System' },
  { key: 'lifecycle', title: 'Lifecycle' },
];
/** Long facets (tags, owners) show their top values until expanded. */
const FACET_PREVIEW = 8;

export default function CatalogExplorer({ base, jsonUrl, initial, initialState }: CatalogExplorerProps) {
  const [catalog, setCatalog] = useState<CatalogWorker | undefined>();
  const [failed, setFailed] = useState(false);
  const [state, setState] = useState<ExplorerState>(initialState);
  // The result and the state it answers: the table never claims to show a state it does not.
  const [answer, setAnswer] = useState<{ state: ExplorerState; result: QueryResult }>({ state: initialState, result: initial });
  const result = answer.result;
  const upToDate = answer.state === state;
  const [expanded, setExpanded] = useState<Partial<Record<Facet, boolean>>>({});
  // On a phone the facets would push the results off screen: they fold behind a button there.
  const [showFacets, setShowFacets] = useState(false);

  useEffect(() => {
    setState(parseState(window.location.search));
    const onPop = () => setState(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    // Usually already loading: the worker starts when this module is imported (see load-catalog.ts).
    const worker = catalogWorker(jsonUrl);
    worker.ready.then(() => setCatalog(worker)).catch(() => setFailed(true));
    return () => window.removeEventListener('popstate', onPop);
  }, [jsonUrl]);

  useEffect(() => {
    if (!catalog) return;
    let current = true;
    // Nothing to catch: a query never rejects (the worker answers each one once its catalog is ready).
    void catalog.query(state).then((r) => current && setAnswer({ state, result: r }));
    return () => {
      current = false;
    };
  }, [catalog, state]);

  const update = (next: ExplorerState, push = false) => {
    setState(next);
    const url = `${window.location.pathname.replace(/page\/\d+\/$/, '')}${serializeState(next)}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };
  const toggle = (facet: Facet, value: string) => {
    const current = state.filters[facet];
    const filters = { ...state.filters, [facet]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] };
    update({ ...state, filters, page: 1 });
  };
  const sortBy = (key: SortKey) => update({ ...state, sort: key, dir: state.sort === key && state.dir === 'asc' ? 'desc' : 'asc', page: 1 });
  const goTo = (page: number) => (event: MouseEvent) => {
    if (!catalog) return; // without data, the link to the static page works as it is
    event.preventDefault();
    update({ ...state, page }, true);
  };
  const active = state.q.trim() !== '' || FACETS.some((f) => state.filters[f].length > 0);
  const link = (path: string) => `${base}${path}`;

  return (
    <div className="explorer">
      <div className="explorer-controls">
        <label className="explorer-search">
          <span>Filter</span>
          <input
            type="search"
            value={state.q}
            placeholder="Name, description, tag, owner…"
            onChange={(e) => update({ ...state, q: e.target.value, page: 1 })}
            aria-describedby="explorer-status"
          />
        </label>
        <p id="explorer-status" className="explorer-status" role="status" aria-live="polite">
          {failed
            ? 'The catalog could not be loaded for filtering; showing the full list page by page.'
            : upToDate || (!catalog && !active)
              ? `${result.total} ${result.total === 1 ? 'entity' : 'entities'}${active ? ' match' : ''}`
              : catalog
                ? 'Filtering…'
                : 'Loading the catalog…'}
          {active && (
            <button type="button" className="link-button" onClick={() => update({ ...parseState(''), sort: state.sort, dir: state.dir })}>
              Clear filters
            </button>
          )}
        </p>
      </div>
      {catalog && (
        <button type="button" className="facets-toggle" aria-expanded={showFacets} aria-controls="explorer-facets" onClick={() => setShowFacets(!showFacets)}>
          {showFacets ? 'Hide filters' : 'Show filters'}
          {active ? ' (active)' : ''}
        </button>
      )}
      <div className="explorer-body">
        <aside id="explorer-facets" className={showFacets ? 'explorer-facets open' : 'explorer-facets'} aria-label="Filters">
          {FACETS.map((facet) => (
            <FacetGroup
              key={facet}
              facet={facet}
              values={result.facets[facet]}
              enabled={!!catalog}
              expanded={!!expanded[facet]}
              onExpand={() => setExpanded({ ...expanded, [facet]: true })}
              onToggle={(v) => toggle(facet, v)}
            />
          ))}
        </aside>
        <div className="explorer-results">
          <div className="table-wrap" role="region" aria-label="Catalog entities" tabIndex={0}>
            <table className="catalog-table">
              <caption className="visually-hidden">
                Catalog entities, page {result.page} of {result.pages}
              </caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" aria-sort={state.sort === c.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                      <button type="button" className="sort-button" onClick={() => sortBy(c.key)} disabled={!catalog}>
                        {c.title}
                        <span aria-hidden="true">{state.sort === c.key ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    </th>
                  ))}
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((e) => (
                  <Row key={e.ref} entity={e} link={link} />
                ))}
              </tbody>
            </table>
          </div>
          {result.rows.length === 0 && <p className="muted">Nothing matches. Remove a filter or change the text.</p>}
          {result.pages > 1 && (
            <nav className="pagination" aria-label="Catalog pages">
              {result.page > 1 && (
                <a href={pageHref(base, result.page - 1, state)} onClick={goTo(result.page - 1)} rel="prev">
                  ← Previous
                </a>
              )}
              <span>
                Page {result.page} of {result.pages}
              </span>
              {result.page < result.pages && (
                <a href={pageHref(base, result.page + 1, state)} onClick={goTo(result.page + 1)} rel="next">
                  Next →
                </a>
              )}
            </nav>
          )}
        </div>
      </div>
    </div>
  );
}

/** Without filters, pages are static pages; with them, the explorer's URL state. */
function pageHref(base: string, page: number, state: ExplorerState): string {
  const plain = state.q === '' && FACETS.every((f) => state.filters[f].length === 0) && state.sort === 'kind' && state.dir === 'asc';
  if (plain) return page <= 1 ? `${base}catalog/` : `${base}catalog/page/${page}/`;
  return `${base}catalog/${serializeState({ ...state, page })}`;
}

function Row({ entity: e, link }: { entity: ExplorerEntity; link: (path: string) => string }) {
  return (
    <tr>
      <th scope="row">
        <a href={link(e.path)}>{displayLabel(e)}</a>
        {e.namespace !== 'default' && <span className="muted ns"> {e.namespace}</span>}
      </th>
      <td>{e.kind}</td>
      <td>{e.type ?? ''}</td>
      <td className="ref-cell">
        {e.owner && (e.ownerName ? <a href={link(entityPagePath(e.owner))}>{e.ownerName}</a> : <span className="muted">{shortRef(e.owner)}</span>)}
      </td>
      <td className="ref-cell">
        {e.system && (e.systemName ? <a href={link(entityPagePath(e.system))}>{e.systemName}</a> : <span className="muted">{shortRef(e.system)}</span>)}
      </td>
      <td>{e.lifecycle ?? ''}</td>
      <td className="desc">
        {e.description ?? ''}
        {e.tags.length > 0 && (
          <span className="row-tags">
            {e.tags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
          </span>
        )}
      </td>
    </tr>
  );
}

function FacetGroup(props: {
  facet: Facet;
  values: FacetValue[];
  enabled: boolean;
  expanded: boolean;
  onExpand: () => void;
  onToggle: (value: string) => void;
}) {
  const { facet, values, enabled, expanded, onExpand, onToggle } = props;
  if (values.length === 0) return null;
  const shown = expanded ? values : values.filter((v, i) => i < FACET_PREVIEW || v.selected);
  return (
    <fieldset className="facet" disabled={!enabled}>
      <legend>{facetTitles[facet]}</legend>
      <ul>
        {shown.map((v) => (
          <li key={v.value}>
            <label>
              <input type="checkbox" checked={v.selected} onChange={() => onToggle(v.value)} />
              <span className="facet-label">{v.label}</span>
              <span className="facet-count">{v.count}</span>
            </label>
          </li>
        ))}
      </ul>
      {shown.length < values.length && (
        <button type="button" className="link-button" onClick={onExpand}>
          Show all {values.length}
        </button>
      )}
    </fieldset>
  );
}
