/**
 * The JSON Schema editors use for catalog-info.yaml: the committed file is the
 * generated one, and it says what Backstage says about the differential
 * fixtures, except where JSON Schema cannot (listed below, with the reason).
 *
 * `ajv` is not a declared dependency of Frontdoor; it is in node_modules
 * through yaml-language-server (the same validator VS Code's YAML extension uses).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CATALOG_SCHEMA_ID, catalogJsonSchema } from './json-schema.ts';

const schemaFile = fileURLToPath(new URL('../../public/schema/catalog-info.schema.json', import.meta.url));
const fixtures = fileURLToPath(new URL('../catalog/fixtures/differential/', import.meta.url));

// Formats (`uri`) are hints for editors; the URL check is Backstage's and stays in `npm run validate`.
const validate = new Ajv({ strict: false, validateFormats: false }).compile(catalogJsonSchema());

describe('the committed JSON Schema', () => {
  test('public/schema/catalog-info.schema.json is up to date', () => {
    const expected = `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`;
    expect(readFileSync(schemaFile, 'utf8') === expected, 'public/schema/catalog-info.schema.json is stale: run `npm run schema` and commit it').toBe(true);
  });

  test('is a draft-07 schema with its id, one branch per built-in kind', () => {
    const schema = catalogJsonSchema();
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: CATALOG_SCHEMA_ID });
    const kinds = (schema['anyOf'] as { properties: { kind: { const: string } } }[]).map((s) => s.properties.kind.const);
    expect(kinds.sort()).toEqual(['API', 'Component', 'Domain', 'Group', 'Location', 'Resource', 'System', 'Template', 'User']);
  });
});

interface OracleLine {
  file: string;
  index: number;
  ref: string | null;
  valid: boolean;
}

const oracle = readFileSync(`${fixtures}oracle.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as OracleLine);

/** Non-empty documents of a fixture file, numbered like the oracle; undefined where the YAML is broken. */
function documentsOf(file: string): unknown[] {
  const out: unknown[] = [];
  const docs = parseAllDocuments(readFileSync(fixtures + file, 'utf8'), { merge: false });
  for (const doc of Array.isArray(docs) ? docs : []) {
    const value: unknown = doc.errors.length > 0 ? undefined : doc.toJS({ json: true });
    if (doc.errors.length === 0 && (value === null || value === undefined)) continue;
    out.push(value);
  }
  return out;
}

const hasPlaceholder = (v: unknown): boolean =>
  Array.isArray(v)
    ? v.some(hasPlaceholder)
    : v !== null && typeof v === 'object'
      ? Object.entries(v).some(([k, x]) => k.startsWith('$') || hasPlaceholder(x))
      : false;

/** Where the schema knowingly disagrees with Backstage (`file#index` → why). */
const cannotSay: Record<string, string> = {
  'annotations.yaml#3': '`annotations: ""` is falsy and replaced by the collector; the schema asks for a mapping or null',
  'annotations.yaml#4': '`annotations: false`, same as above',
  'links.yaml#4': 'a link URL without a scheme: `format: uri` is only a hint',
  'links.yaml#5': 'a relative link URL: same',
  'links.yaml#6': 'a space in the URL host: same',
  'links.yaml#8': 'a whitespace-only link title: Backstage trims before checking',
  'links.yaml#10': 'a whitespace-only link icon: same',
  'refs.yaml#0': 'entity refs are parsed by the validator, not the schema',
  'refs.yaml#4': 'same',
  'refs.yaml#5': 'same',
  'refs.yaml#6': 'same',
  'refs.yaml#7': 'same',
  'refs.yaml#8': 'same',
  'refs.yaml#18': 'same',
};

describe('the schema against Backstage verdicts on the differential fixtures', () => {
  // Placeholders are substituted before Backstage validates, and YAML errors are not the schema's business.
  const cases = [...new Set(oracle.map((l) => l.file))].flatMap((file) => {
    const documents = documentsOf(file);
    return oracle
      .filter((l) => l.file === file && documents[l.index] !== undefined && !hasPlaceholder(documents[l.index]))
      .map((l) => ({ key: `${l.file}#${l.index}`, valid: l.valid, document: documents[l.index] }));
  });

  test('enough documents of both verdicts are compared', () => {
    expect(cases.filter((c) => c.valid).length).toBeGreaterThan(80);
    expect(cases.filter((c) => !c.valid).length).toBeGreaterThan(100);
  });

  test('the schema accepts what Backstage accepts and rejects what it rejects, except where it cannot say', () => {
    const disagreements = cases.filter((c) => validate(c.document) !== c.valid).map((c) => c.key);
    expect(disagreements.sort()).toEqual(Object.keys(cannotSay).sort());
  });

  test('it accepts the valid entity of every built-in kind file', () => {
    const files = [
      'kind-api.yaml',
      'kind-component.yaml',
      'kind-domain.yaml',
      'kind-group.yaml',
      'kind-location.yaml',
      'kind-resource.yaml',
      'kind-system.yaml',
      'kind-template.yaml',
      'kind-user.yaml',
    ];
    for (const file of files) {
      const accepted = cases.filter((c) => c.key.startsWith(`${file}#`) && c.valid);
      expect(accepted.length, file).toBeGreaterThan(0);
      for (const c of accepted) expect(validate(c.document), c.key).toBe(true);
    }
  });

  test('an API definition may be a placeholder, other fields may not', () => {
    const api = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'a' },
      spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: { $text: './openapi.yaml' } },
    };
    expect(validate(api)).toBe(true);
    expect(validate({ ...api, spec: { ...api.spec, definition: { $text: './a', $json: './b' } } })).toBe(false);
    expect(validate({ ...api, spec: { ...api.spec, owner: { $text: './owner.txt' } } })).toBe(false);
  });
});
