/**
 * Backstage silently ignores spec fields it does not know, so a typo such as
 * `subComponentOf` quietly drops a relation. Frontdoor warns when an unknown
 * spec field looks like a known one, or names a relation from the wrong side.
 */
import { z } from 'zod';
import type { KindDefinition } from '../../catalog-model/kinds/index.ts';
import { editDistance } from '../../catalog-model/spelling.ts';

/** Inverse relation names people write as fields, and the field that declares them. */
const wrongSide: Record<string, string> = {
  apiconsumedby: 'list the API in `consumesApis` of each consuming Component',
  apiprovidedby: 'list the API in `providesApis` of the providing Component',
  ownerof: 'set `owner` on each owned entity',
  haspart: 'set `system` (or `domain`, `subcomponentOf`) on each part',
  hasmember: "list members in the Group's `members`, or set `memberOf` on each User",
  parentof: 'list child groups in `children`',
  childof: 'set `parent`',
  partof: 'set `system`, `domain`, `subdomainOf` or `subcomponentOf`',
  dependencies: 'list them in `dependsOn` with their kinds, e.g. `resource:db`',
  apis: 'use `providesApis` or `consumesApis`',
};

export interface MisspelledField {
  field: string;
  message: string;
}

export function findMisspelledFields(kind: KindDefinition, spec: Record<string, unknown>): MisspelledField[] {
  const shape = kind.spec instanceof z.ZodObject ? Object.keys(kind.spec.shape) : [];
  const known = new Set([...shape, ...kind.relationFields.map((f) => f.field)]);
  const out: MisspelledField[] = [];
  for (const field of Object.keys(spec)) {
    if (known.has(field)) continue;
    const lower = field.toLowerCase();
    const close =
      [...known].find((k) => k.toLowerCase() === lower) ??
      (field.length >= 5 ? [...known].find((k) => k.length >= 5 && editDistance(k.toLowerCase(), lower) <= 2) : undefined);
    // The wrong-side advice first: `ownerOf` is close to `owner`, but means the opposite relation.
    if (wrongSide[lower]) {
      out.push({
        field,
        message: `\`spec.${field}\` is not ${article(kind.kind)} ${kind.kind} field, so Backstage ignores it and no relation is made. To declare this relation, ${wrongSide[lower]}.`,
      });
    } else if (close) {
      out.push({
        field,
        message: `\`spec.${field}\` is not ${article(kind.kind)} ${kind.kind} field; did you mean \`${close}\`? Backstage ignores unknown fields silently, so this value has no effect.`,
      });
    }
  }
  return out;
}

function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}
