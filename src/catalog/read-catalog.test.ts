/**
 * readCatalog over in-memory snapshots: multi-document files, Backstage's
 * batch rule, Location targets, bad input, and the annotations the collector
 * injects. Every bad input must name its file and leave other repos alone.
 */
import { describe, expect, test } from 'vitest';
import { inMemorySnapshot, type InMemoryRepo } from '../../test/support/in-memory-source.ts';
import type { RepoFile } from '../sources/snapshot.ts';
import { defaultCatalogLimits, readCatalog, type CatalogLimits } from './read-catalog.ts';

const entity = (kind: string, name: string, spec = 'type: service\n  lifecycle: production\n  owner: team-a') =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  ${spec}\n`;
const component = (name: string) => entity('Component', name);
const location = (name: string, targets: string[], extra = '') => entity('Location', name, `targets: [${targets.join(', ')}]${extra}`);

const goodRepo: InMemoryRepo = {
  name: 'good',
  url: 'https://github.com/acme/good',
  catalogFiles: ['catalog-info.yaml'],
  files: { 'catalog-info.yaml': component('good-service') },
};

function read(
  files: Record<string, string | RepoFile>,
  options: { catalogFiles?: string[]; globs?: Record<string, string[]>; limits?: Partial<CatalogLimits> } = {},
) {
  const repo: InMemoryRepo = {
    name: 'payments',
    url: 'https://github.com/acme/payments',
    catalogFiles: options.catalogFiles ?? ['catalog-info.yaml'],
    files,
    globs: options.globs ?? {},
  };
  return readCatalog(inMemorySnapshot([repo, goodRepo]), { ...defaultCatalogLimits, ...options.limits });
}

const refsOf = (result: ReturnType<typeof read>) => result.entities.map((e) => e.ref).sort();
const rulesOf = (result: ReturnType<typeof read>) => result.diagnostics.map((d) => d.rule);

describe('multi-document files', () => {
  test('each document is an entity, numbered like Backstage: empty documents skipped', () => {
    const text = `${component('one')}---\n# only a comment\n---\n${component('two')}---\n---\n${component('three')}`;
    const result = read({ 'catalog-info.yaml': text });
    const own = result.documents.filter((d) => d.repo === 'payments');
    expect(own.map((d) => [d.document, d.ref, d.valid, d.line])).toEqual([
      [0, 'component:default/one', true, 1],
      [1, 'component:default/two', true, 12],
      [2, 'component:default/three', true, 22],
    ]);
    expect(result.entities.find((e) => e.ref === 'component:default/two')!.source).toMatchObject({
      repo: 'payments',
      path: 'catalog-info.yaml',
      document: 1,
      line: 12,
    });
  });

  test('an entity error only drops that entity', () => {
    const result = read({ 'catalog-info.yaml': `${component('one')}---\n${entity('Component', 'two', 'type: service')}` });
    expect(result.documents.filter((d) => d.repo === 'payments').map((d) => d.valid)).toEqual([true, false]);
    expect(rulesOf(result)).not.toContain('file-rejected');
  });
});

describe("Backstage's batch rule", () => {
  const broken: [string, string, string][] = [
    ['YAML syntax error', 'apiVersion: backstage.io/v1alpha1\nkind: [Component\n', 'yaml-syntax'],
    ['document without kind', 'apiVersion: backstage.io/v1alpha1\nmetadata:\n  name: no-kind\nspec: {}\n', 'envelope-invalid'],
    [
      'annotations a list',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: listed\n  annotations: [a]\nspec: {}\n',
      'annotations-not-object',
    ],
    ['root a list', '- apiVersion: backstage.io/v1alpha1\n', 'yaml-root-not-object'],
  ];
  test.each(broken)('%s in document 2 rejects every entity of the file, and only that file', (_, bad, rule) => {
    const text = `${component('one')}---\n${bad}---\n${component('three')}`;
    const threeLine = text.slice(0, text.lastIndexOf('apiVersion')).split('\n').length;
    const result = read(
      { 'catalog-info.yaml': text, 'more/catalog-info.yaml': component('other-file') },
      { catalogFiles: ['catalog-info.yaml', 'more/catalog-info.yaml'] },
    );
    expect(result.documents.filter((d) => d.repo === 'payments' && d.path === 'catalog-info.yaml').map((d) => d.valid)).toEqual([false, false, false]);
    const rejected = result.diagnostics.filter((d) => d.rule === 'file-rejected');
    expect(rejected.map((d) => [d.repo, d.path, d.ref, d.line])).toEqual([
      ['payments', 'catalog-info.yaml', 'component:default/one', 1],
      ['payments', 'catalog-info.yaml', 'component:default/three', threeLine],
    ]);
    expect(result.diagnostics.find((d) => d.rule === rule)).toMatchObject({ repo: 'payments', path: 'catalog-info.yaml', severity: 'error' });
    for (const d of rejected) expect(d.message).toMatch(/catalog-info\.yaml:\d+ \(document 2\) is broken.*Fix that document first/);
    expect(refsOf(result)).toEqual(['component:default/good-service', 'component:default/other-file']);
  });
});

describe('Location entities', () => {
  test('relative target and targets are read relative to the Location file, nested Locations too', () => {
    const result = read({
      'catalog-info.yaml': entity('Location', 'root', 'target: ./catalog/all.yaml\n  targets: [/apis.yaml]'),
      'catalog/all.yaml': location('all', ['./teams/a.yaml', '../components.yaml']),
      'catalog/teams/a.yaml': component('team-a-service'),
      'components.yaml': component('one'),
      'apis.yaml': component('from-root-path'),
    });
    expect(refsOf(result)).toEqual([
      'component:default/from-root-path',
      'component:default/good-service',
      'component:default/one',
      'component:default/team-a-service',
      'location:default/all',
      'location:default/root',
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.entities.find((e) => e.ref === 'component:default/team-a-service')!.source.path).toBe('catalog/teams/a.yaml');
  });

  test('a missing required target is an error at the Location, and its other targets are rejected too', () => {
    const result = read({ 'catalog-info.yaml': location('root', ['./a.yaml', './gone.yaml']), 'a.yaml': component('a') });
    const notFound = result.diagnostics.find((d) => d.rule === 'location-target-not-found')!;
    expect(notFound).toMatchObject({ repo: 'payments', path: 'catalog-info.yaml', line: 1, severity: 'error' });
    expect(notFound.message).toMatch(/gone\.yaml does not exist in payments.*presence: optional/);
    expect(result.documents.find((d) => d.path === 'a.yaml')).toMatchObject({ valid: false });
    expect(result.diagnostics.find((d) => d.rule === 'file-rejected')).toMatchObject({ path: 'a.yaml', ref: 'component:default/a' });
    expect(refsOf(result)).toEqual(['component:default/good-service', 'location:default/root']);
  });

  test('presence: optional skips a missing target silently', () => {
    const result = read({ 'catalog-info.yaml': location('root', ['./a.yaml', './gone.yaml'], '\n  presence: optional'), 'a.yaml': component('a') });
    expect(result.diagnostics).toEqual([]);
    expect(refsOf(result)).toContain('component:default/a');
  });

  test('a target outside the repo is refused, and the whole Location with it', () => {
    const result = read({ 'catalog-info.yaml': location('root', ['./a.yaml', '../../x.yaml']), 'a.yaml': component('a') });
    expect(rulesOf(result)).toEqual(['location-target-outside-repo', 'file-rejected']);
    expect(result.diagnostics[0]!.message).toContain('`../../x.yaml` points outside the repository');
    expect(result.diagnostics[1]).toMatchObject({ path: 'catalog-info.yaml', ref: 'location:default/root' });
    expect(refsOf(result)).toEqual(['component:default/good-service', 'location:default/root']);
  });

  test('a glob target reads the files the source matched', () => {
    const result = read(
      { 'catalog-info.yaml': location('root', ["'./services/*.yaml'"]), 'services/a.yaml': component('a'), 'services/b.yaml': component('b') },
      { globs: { 'services/*.yaml': ['services/a.yaml', 'services/b.yaml'] } },
    );
    expect(refsOf(result)).toEqual(['component:default/a', 'component:default/b', 'component:default/good-service', 'location:default/root']);
  });

  test('a URL of another repo or host is not followed: a warning, the Location stays valid', () => {
    const result = read({ 'catalog-info.yaml': location('root', ['https://github.com/acme/other/blob/main/catalog-info.yaml', 'https://example.com/c.yaml']) });
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['location-target-not-followed', 'warning'],
      ['location-target-not-followed', 'warning'],
    ]);
    expect(refsOf(result)).toContain('location:default/root');
  });

  test("this repo's own blob URL is read like a relative path", () => {
    const result = read({ 'catalog-info.yaml': location('root', ['https://github.com/acme/payments/blob/main/a.yaml']), 'a.yaml': component('a') });
    expect(refsOf(result)).toContain('component:default/a');
  });

  test('a loop a → b → a terminates and reads each file once', () => {
    const result = read({ 'catalog-info.yaml': location('a', ['./b.yaml']), 'b.yaml': location('b', ['./catalog-info.yaml', './b.yaml']) });
    expect(result.documents.filter((d) => d.repo === 'payments').map((d) => d.ref)).toEqual(['location:default/a', 'location:default/b']);
  });

  test('Locations nested deeper than the limit are not followed', () => {
    const files: Record<string, string> = { 'catalog-info.yaml': location('l0', ['./l1.yaml']) };
    for (let i = 1; i <= 4; i++) files[`l${i}.yaml`] = location(`l${i}`, [`./l${i + 1}.yaml`]);
    files['l5.yaml'] = component('deep');
    const result = read(files, { limits: { maxLocationDepth: 3 } });
    expect(refsOf(result)).toEqual([
      'component:default/good-service',
      'location:default/l0',
      'location:default/l1',
      'location:default/l2',
      'location:default/l3',
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'location-depth', path: 'l3.yaml', ref: 'location:default/l3', severity: 'error' })]);
    expect(result.diagnostics[0]!.message).toContain('more than 3 levels');
  });

  test('a target type other than url is not followed', () => {
    const result = read({ 'catalog-info.yaml': entity('Location', 'root', 'type: file\n  target: ./a.yaml'), 'a.yaml': component('a') });
    expect(rulesOf(result)).toEqual(['location-target-not-followed']);
    expect(result.diagnostics[0]!.message).toContain('`file`');
    expect(refsOf(result)).not.toContain('component:default/a');
  });
});

const billionLaughs = [
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
].join('\n');

describe('bad input', () => {
  const badInputs: { name: string; file: string | RepoFile; rule: string; words: RegExp }[] = [
    {
      name: 'malformed YAML',
      file: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [x\n',
      rule: 'yaml-syntax',
      words: /Fix the YAML syntax/,
    },
    { name: 'a YAML alias bomb', file: billionLaughs, rule: 'yaml-alias-limit', words: /billion laughs/ },
    {
      name: 'a 50 MB file',
      file: { status: 'too-large', size: 50 * 1024 * 1024, limit: 1024 * 1024 },
      rule: 'file-too-large',
      words: /50\.0 MiB.*1\.0 MiB.*limits\.maxFileBytes/,
    },
    { name: 'a binary file', file: { status: 'binary', size: 2048 }, rule: 'file-binary', words: /binary.*UTF-8/ },
    {
      name: 'a symlink out of the repo',
      file: { status: 'outside-repo', reason: 'a symlink leads to a path outside the repository' },
      rule: 'file-outside-repo',
      words: /symlink/,
    },
    { name: 'an unreadable file', file: { status: 'unreadable', reason: 'EACCES: permission denied' }, rule: 'file-unreadable', words: /EACCES/ },
  ];
  test.each(badInputs)('$name: $rule names the file, and other repos still load', ({ file, rule, words }) => {
    // An alias bomb expanded, or a 50 MB file read, would not finish inside the test's timeout.
    const result = read({ 'catalog-info.yaml': file });
    const diagnostic = result.diagnostics.find((d) => d.rule === rule);
    expect(diagnostic, rulesOf(result).join(', ')).toMatchObject({ repo: 'payments', path: 'catalog-info.yaml', severity: 'error' });
    expect(diagnostic!.message).toMatch(words);
    expect(refsOf(result)).toEqual(['component:default/good-service']);
  });

  test('the line of a YAML syntax error is the line of the mistake', () => {
    const result = read({ 'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n bad: indent\n' });
    expect(result.diagnostics[0]).toMatchObject({ rule: 'yaml-syntax', line: 5 });
  });

  test('non-UTF-8 text is read with replacement characters: a warning, the entity stays valid', () => {
    const text = component('latin1').replace('metadata:\n', 'metadata:\n  description: caf\uFFFD\n');
    const result = read({ 'catalog-info.yaml': { status: 'text', text, size: text.length, lossy: true } });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'file-not-utf8', severity: 'warning', repo: 'payments', path: 'catalog-info.yaml', line: 1, column: 1 }),
    ]);
    expect(refsOf(result)).toEqual(['component:default/good-service', 'component:default/latin1']);
  });

  test('a broken Location target is reported at the Location that names it', () => {
    const result = read({ 'catalog-info.yaml': location('root', ['./big.yaml']), 'big.yaml': { status: 'too-large', size: 5_000_000, limit: 1_000_000 } });
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'file-too-large', path: 'catalog-info.yaml', line: 1 })]);
    expect(result.diagnostics[0]!.message).toContain('Location target big.yaml');
  });

  test('documents past maxDocumentsPerFile are not read, and the file says so', () => {
    const text = ['one', 'two', 'three', 'four'].map(component).join('---\n');
    const result = read({ 'catalog-info.yaml': text }, { limits: { maxDocumentsPerFile: 2 } });
    expect(refsOf(result)).toEqual(['component:default/good-service', 'component:default/one', 'component:default/two']);
    const tooMany = result.diagnostics.find((d) => d.rule === 'yaml-too-many-documents')!;
    expect(tooMany).toMatchObject({ repo: 'payments', path: 'catalog-info.yaml', severity: 'error' });
    expect(tooMany.message).toMatch(/4 documents; only the first 2.*maxDocumentsPerFile/);
  });

  test('a repo without catalog file is reported as info, and the others load', () => {
    const result = readCatalog(inMemorySnapshot([{ name: 'empty', catalogFiles: [], files: {} }, goodRepo]));
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'repo-no-catalog', severity: 'info', repo: 'empty', path: '' })]);
    expect(result.diagnostics[0]!.message).toContain('catalog-info.yaml');
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/good-service']);
  });
});

describe('what the collector adds', () => {
  test('the namespace defaults to `default`, and a written namespace is kept', () => {
    const result = read({ 'catalog-info.yaml': `${component('a')}---\n${component('b').replace('  name: b', '  name: b\n  namespace: payments')}` });
    expect(result.entities.filter((e) => e.source.repo === 'payments').map((e) => [e.ref, e.json.metadata.namespace])).toEqual([
      ['component:default/a', 'default'],
      ['component:payments/b', 'payments'],
    ]);
  });

  test('location annotations point at the file in the repo, overriding what the file says', () => {
    const text = component('a').replace(
      'metadata:\n',
      "metadata:\n  annotations:\n    backstage.io/managed-by-location: 'url:https://elsewhere'\n    backstage.io/view-url: https://custom\n",
    );
    const result = read({ 'catalog-info.yaml': location('root', ['./services/a.yaml']), 'services/a.yaml': text });
    const annotations = result.entities.find((e) => e.ref === 'component:default/a')!.json.metadata['annotations'];
    expect(annotations).toEqual({
      'backstage.io/managed-by-location': 'url:https://github.com/acme/payments/blob/main/services/a.yaml',
      'backstage.io/managed-by-origin-location': 'url:https://github.com/acme/payments/blob/main/services/a.yaml',
      'backstage.io/source-location': 'url:https://github.com/acme/payments/tree/main/services/',
      'backstage.io/view-url': 'https://custom',
      'backstage.io/edit-url': 'https://github.com/acme/payments/edit/main/services/a.yaml',
    });
  });

  test('a repo without URL gets file: locations and no view/edit URLs', () => {
    const result = readCatalog(inMemorySnapshot([{ name: 'plain', catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': component('a') } }]));
    expect(result.entities[0]!.json.metadata['annotations']).toEqual({
      'backstage.io/managed-by-location': 'file:plain/catalog-info.yaml',
      'backstage.io/managed-by-origin-location': 'file:plain/catalog-info.yaml',
    });
  });
});

describe('per-repo isolation: an exception costs its file or repo, never the catalog', () => {
  // Snapshots are checked where they are made; these bypass that on purpose, to reach the guards.
  const notText = { status: 'text', text: 42 as unknown as string, size: 2 } as RepoFile;

  test('a file the YAML parser throws on rejects its batch, with repo-failed naming the stage and file', () => {
    const result = read({ 'catalog-info.yaml': notText });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'repo-failed',
        severity: 'error',
        repo: 'payments',
        path: 'catalog-info.yaml',
        message: expect.stringMatching(
          /^Frontdoor failed while parsing YAML \(catalog-info\.yaml\): TypeError: .*\. This file, and every entity read with it, is left out/,
        ),
      }),
    ]);
    expect(refsOf(result)).toEqual(['component:default/good-service']);
  });

  test('a document whose validation throws is lost alone; the rest of its file loads', () => {
    const api = entity('API', 'pay-api', 'type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $yaml: ./openapi.yaml');
    const result = read({ 'catalog-info.yaml': `${component('one')}---\n${api}`, 'openapi.yaml': notText });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'repo-failed',
        repo: 'payments',
        path: 'catalog-info.yaml',
        line: 10,
        message: expect.stringMatching(
          /^Frontdoor failed while validating a catalog entity \(catalog-info\.yaml\): TypeError: .*\. This document is left out of the portal; the rest/,
        ),
      }),
    ]);
    expect(refsOf(result)).toEqual(['component:default/good-service', 'component:default/one']);
    expect(result.documents.filter((d) => d.repo === 'payments').map((d) => d.valid)).toEqual([true, false]);
  });

  test('a repo that throws anywhere else is left out whole, and the other repos load', () => {
    const snapshot = inMemorySnapshot([goodRepo]);
    snapshot.repos.unshift({ ...snapshot.repos[0]!, name: 'broken', files: null as never });
    const result = readCatalog(snapshot);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'repo-failed',
        repo: 'broken',
        path: '',
        message: expect.stringMatching(/^Frontdoor failed while reading its catalog files: TypeError: .*What this stage makes of broken is left out/),
      }),
    ]);
    expect(refsOf(result)).toEqual(['component:default/good-service']);
    expect(result.documents.map((d) => d.repo)).toEqual(['good']);
  });
});

describe('what the source reports', () => {
  test('each problem the source found in a repo becomes a diagnostic with its rule', () => {
    const snapshot = inMemorySnapshot([goodRepo]);
    snapshot.repos[0]!.problems = [
      { rule: 'repo-date-invalid', message: 'The last commit date "10000-01-01T00:00:00Z" is not a valid date; it is shown as unknown.' },
      { rule: 'repo-url-invalid', message: 'The remote URL is not a valid web URL.', path: '.git/config' },
    ];
    expect(readCatalog(snapshot).diagnostics).toEqual([
      expect.objectContaining({
        rule: 'repo-date-invalid',
        severity: 'warning',
        repo: 'good',
        path: '',
        message: 'The last commit date "10000-01-01T00:00:00Z" is not a valid date; it is shown as unknown.',
      }),
      expect.objectContaining({ rule: 'repo-url-invalid', severity: 'warning', repo: 'good', path: '.git/config' }),
    ]);
  });

  test('a Location target or catalog file in the git folder is file-in-git-dir, not read', () => {
    const result = read({ 'catalog-info.yaml': location('root', ['./.git/config']) });
    expect(rulesOf(result)).toEqual(['file-in-git-dir', 'file-rejected']);
    const viaSymlink = read({ 'catalog-info.yaml': { status: 'outside-repo', reason: "a symlink leads into the repository's git folder", gitDir: true } });
    expect(viaSymlink.diagnostics).toEqual([expect.objectContaining({ rule: 'file-in-git-dir', severity: 'error', path: 'catalog-info.yaml' })]);
  });
});
