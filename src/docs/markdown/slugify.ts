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
    const stripped = text.normalize('NFC').replace(/<\/?[^>]*>/g, '').trim().toLowerCase();
    return stripped.replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
  }
  const ascii = text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  return ascii.replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[-\s]+/g, '-');
}

const COUNTED = /^(.*)_([0-9]+)$/;

/** Python-Markdown toc `unique()`: makes `id` unused in `used`, and records it. */
export function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  while (!candidate || used.has(candidate)) {
    const m = COUNTED.exec(candidate);
    candidate = m ? `${m[1]}_${Number(m[2]) + 1}` : `${candidate}_1`;
  }
  used.add(candidate);
  return candidate;
}
