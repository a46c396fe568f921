/**
 * `$text`, `$json` and `$yaml` placeholders, through readCatalog: files of the
 * same repo are read (relative to the entity's file, `/` meaning the repo
 * root); anything leaving the repo is refused; other hosts are not fetched.
 */
import { describe, expect, test } from 'vitest';
import { inMemorySnapshot } from '../../../test/support/in-memory-source.ts';
import type { RepoFile } from '../../sources/snapshot.ts';
import { readCatalog } from '../read-catalog.ts';

/** An API whose `definition` (line 9, column 15) is the given placeholder, plus an optional description line. */
const api = (definition: string, description = '') => `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments-api${description ? `\n  description: ${description}` : ''}
spec:
  type: openapi
  lifecycle: production
  owner: team-payments
  definition: ${definition}
`;

const openapi = 'openapi: 3.0.0\ninfo: { title: Payments }\n';

function read(catalogPath: string, catalog: string, files: Record<string, string | RepoFile> = {}) {
  const result = readCatalog(
    inMemorySnapshot([
      { name: 'payments', url: 'https://github.com/acme/payments', catalogFiles: [catalogPath], files: { [catalogPath]: catalog, ...files } },
      { name: 'good', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': api('text').replace('payments-api', 'good-api') } },
    ]),
  );
  const own = result.entities.find((e) => e.source.repo === 'payments');
  expect(
    result.entities.some((e) => e.ref === 'api:default/good-api'),
    'another repo must still load',
  ).toBe(true);
  return { result, entity: own, diagnostics: result.diagnostics, spec: own?.json.spec, metadata: own?.json.metadata };
}

describe('placeholders resolved inside the repo', () => {
  test('$text reads a file relative to the entity file', () => {
    const { spec, diagnostics } = read('catalog-info.yaml', api('{ $text: ./openapi.yaml }'), { 'openapi.yaml': openapi });
    expect(diagnostics).toEqual([]);
    expect(spec!['definition']).toBe(openapi);
  });

  test('relative paths start at the folder of the file, a leading / at the repo root', () => {
    const { metadata, spec, diagnostics } = read(
      'services/payments/catalog-info.yaml',
      api('{ $text: ../../api/openapi.yaml }', '{ $text: /docs/summary.txt }'),
      {
        'api/openapi.yaml': openapi,
        'docs/summary.txt': 'Takes card payments.',
      },
    );
    expect(diagnostics).toEqual([]);
    expect(spec!['definition']).toBe(openapi);
    expect(metadata!['description']).toBe('Takes card payments.');
  });

  test('$json and $yaml are parsed, anywhere in the entity, and not scanned again', () => {
    const catalog = api('{ $text: ./openapi.yaml }').replace(
      '  name: payments-api\n',
      '  name: payments-api\n  labels: { $json: ./labels.json }\n  tags: { $yaml: ./tags.yaml }\n',
    );
    const { metadata, diagnostics } = read('catalog-info.yaml', catalog, {
      'openapi.yaml': openapi,
      'labels.json': '{ "tier": "backend", "nested": "x" }',
      'tags.yaml': '- java\n- payments\n',
    });
    expect(diagnostics).toEqual([]);
    expect(metadata!['labels']).toEqual({ tier: 'backend', nested: 'x' });
    expect(metadata!['tags']).toEqual(['java', 'payments']);
  });

  test("this repo's own GitHub URL is read from the snapshot", () => {
    const { spec, diagnostics } = read('catalog-info.yaml', api('{ $text: "https://github.com/acme/payments/blob/main/openapi.yaml" }'), {
      'openapi.yaml': openapi,
    });
    expect(diagnostics).toEqual([]);
    expect(spec!['definition']).toBe(openapi);
  });

  test('an object with two keys is not a placeholder', () => {
    const { diagnostics } = read('catalog-info.yaml', api('{ $text: ./a, $json: ./b }'));
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['spec-field-invalid', 9, 15]]);
  });
});

describe('placeholders that fail', () => {
  const failing: { name: string; definition: string; files?: Record<string, string | RepoFile>; rule: string; words: RegExp }[] = [
    {
      name: 'a missing file',
      definition: '{ $text: ./missing.yaml }',
      rule: 'placeholder-not-found',
      words: /`\$text: \.\/missing\.yaml` names missing\.yaml.*relative to catalog-info\.yaml.*add the file/,
    },
    {
      name: 'a missing /-rooted file',
      definition: '{ $text: /specs/missing.yaml }',
      rule: 'placeholder-not-found',
      words: /leading `\/` means the repository root/,
    },
    {
      name: '../ above the repo root',
      definition: '{ $text: ../../secrets.txt }',
      rule: 'placeholder-outside-repo',
      words: /`\$text: \.\.\/\.\.\/secrets\.txt` points outside the repository.*move the file into this repo/,
    },
    {
      name: 'another GitHub repo',
      definition: '{ $text: "https://github.com/acme/other/blob/main/openapi.yaml" }',
      rule: 'placeholder-outside-repo',
      words: /reads another repository.*copy the file into this repo/,
    },
    {
      name: 'a symlink out of the repo',
      definition: '{ $text: ./link.yaml }',
      files: { 'link.yaml': { status: 'outside-repo', reason: 'a symlink leads outside' } },
      rule: 'placeholder-outside-repo',
      words: /symlink/,
    },
    {
      name: 'a path into the git folder',
      definition: '{ $text: ./.git/config }',
      rule: 'file-in-git-dir',
      words: /`\$text: \.\/\.git\/config` leads into the repository's git folder/,
    },
    {
      name: 'a symlink into the git folder',
      definition: '{ $text: ./link.yaml }',
      files: { 'link.yaml': { status: 'outside-repo', reason: 'a symlink leads into the git folder', gitDir: true } },
      rule: 'file-in-git-dir',
      words: /resolves into the repository's git folder/,
    },
    {
      name: 'a target that is not a string',
      definition: '{ $text: [a, b] }',
      rule: 'placeholder-invalid',
      words: /`\$text` must name a file as a string.*`\$text: \.\/openapi\.yaml`/,
    },
    {
      name: 'invalid JSON',
      definition: '{ $json: ./spec.json }',
      files: { 'spec.json': '{ "a": ' },
      rule: 'placeholder-invalid',
      words: /spec\.json is not valid JSON.*use `\$text`/,
    },
    {
      name: 'a YAML file with two documents',
      definition: '{ $yaml: ./spec.yaml }',
      files: { 'spec.yaml': 'a: 1\n---\nb: 2\n' },
      rule: 'placeholder-invalid',
      words: /2 YAML documents.*exactly one/,
    },
    {
      name: 'a YAML syntax error',
      definition: '{ $yaml: ./spec.yaml }',
      files: { 'spec.yaml': 'a: [1\n' },
      rule: 'placeholder-invalid',
      words: /not valid YAML.*Fix the file/,
    },
    {
      name: 'a binary file',
      definition: '{ $text: ./spec.bin }',
      files: { 'spec.bin': { status: 'binary', size: 10 } },
      rule: 'placeholder-invalid',
      words: /binary.*UTF-8/,
    },
    {
      name: 'a file over the size limit',
      definition: '{ $text: ./big.yaml }',
      files: { 'big.yaml': { status: 'too-large', size: 9_000_000, limit: 1_000_000 } },
      rule: 'file-too-large',
      words: /limits\.maxFileBytes/,
    },
    {
      name: 'an unreadable file',
      definition: '{ $text: ./locked.yaml }',
      files: { 'locked.yaml': { status: 'unreadable', reason: 'EACCES' } },
      rule: 'file-unreadable',
      words: /EACCES/,
    },
  ];
  test.each(failing)('$name: $rule at the placeholder, the entity is invalid', ({ definition, files, rule, words }) => {
    const { result, diagnostics } = read('catalog-info.yaml', api(definition), files);
    // Only the placeholder is reported: the unresolved value is not also a schema error.
    expect(diagnostics).toEqual([
      expect.objectContaining({ rule, severity: 'error', repo: 'payments', path: 'catalog-info.yaml', line: 9, column: 15, ref: 'api:default/payments-api' }),
    ]);
    expect(diagnostics[0]!.message).toMatch(words);
    expect(result.documents.find((d) => d.repo === 'payments')!.valid).toBe(false);
  });

  test('a failing placeholder does not reject the other entities of the file', () => {
    const { result } = read('catalog-info.yaml', `${api('{ $text: ./missing.yaml }')}---\n${api('inline').replace('payments-api', 'other-api')}`);
    expect(result.documents.filter((d) => d.repo === 'payments').map((d) => d.valid)).toEqual([false, true]);
  });
});

describe('placeholders naming another host', () => {
  test('$text keeps the URL, with a warning, and the entity stays valid', () => {
    const { entity, spec, diagnostics } = read('catalog-info.yaml', api('{ $text: "https://petstore.example.com/v2/swagger.json" }'));
    expect(entity).toBeDefined();
    expect(spec!['definition']).toBe('https://petstore.example.com/v2/swagger.json');
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'placeholder-external', severity: 'warning', line: 9, column: 15 })]);
    expect(diagnostics[0]!.message).toMatch(/another host.*Commit the file to this repo/);
  });

  test('$json becomes an empty mapping', () => {
    const catalog = api('inline').replace('  name: payments-api\n', '  name: payments-api\n  labels: { $json: "https://example.com/labels.json" }\n');
    const { metadata, diagnostics } = read('catalog-info.yaml', catalog);
    expect(metadata!['labels']).toEqual({});
    expect(diagnostics.map((d) => d.rule)).toEqual(['placeholder-external']);
  });
});
