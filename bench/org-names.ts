/** Unique names and titles for the synthetic org. */

/**
 * Claim a name not in `taken`: the candidate, else up to 20 fresh candidates
 * from `retry`, else the candidate with a number (`-2`, `-3`, …).
 */
export function claimName(taken: Set<string>, candidate: string, retry?: () => string, separator = '-'): string {
  let name = candidate;
  for (let i = 0; taken.has(name) && retry && i < 20; i++) name = retry();
  for (let n = 2; taken.has(name); n++) name = `${candidate}${separator}${n}`;
  taken.add(name);
  return name;
}

const smallWords = new Set(['and', 'of', 'for', 'the']);
const upperWords = new Set(['api', 'sdk', 'ui', 'db', 'v2']);

/** `payments-core` → `Payments Core`, `data-and-analytics` → `Data and Analytics`, `fleet-api` → `Fleet API`. */
export function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((w, i) => (upperWords.has(w) ? w.toUpperCase() : i > 0 && smallWords.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** `fleet-tracker-api` → `Fleet tracker API`. */
export function sentenceCase(slug: string): string {
  const words = slug.split('-').map((w) => (upperWords.has(w) ? w.toUpperCase() : w));
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}

/** Code-unit order: unlike localeCompare, the same on every machine and ICU version. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
