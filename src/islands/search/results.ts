/**
 * What one search result shows, from the data Pagefind stored for its page
 * (meta and filters decided in src/search-index, see the search contract):
 * the title ("Page title — Entity name" for docs), kind, owner, the excerpt
 * with its matches, and for docs pages the headings the match is under.
 * Also the "Go to …" option that comes first when the query is an entity's
 * exact name or ref. Pure, so it is tested without a browser.
 */
import { entityPagePath } from '../../catalog-model/refs.ts';
import { BASE, href } from '../../view/urls.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import type { ParsedQuery } from './query.ts';

/** A run of excerpt text, highlighted when it is a match. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface SubResultView {
  title: string;
  url: string;
}

export interface ResultView {
  url: string;
  title: string;
  /** The badge: the kind, or "<kind> docs" for a docs page. */
  label: string | undefined;
  owner: string | undefined;
  excerpt: ExcerptPart[];
  /** Docs pages: headings above the matches, linking to them. */
  subResults: SubResultView[];
}

export interface GotoView {
  url: string;
  title: string;
  kind: string | undefined;
  owner: string | undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Pagefind's excerpt HTML as text runs. Only `<mark>` means anything; every
 * other tag is text, and the runs are rendered as text nodes, so nothing in
 * an indexed page can become markup here.
 */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>' || tag === '</mark>') {
      mark = tag === '<mark>';
      continue;
    }
    const text = decodeEntities(piece);
    if (text === '') continue;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}

/** A result URL from the index, kept only when it is a path on this site (the index is ours, but pages carry repo content). */
export function safeResultUrl(url: string | undefined): string | undefined {
  if (!url || !url.startsWith(BASE) || url.startsWith('//') || /[\s\\]/.test(url)) return undefined;
  return url;
}

function isDocs(data: PagefindResultData): boolean {
  return data.meta.section === 'Docs' || data.filters?.section?.includes('Docs') === true;
}

/** Docs results name the page and the entity it documents; other pages their own title. */
export function resultTitle(data: PagefindResultData): string {
  const title = data.meta.title?.trim() || data.url;
  const entity = data.meta.entity?.trim();
  return isDocs(data) && entity && entity !== title ? `${title} — ${entity}` : title;
}

/** A heading's text without the permalink sign MkDocs-style anchors add after it (`Install¶`). */
function headingText(title: string): string {
  return title.replace(/[\s¶]+$/u, '').trim();
}

/**
 * `text` as runs, with each word that starts with one of `terms` highlighted (Pagefind stems, so
 * `booking` also finds `bookings`; a prefix match shows that the same way).
 */
export function highlightWords(text: string, terms: readonly string[]): ExcerptPart[] {
  const words = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0);
  const parts: ExcerptPart[] = [];
  for (const piece of text.split(/([\p{L}\p{N}](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}])?)/u)) {
    if (piece === '') continue;
    const mark = words.some((w) => piece.toLowerCase().startsWith(w));
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += piece;
    else parts.push({ text: piece, mark });
  }
  return parts;
}

/**
 * An entity page's excerpt is its description, with the query's words marked. Pagefind's own
 * excerpt is cut around the best-weighted match, which on an entity page is the name, ref and
 * tags block that ranks it (src/search-index/), not prose a reader wants.
 */
function entityExcerpt(data: PagefindResultData, terms: readonly string[]): ExcerptPart[] | undefined {
  const description = data.meta.description?.trim();
  return isEntityPage(data) && description ? highlightWords(description, terms) : undefined;
}

/** `terms`: the words of the query text, to mark in an entity's description. */
export function toResultView(data: PagefindResultData, maxSubResults: number, terms: readonly string[] = []): ResultView | undefined {
  const url = safeResultUrl(data.url);
  if (!url) return undefined;
  const kind = data.meta.kind?.trim() || undefined;
  const docs = isDocs(data);
  const pageTitle = data.meta.title?.trim();
  const subResults = docs
    ? (data.sub_results ?? [])
        .flatMap((sub) => {
          const subUrl = safeResultUrl(sub.url);
          const title = headingText(sub.title);
          // The page's own entry (text before its first heading, or its h1) is the result itself.
          return subUrl && subUrl.includes('#') && title !== '' && title !== pageTitle ? [{ title, url: subUrl }] : [];
        })
        .slice(0, maxSubResults)
    : [];
  return {
    url,
    title: resultTitle(data),
    label: docs ? (kind ? `${kind} docs` : 'Docs') : kind,
    owner: data.meta.owner?.trim() || undefined,
    excerpt: entityExcerpt(data, terms) ?? excerptParts(data.excerpt),
    subResults,
  };
}

/** Docs and API definition pages carry their entity's title in `entity`; an entity's own page does not. */
function isEntityPage(data: PagefindResultData): boolean {
  return !data.meta.entity;
}

/** The entity page of a result: itself, or (docs, definitions) the page of the entity it belongs to. */
function entityPageOf(data: PagefindResultData): string | undefined {
  if (isEntityPage(data)) return safeResultUrl(data.url);
  return data.meta.ref ? href(entityPagePath(data.meta.ref.toLowerCase())) : undefined;
}

/**
 * "Go to …" for an exact ref or name, from the results already loaded: an
 * entity's own page first, else the entity of a docs or definition page.
 */
export function findGoto(parsed: ParsedQuery, results: readonly PagefindResultData[]): GotoView | undefined {
  const matches = (data: PagefindResultData) =>
    parsed.ref ? data.meta.ref?.toLowerCase() === parsed.ref : parsed.name !== undefined && data.meta.name?.toLowerCase() === parsed.name;
  if (!parsed.ref && parsed.name === undefined) return undefined;
  const data = results.find((d) => matches(d) && isEntityPage(d)) ?? results.find(matches);
  const url = data && entityPageOf(data);
  if (!data || !url) return undefined;
  return {
    url,
    title: (isEntityPage(data) ? data.meta.title : data.meta.entity)?.trim() || data.meta.name || url,
    kind: data.meta.kind?.trim() || undefined,
    owner: data.meta.owner?.trim() || undefined,
  };
}

/** "Go to …" for a ref none of the loaded results carry: the page the ref would have (the caller checks it exists). */
export function gotoFromRef(ref: string): GotoView {
  // The canonical ref is lowercase, so it cannot spell the kind as Backstage does (`API`): no kind shown.
  return { url: href(entityPagePath(ref)), title: ref.slice(ref.indexOf('/') + 1), kind: undefined, owner: undefined };
}
