/**
 * `<frontdoor-search>`: the search input, filter chips and results, in the
 * header's dialog (mode="dialog") or inline on /search/ (mode="page").
 *
 * Why Pagefind's JS API and this small custom element, not Pagefind's own UI
 * packages: the UI needs things those packages do not do, or do their own way:
 * prefixes in the query text that become filters and values matched against
 * the index's, a "Go to …" option first for an exact entity name or ref, kind
 * and owner on each result, "Page title — Entity name" for docs, chips with
 * counts that ignore their own selection, a docs-scoped search that can be
 * widened, a shareable URL, and a combobox/listbox the arrow keys drive.
 * Pagefind's UIs would be restyled and patched around for each of those;
 * the JS API gives results, counts and excerpts, and the rest is ours. Plain
 * TypeScript, no React: it loads only when search is first used, and must not
 * make the first use wait for a framework.
 *
 * The combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * focus stays in the input, the arrow keys move aria-activedescendant over the
 * options, Enter opens the active one; a polite status announces the count.
 */
import { urls } from '../../view/urls.ts';
import { loadPagefind, type FilterCounts, type PagefindApi, type PagefindResult } from './pagefind-api.ts';
import { ActiveOption } from './combobox.ts';
import { chipButton, gotoItem, resultItem } from './render.ts';
import { loadViews, runSearch, type SearchOutcome } from './run-search.ts';
import { mergeFilters, parseSearchState, serializeSearchState, toggleFilter } from './state.ts';

/**
 * Typing pauses this long before searching: a burst of keys searches once. Short, because it
 * counts against the 150 ms from a keystroke to its results (measured by `npm run bench`).
 */
const DEBOUNCE_MS = 30;
/**
 * While typing, a started word of one or two letters is left out of the search (withoutStartedWord);
 * a pause this long searches the whole text, so `booking ui` still finds `ui`. Pagefind's own UI
 * waits this long before any search.
 */
const SETTLE_MS = 300;
/** What the dialog shows; each result's data is one more download, so no more than fit on screen. */
const DIALOG_RESULTS = 8;
const PAGE_RESULTS = 20;

let instances = 0;

export class SearchBox extends HTMLElement {
  private readonly uid = `search-${++instances}`;
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private chips!: HTMLDivElement;
  private hint!: HTMLParagraphElement;
  private status!: HTMLParagraphElement;
  private scopeBar!: HTMLDivElement;
  private activeOption!: ActiveOption;
  private more: HTMLButtonElement | undefined;
  private all: HTMLAnchorElement | undefined;
  private built = false;

  private chipFilters: Record<string, string[]> = {};
  private scope: string | undefined;
  private rest: PagefindResult[] = [];
  /** The words of the query on screen, marked in entity descriptions (also for "Load more"). */
  private terms: string[] = [];
  private pagefind: Promise<{ api: PagefindApi; known: FilterCounts }> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per search; a response for an older one is dropped. */
  private generation = 0;
  private optionCount = 0;

  get mode(): 'dialog' | 'page' {
    return this.getAttribute('mode') === 'page' ? 'page' : 'dialog';
  }

  connectedCallback(): void {
    if (this.built) return;
    this.built = true;
    this.build();
    if (this.mode === 'page') {
      const state = parseSearchState(location.search);
      const { docs, ...chips } = state.filters;
      this.scope = docs?.[0];
      this.chipFilters = chips;
      this.input.value = state.q;
      this.updateScope();
    }
    // Loads Pagefind and its filter values now, while the reader starts typing.
    this.search(0);
  }

  /** Focus the input, with `text` in it when given (what was typed in the header field). */
  focusInput(text?: string): void {
    if (text !== undefined && text !== this.input.value) {
      this.input.value = text;
      this.search(0);
    }
    this.input.focus();
    this.input.select();
  }

  private build(): void {
    const listId = `${this.uid}-results`;
    const portalTitle = this.getAttribute('portal-title') ?? 'the portal';
    this.scope = this.getAttribute('scope-ref') ?? undefined;

    this.input = document.createElement('input');
    Object.assign(this.input, { type: 'search', className: 'search-input', autocomplete: 'off', spellcheck: false, enterKeyHint: 'go' });
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-controls', listId);
    this.input.setAttribute('aria-expanded', 'false');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-label', 'Search the portal');

    this.scopeBar = document.createElement('div');
    this.scopeBar.className = 'search-scope';
    const widen = document.createElement('button');
    widen.type = 'button';
    widen.className = 'search-widen';
    widen.textContent = `Search all of ${portalTitle}`;
    widen.addEventListener('click', () => {
      this.scope = undefined;
      this.updateScope();
      this.input.focus();
      this.search(0);
    });
    this.scopeBar.append(document.createElement('span'), widen);

    this.chips = document.createElement('div');
    this.chips.className = 'search-filters';
    this.chips.setAttribute('role', 'group');
    this.chips.setAttribute('aria-label', 'Filter results');
    this.chips.addEventListener('click', (event) => {
      const chip = (event.target as Element).closest<HTMLButtonElement>('button.search-chip');
      if (!chip?.dataset.filter || chip.dataset.value === undefined) return;
      this.chipFilters = toggleFilter(this.chipFilters, chip.dataset.filter, chip.dataset.value);
      chip.setAttribute('aria-pressed', String(chip.getAttribute('aria-pressed') !== 'true'));
      this.search(0);
    });

    this.hint = document.createElement('p');
    this.hint.className = 'search-hint';

    this.list = document.createElement('ul');
    this.list.id = listId;
    this.list.className = 'search-results';
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Search results');
    this.list.dataset.state = 'empty';

    this.activeOption = new ActiveOption(this.input, this.list);

    this.status = document.createElement('p');
    // The page shows its count; the dialog, short of room, only announces it.
    this.status.className = this.mode === 'page' ? 'search-summary' : 'visually-hidden';
    this.status.setAttribute('role', 'status');

    this.input.addEventListener('input', () => this.search(DEBOUNCE_MS, true));
    this.input.addEventListener('keydown', (event) => this.onKey(event));

    const bar = document.createElement('div');
    bar.className = 'search-bar';
    bar.append(this.input);
    this.append(bar, this.scopeBar, this.chips, this.hint, this.status, this.list);

    if (this.mode === 'page') {
      this.more = document.createElement('button');
      this.more.type = 'button';
      this.more.className = 'search-more';
      this.more.textContent = 'Load more results';
      this.more.hidden = true;
      this.more.addEventListener('click', () => void this.loadMore());
      this.append(this.more);
    } else {
      const footer = document.createElement('div');
      footer.className = 'search-footer';
      this.all = document.createElement('a');
      this.all.className = 'search-all';
      this.all.textContent = 'See all results';
      this.all.href = urls.search();
      const keys = document.createElement('span');
      keys.className = 'search-keys';
      keys.setAttribute('aria-hidden', 'true');
      keys.textContent = '↑↓ move · Enter open · Esc close';
      footer.append(this.all, keys);
      this.append(footer);
    }
    this.updateScope();
  }

  private updateScope(): void {
    const label = this.getAttribute('scope-label') ?? (this.scope ? `the docs of ${this.scope.slice(this.scope.indexOf('/') + 1)}` : undefined);
    const scoped = this.scope !== undefined;
    this.scopeBar.hidden = !scoped;
    const text = this.scopeBar.firstElementChild;
    if (text) text.textContent = scoped ? `Searching ${label ?? ''}.` : '';
    this.input.placeholder = scoped ? `Search ${label ?? ''}` : 'Search the portal';
  }

  private state() {
    return { q: this.input.value, filters: mergeFilters(this.chipFilters, this.scope ? { docs: [this.scope] } : {}) };
  }

  /** Search after `delay` ms; a newer call replaces a pending one. `typing`: see SearchRequest. */
  private search(delay: number, typing = false): void {
    clearTimeout(this.timer);
    this.list.dataset.state = 'loading';
    // Enter while a newer search is pending must not open a result of the old one.
    this.activeOption.set(undefined);
    const link = serializeSearchState(this.state());
    if (this.all) this.all.href = urls.search(link);
    if (this.mode === 'page') history.replaceState(history.state, '', `${location.pathname}${link}${location.hash}`);
    this.timer = setTimeout(() => void this.run(typing), delay);
  }

  private async run(typing = false): Promise<void> {
    const generation = ++this.generation;
    const q = this.input.value;
    try {
      this.pagefind ??= loadPagefind().then(async (api) => ({ api, known: await api.filters() }));
      const { api, known } = await this.pagefind;
      const limit = this.mode === 'page' ? PAGE_RESULTS : DIALOG_RESULTS;
      const maxSubResults = this.mode === 'page' ? 5 : 3;
      const outcome = await runSearch(api, known, { q, chips: this.chipFilters, scope: this.scope, limit, maxSubResults, typing });
      if (generation !== this.generation) return;
      this.render(outcome);
      // The list stays as it is until the whole text's results replace it; a keystroke cancels this.
      if (outcome.deferred) this.timer = setTimeout(() => void this.run(), SETTLE_MS);
    } catch (error) {
      this.pagefind = undefined;
      if (generation !== this.generation) return;
      console.error('Frontdoor search:', error);
      this.list.replaceChildren();
      this.list.dataset.query = q;
      this.list.dataset.state = 'empty';
      this.hint.textContent = 'Search is unavailable: its index could not be loaded. Try again later.';
      this.announce(this.hint.textContent);
    }
  }

  private render(outcome: SearchOutcome): void {
    const { parsed } = outcome;
    this.rest = outcome.rest;
    this.terms = outcome.terms;
    this.optionCount = 0;
    this.activeOption.set(undefined);
    const items: HTMLLIElement[] = [];
    if (outcome.goto) items.push(gotoItem(this.nextId(), outcome.goto));
    for (const view of outcome.results) items.push(resultItem(this.nextId(), view));
    this.list.replaceChildren(...items);
    const focused = document.activeElement instanceof HTMLButtonElement && this.chips.contains(document.activeElement) ? document.activeElement : undefined;
    this.chips.replaceChildren(...outcome.chips.map(chipButton));
    // A chip that was just clicked is replaced by its new self: keep keyboard focus on it.
    if (focused) {
      const same = [...this.chips.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => b.dataset.filter === focused.dataset.filter && b.dataset.value === focused.dataset.value,
      );
      (same ?? this.input).focus();
    }
    this.chips.hidden = outcome.chips.length === 0;
    if (this.more) this.more.hidden = this.rest.length === 0;

    if (outcome.idle) this.hint.textContent = 'Type to search. Narrow with kind:api, owner:team-name, lifecycle:production, tag:kafka.';
    else if (parsed.unknown.length > 0) this.hint.textContent = parsed.unknown.map((u) => `No ${u.key} "${u.value}" in this portal.`).join(' ');
    else if (items.length === 0) this.hint.textContent = 'No results.';
    else this.hint.textContent = '';
    this.hint.hidden = this.hint.textContent === '';

    const count = Math.max(outcome.total, items.length);
    this.list.dataset.query = outcome.request.q;
    this.list.dataset.state = items.length > 0 ? 'done' : 'empty';
    this.input.setAttribute('aria-expanded', String(items.length > 0));
    this.announce(outcome.idle ? '' : count === 1 ? '1 result' : `${count === 0 ? 'No' : count} results`);
    // An exact name or ref: Enter goes there at once.
    if (outcome.goto) this.activeOption.set(this.activeOption.options()[0]);
  }

  private async loadMore(): Promise<void> {
    const next = this.rest.slice(0, PAGE_RESULTS);
    const generation = this.generation;
    const views = await loadViews(next, 5, this.terms);
    if (generation !== this.generation) return;
    this.rest = this.rest.slice(next.length);
    const first = this.list.children.length;
    this.list.append(...views.map((view) => resultItem(this.nextId(), view)));
    if (this.more) this.more.hidden = this.rest.length === 0;
    this.activeOption.set(this.list.children[first]?.querySelector<HTMLElement>('[role="option"]') ?? undefined);
    this.input.focus();
  }

  private nextId(): string {
    return `${this.uid}-option-${this.optionCount++}`;
  }

  private announce(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.activeOption.move(event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const current = this.activeOption.current();
      if (current instanceof HTMLAnchorElement) current.click();
      else if (this.all && this.input.value.trim() !== '') this.all.click();
    }
  }
}

if (!customElements.get('frontdoor-search')) customElements.define('frontdoor-search', SearchBox);
