/** Shared by the parsers' tests: fixture files and lookups into models. */
import { readFileSync } from 'node:fs';

/** A file of `src/api-docs/fixtures/`. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../src/api-docs/fixtures/${name}`, import.meta.url), 'utf8');
}

/** The item named `name` in `items`, or a failed test that says which names there are. */
export function named<T extends { name: string }>(items: readonly T[], name: string): T {
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`no "${name}" among ${items.map((i) => i.name).join(', ')}`);
  return found;
}
