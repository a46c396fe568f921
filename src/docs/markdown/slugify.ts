/**
 * Heading ids exactly as TechDocs makes them, so existing `page.md#anchor`
 * links keep working:
 *   - `default`: Python-Markdown toc `slugify` (NFKD, drop non-ASCII, drop
 *     punctuation, lower-case, runs of spaces/hyphens → `-`);
 *   - `unicode`: pymdownx.slugs `slugify(case='lower')` (NFC, keeps letters
 *     of every script, each space → `-`), used by e.g. valitydev/techdocs.
 * Duplicates get `_1`, `_2`, … and an empty slug becomes `_1`, as toc's
 * `unique()` does (not GitHub's `-1`).
 */

export type SlugMode = 'default' | 'unicode';

export function slugify(text: string, mode: SlugMode = 'default'): string {
  if (mode === 'unicode') {
    const stripped = stripTags(text.normalize('NFC')).trim().toLowerCase();
    return stripped.replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
  }
  const ascii = text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  return ascii
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}

/**
 * `text.replace(/<\/?[^>]*>/g, '')` (pymdownx.slugs' tag stripping): each
 * `<` up to the next `>`. The regex re-read the rest of the text from every
 * `<` with no `>` after it (quadratic); once none is left, nothing more matches.
 */
function stripTags(text: string): string {
  let out = '';
  let from = 0;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', from)) {
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) break;
    out += text.slice(from, lt);
    from = gt + 1;
  }
  return out + text.slice(from);
}

const COUNTED = /^(.*)_([0-9]+)$/;

/**
 * For each `used` set, where to resume after an id found taken: toc probes
 * `x_1`, `x_2`, … from the start every time, which made a page of 20,000
 * equal headings take minutes. `used` only grows, so "stem_n … stem_(m-1)
 * are all taken" stays true once learnt, and each probe jumps over the
 * runs already walked (a union-find with path compression, per stem).
 */
const resumeAt = new WeakMap<Set<string>, Map<string, bigint>>();

/**
 * Python-Markdown toc `unique()`: makes `id` unused in `used`, and records it.
 * Its output exactly: a taken `x` becomes the first free of `x_1`, `x_2`, …;
 * a taken `x_3` the first free of `x_4`, `x_5`, …; an empty id `_1`. Numbers
 * are bigints, as Python's ints: `x_99999999999999999999` must not round.
 */
export function uniqueId(id: string, used: Set<string>): string {
  if (id && !used.has(id)) {
    used.add(id);
    return id;
  }
  const m = COUNTED.exec(id);
  const stem = m ? m[1]! : id;
  let n = m ? BigInt(m[2]!) + 1n : 1n;
  let jumps = resumeAt.get(used);
  if (!jumps) resumeAt.set(used, (jumps = new Map<string, bigint>()));
  const walked: string[] = [];
  let candidate = `${stem}_${n}`;
  while (used.has(candidate)) {
    walked.push(candidate);
    n = jumps.get(candidate) ?? n + 1n;
    candidate = `${stem}_${n}`;
  }
  for (const taken of walked) jumps.set(taken, n);
  used.add(candidate);
  return candidate;
}
