/**
 * The gallery's filter: which cards match the chosen type, tag and owner (pure, tested), and the
 * few lines that bind it to the form. The filter lives in the URL (`?type=service&tag=java`), so a
 * filtered gallery can be shared.
 */
export interface CardFacets {
  type: string;
  owner: string;
  tags: readonly string[];
}

export interface GalleryFilter {
  type: string;
  tag: string;
  owner: string;
}

export function matchesFilter(card: CardFacets, filter: GalleryFilter): boolean {
  return (!filter.type || card.type === filter.type) && (!filter.owner || card.owner === filter.owner) && (!filter.tag || card.tags.includes(filter.tag));
}

export function filterStatus(shown: number, total: number): string {
  if (shown === total) return `${total} ${total === 1 ? 'template' : 'templates'}`;
  return `${shown} of ${total} templates match`;
}

function facetsOf(card: HTMLElement): CardFacets {
  let tags: unknown;
  try {
    tags = JSON.parse(card.dataset['tags'] ?? '[]');
  } catch {
    tags = [];
  }
  return { type: card.dataset['type'] ?? '', owner: card.dataset['owner'] ?? '', tags: Array.isArray(tags) ? tags.map(String) : [] };
}

export function bindGalleryFilters(form: HTMLFormElement): void {
  const cards = [...document.querySelectorAll<HTMLElement>('.template-card')];
  const status = form.querySelector<HTMLElement>('.filter-status');
  const selects = [...form.querySelectorAll('select')];
  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const wanted = params.get(select.name);
    if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  const apply = () => {
    const filter: GalleryFilter = { type: '', tag: '', owner: '' };
    for (const select of selects) if (select.name in filter) filter[select.name as keyof GalleryFilter] = select.value;
    let shown = 0;
    for (const card of cards) {
      const match = matchesFilter(facetsOf(card), filter);
      card.hidden = !match;
      if (match) shown++;
    }
    if (status) status.textContent = filterStatus(shown, cards.length);
    const url = new URL(location.href);
    for (const [key, value] of Object.entries(filter) as [string, string][]) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    history.replaceState(null, '', url);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
}
