/**
 * One valid entity per kind, then one mutation per test: the verdict, the rule
 * id, the line and column of the field, and a message that names the field and
 * says how to fix it. The last test checks that every rule the catalog stage
 * emits was seen in this file.
 */
import { describe, expect, test } from 'vitest';
import { rules, type RuleId } from '../../diagnostics/rules.ts';
import { inMemorySnapshot } from '../../../test/support/in-memory-source.ts';
import type { RepoFile } from '../../sources/snapshot.ts';
import { defaultCatalogLimits, readCatalog, type CatalogLimits } from '../read-catalog.ts';

const component = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  title: Payments API
  description: Takes card payments.
  labels:
    tier: backend
  annotations:
    github.com/project-slug: acme/payments
  tags: [java, payments]
  links:
    - url: https://grafana.example.com/d/payments
      title: Dashboard
      icon: dashboard
spec:
  type: service
  lifecycle: production
  owner: team-payments
  system: payments
  providesApis: [payments-api]
  dependsOn: [resource:payments-db]
`;

const header = (apiVersion: string, kind: string, name: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;
const v1 = 'backstage.io/v1alpha1';

const bases = {
  Component: component,
  API: `${header(v1, 'API', 'payments-api')}spec:\n  type: openapi\n  lifecycle: production\n  owner: team-payments\n  definition: |\n    openapi: 3.0.0\n`,
  Resource: `${header('backstage.io/v1beta1', 'Resource', 'payments-db')}spec:\n  type: database\n  owner: team-payments\n  system: payments\n`,
  System: `${header(v1, 'System', 'payments')}spec:\n  owner: team-payments\n  domain: commerce\n`,
  Domain: `${header(v1, 'Domain', 'commerce')}spec:\n  owner: team-payments\n`,
  Group: `${header(v1, 'Group', 'team-payments')}spec:\n  type: team\n  parent: engineering\n  children: []\n  members: [jane.doe]\n`,
  User: `${header(v1, 'User', 'jane.doe')}spec:\n  profile:\n    displayName: Jane Doe\n  memberOf: [team-payments]\n`,
  Location: `${header(v1, 'Location', 'payments-apis')}spec:\n  type: url\n  targets: [./apis.yaml]\n`,
  Template: `${header('scaffolder.backstage.io/v1beta3', 'Template', 'new-service')}spec:\n  type: service\n  owner: team-payments\n  parameters:\n    - title: Name\n      properties:\n        name: { type: string }\n  steps:\n    - id: fetch\n      action: fetch:template\n      input: { url: ./skeleton }\n`,
} satisfies Record<string, string>;

const repoUrl = 'https://github.com/acme/payments';
/** Every rule id any test of this file produced; checked against the registry by the last test. */
const seenRules = new Set<string>();

/** Read files as the repo `payments`; `apis.yaml` is there for the base Location's target. */
function read(files: Record<string, string | RepoFile>, catalogFiles = ['catalog-info.yaml'], limits: CatalogLimits = defaultCatalogLimits) {
  const result = readCatalog(inMemorySnapshot([{ name: 'payments', url: repoUrl, catalogFiles, files: { 'apis.yaml': bases.API, ...files } }]), limits);
  for (const d of result.diagnostics) seenRules.add(d.rule);
  return result;
}

/** Replace `from`, which must occur exactly once, by `to`. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once in the base entity`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('the valid base entities', () => {
  test.each(Object.entries(bases))('a %s is accepted without any diagnostic', (kind, text) => {
    const result = read({ 'catalog-info.yaml': text });
    expect(result.diagnostics).toEqual([]);
    expect(result.documents[0]).toMatchObject({ path: 'catalog-info.yaml', valid: true });
    expect(result.entities[0]!.kind.kind).toBe(kind);
  });
});

interface Mutation {
  name: string;
  kind: keyof typeof bases;
  from: string;
  to: string;
  rule: RuleId;
  line: number;
  column: number;
  /** Words the message must contain: the field, and the fix. */
  words: string[];
}

const mutations: Mutation[] = [
  {
    name: 'kind removed',
    kind: 'Component',
    from: 'kind: Component\n',
    to: '',
    rule: 'envelope-invalid',
    line: 1,
    column: 1,
    words: ['`kind`', 'kind: Component'],
  },
  {
    name: 'metadata.name removed',
    kind: 'Component',
    from: '  name: payments-api\n',
    to: '',
    rule: 'envelope-invalid',
    line: 4,
    column: 3,
    words: ['`metadata.name`', 'name: payments-api'],
  },
  {
    name: 'apiVersion a number',
    kind: 'System',
    from: `apiVersion: ${v1}`,
    to: 'apiVersion: 1',
    rule: 'envelope-invalid',
    line: 1,
    column: 13,
    words: ['`apiVersion`', 'the number 1', 'apiVersion: backstage.io/v1alpha1'],
  },
  {
    name: 'annotations a string',
    kind: 'Component',
    from: '  annotations:\n    github.com/project-slug: acme/payments',
    to: '  annotations: acme/payments',
    rule: 'annotations-not-object',
    line: 9,
    column: 16,
    words: ['`metadata.annotations`', 'mapping'],
  },
  {
    name: 'owner at the top level',
    kind: 'Component',
    from: '\nspec:',
    to: '\nowner: team-payments\nspec:',
    rule: 'root-field-unknown',
    line: 16,
    column: 1,
    words: ['`owner`', '`spec.owner`'],
  },
  {
    name: 'tags at the top level',
    kind: 'Domain',
    from: '\nspec:',
    to: '\ntags: [x]\nspec:',
    rule: 'root-field-unknown',
    line: 5,
    column: 1,
    words: ['`tags`', '`metadata.tags`'],
  },
  {
    name: 'relations written by hand',
    kind: 'Domain',
    from: '\nspec:',
    to: '\nrelations: []\nspec:',
    rule: 'root-field-unknown',
    line: 5,
    column: 1,
    words: ['`relations`', 'computed', '`owner`'],
  },
  {
    name: 'apiVersion with a dotted suffix',
    kind: 'Component',
    from: `apiVersion: ${v1}`,
    to: 'apiVersion: backstage.io/v1.0',
    rule: 'api-version-format',
    line: 1,
    column: 13,
    words: ['`apiVersion`', '"backstage.io/v1.0"', 'backstage.io/v1alpha1'],
  },
  {
    name: 'kind with a dash',
    kind: 'Component',
    from: 'kind: Component',
    to: 'kind: Compo-nent',
    rule: 'kind-format',
    line: 2,
    column: 7,
    words: ['`kind`', '"Compo-nent"', '`Component`'],
  },
  {
    name: 'kind in lowercase',
    kind: 'Component',
    from: 'kind: Component',
    to: 'kind: component',
    rule: 'kind-unknown',
    line: 2,
    column: 7,
    words: ['case-sensitive', '`kind: Component`'],
  },
  {
    name: 'kind not built in',
    kind: 'Component',
    from: 'kind: Component',
    to: 'kind: Service',
    rule: 'kind-unknown',
    line: 2,
    column: 7,
    words: ['`kind: Service`', 'not a built-in kind', 'Component, API'],
  },
  {
    name: 'unknown apiVersion for the kind',
    kind: 'Group',
    from: `apiVersion: ${v1}`,
    to: 'apiVersion: backstage.io/v1',
    rule: 'kind-unknown',
    line: 2,
    column: 7,
    words: ['`Group`', '`backstage.io/v1alpha1`', 'not `backstage.io/v1`'],
  },
  {
    name: 'Template on the old apiVersion',
    kind: 'Template',
    from: 'apiVersion: scaffolder.backstage.io/v1beta3',
    to: `apiVersion: ${v1}`,
    rule: 'kind-unknown',
    line: 2,
    column: 7,
    words: ['`apiVersion: scaffolder.backstage.io/v1beta3`', 'migrating-from-v1beta2'],
  },
  {
    name: 'name with a space',
    kind: 'Component',
    from: 'name: payments-api',
    to: 'name: Payments API!',
    rule: 'entity-name-format',
    line: 4,
    column: 9,
    words: ['`metadata.name`', '"Payments API!"', 'Try `Payments-API`'],
  },
  {
    name: 'name of 64 characters',
    kind: 'Domain',
    from: 'name: commerce',
    to: `name: ${'c'.repeat(64)}`,
    rule: 'entity-name-format',
    line: 4,
    column: 9,
    words: ['`metadata.name`', '1–63 characters', `Try \`${'c'.repeat(63)}\``],
  },
  {
    name: 'namespace in capitals',
    kind: 'Component',
    from: '  title: Payments API',
    to: '  namespace: Payments\n  title: Payments API',
    rule: 'namespace-format',
    line: 5,
    column: 14,
    words: ['`metadata.namespace`', '"Payments"', 'lowercase', '`default`'],
  },
  {
    name: 'label key with two slashes',
    kind: 'Component',
    from: '    tier: backend',
    to: '    acme.com/team/tier: backend',
    rule: 'label-key-format',
    line: 8,
    column: 5,
    words: ['Label key "acme.com/team/tier"', 'one `/`', 'example.com/team'],
  },
  {
    name: 'label value with a space',
    kind: 'Component',
    from: 'tier: backend',
    to: 'tier: back end',
    rule: 'label-value-format',
    line: 8,
    column: 11,
    words: ['Label value of `tier`', '"back end"', '`production`'],
  },
  {
    name: 'annotation key with a capital prefix',
    kind: 'Component',
    from: 'github.com/project-slug:',
    to: 'GitHub.com/project-slug:',
    rule: 'annotation-key-format',
    line: 10,
    column: 5,
    words: ['Annotation key "GitHub.com/project-slug"', 'lowercase DNS prefix'],
  },
  {
    name: 'tag with a space and capitals',
    kind: 'Component',
    from: 'tags: [java, payments]',
    to: 'tags: [java, Card Payments]',
    rule: 'tag-format',
    line: 11,
    column: 16,
    words: ['`metadata.tags.1`', '"Card Payments"', 'Try `card-payments`'],
  },
  {
    name: 'link url without a scheme',
    kind: 'Component',
    from: 'url: https://grafana',
    to: 'url: grafana',
    rule: 'link-url-format',
    line: 13,
    column: 12,
    words: ['`metadata.links.0.url`', 'absolute URL', 'https://'],
  },
  {
    name: 'link title blank',
    kind: 'Component',
    from: 'title: Dashboard',
    to: 'title: "  "',
    rule: 'link-text-empty',
    line: 14,
    column: 14,
    words: ['`metadata.links.0.title`', 'blank', 'remove it'],
  },
  {
    name: 'description a list',
    kind: 'Component',
    from: 'description: Takes card payments.',
    to: 'description: [cards]',
    rule: 'metadata-field-invalid',
    line: 6,
    column: 16,
    words: ['`metadata.description`', 'a string', 'a list', 'For example'],
  },
  {
    name: 'title empty',
    kind: 'Component',
    from: 'title: Payments API',
    to: "title: ''",
    rule: 'metadata-field-invalid',
    line: 5,
    column: 10,
    words: ['`metadata.title`', 'empty string', '`title: Payments API`'],
  },
  {
    name: 'labels null',
    kind: 'Component',
    from: '  labels:\n    tier: backend\n',
    to: '  labels:\n',
    rule: 'metadata-field-invalid',
    line: 7,
    column: 10,
    words: ['`metadata.labels`', 'a mapping', 'remove the line'],
  },
  {
    name: 'spec removed',
    kind: 'Domain',
    from: 'spec:\n  owner: team-payments\n',
    to: '',
    rule: 'spec-missing',
    line: 1,
    column: 1,
    words: ['no `spec`', 'mapping'],
  },
  {
    name: 'spec a list',
    kind: 'Location',
    from: 'spec:\n  type: url\n  targets: [./apis.yaml]\n',
    to: 'spec: [./apis.yaml]\n',
    rule: 'spec-missing',
    line: 5,
    column: 7,
    words: ['`spec`', 'mapping', 'a list'],
  },
  {
    name: 'owner removed',
    kind: 'Component',
    from: '  owner: team-payments\n',
    to: '',
    rule: 'spec-field-required',
    line: 17,
    column: 3,
    words: ['`spec.owner`', 'required', '`owner: team-payments`'],
  },
  {
    name: 'definition removed',
    kind: 'API',
    from: '  definition: |\n    openapi: 3.0.0\n',
    to: '',
    rule: 'spec-field-required',
    line: 6,
    column: 3,
    words: ['`spec.definition`', '$text'],
  },
  {
    name: 'Resource owner removed',
    kind: 'Resource',
    from: '  owner: team-payments\n',
    to: '',
    rule: 'spec-field-required',
    line: 6,
    column: 3,
    words: ['`spec.owner`', 'owner: team-payments'],
  },
  {
    name: 'System owner removed',
    kind: 'System',
    from: '  owner: team-payments\n',
    to: '',
    rule: 'spec-field-required',
    line: 6,
    column: 3,
    words: ['`spec.owner`', 'required', '`owner: team-payments`'],
  },
  {
    name: 'children removed',
    kind: 'Group',
    from: '  children: []\n',
    to: '',
    rule: 'spec-field-required',
    line: 6,
    column: 3,
    words: ['`spec.children`', '`children: []`'],
  },
  {
    name: 'memberOf removed',
    kind: 'User',
    from: '  memberOf: [team-payments]\n',
    to: '',
    rule: 'spec-field-required',
    line: 6,
    column: 3,
    words: ['`spec.memberOf`', '`memberOf: []`'],
  },
  {
    name: 'steps removed',
    kind: 'Template',
    from: '  steps:\n    - id: fetch\n      action: fetch:template\n      input: { url: ./skeleton }\n',
    to: '',
    rule: 'spec-field-required',
    line: 6,
    column: 3,
    words: ['`spec.steps`', 'required', 'actions the template runs'],
  },
  {
    name: 'lifecycle a number',
    kind: 'Component',
    from: 'lifecycle: production',
    to: 'lifecycle: 3',
    rule: 'spec-field-invalid',
    line: 18,
    column: 14,
    words: ['`spec.lifecycle`', 'the number 3', '`lifecycle: production`'],
  },
  {
    name: 'API type empty',
    kind: 'API',
    from: 'type: openapi',
    to: "type: ''",
    rule: 'spec-field-invalid',
    line: 6,
    column: 9,
    words: ['`spec.type`', 'empty string', '`type: openapi`'],
  },
  {
    name: 'presence not allowed',
    kind: 'Location',
    from: '  type: url\n',
    to: '  type: url\n  presence: maybe\n',
    rule: 'spec-field-invalid',
    line: 7,
    column: 13,
    words: ['`spec.presence`', '"maybe"', '`required`, `optional`'],
  },
  {
    name: 'Domain owner null',
    kind: 'Domain',
    from: 'owner: team-payments',
    to: 'owner:',
    rule: 'spec-field-invalid',
    line: 6,
    column: 9,
    words: ['`spec.owner`', 'null', 'Give it a value'],
  },
  {
    name: 'dependsOn without a kind',
    kind: 'Component',
    from: 'dependsOn: [resource:payments-db]',
    to: 'dependsOn: [payments-db]',
    rule: 'ref-invalid',
    line: 22,
    column: 15,
    words: ['`spec.dependsOn.0`', '"payments-db"', '`resource:payments-db`'],
  },
  {
    name: 'owner with an empty name',
    kind: 'Domain',
    from: 'owner: team-payments',
    to: 'owner: "group:"',
    rule: 'ref-invalid',
    line: 6,
    column: 10,
    words: ['`spec.owner`', 'empty', '[<kind>:][<namespace>/]<name>'],
  },
];

describe('one mutation of a valid entity', () => {
  test.each(mutations)('$kind: $name → $rule at $line:$column', (m) => {
    const result = read({ 'catalog-info.yaml': edit(bases[m.kind], m.from, m.to) });
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]!.valid).toBe(false);
    expect(result.entities).toEqual([]);
    const diagnostic = result.diagnostics.find((d) => d.rule === m.rule);
    expect(diagnostic, result.diagnostics.map((d) => d.rule).join(', ')).toBeDefined();
    expect(diagnostic).toMatchObject({ repo: 'payments', path: 'catalog-info.yaml', severity: 'error', line: m.line, column: m.column });
    for (const word of m.words) expect(diagnostic!.message).toContain(word);
  });

  test('a misspelled relation field is a warning and the entity stays valid', () => {
    const result = read({ 'catalog-info.yaml': edit(component, '  system: payments\n', '  system: payments\n  subComponentOf: checkout\n') });
    expect(result.documents[0]!.valid).toBe(true);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'field-misspelled', severity: 'warning', line: 21, column: 3, ref: 'component:default/payments-api' }),
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/`spec\.subComponentOf`.*did you mean `subcomponentOf`/);
  });

  test('every problem of one entity is reported, not only the first', () => {
    const text = edit(edit(component, 'name: payments-api', 'name: -bad'), 'lifecycle: production', 'lifecycle: 3');
    expect(
      read({ 'catalog-info.yaml': text })
        .diagnostics.map((d) => d.rule)
        .sort(),
    ).toEqual(['entity-name-format', 'spec-field-invalid']);
  });
});

/** Rules about files, batches and Locations: one example each (read-catalog.test.ts goes deeper). */
const fileRuleExamples: {
  rule: RuleId;
  files: Record<string, string | RepoFile>;
  catalogFiles?: string[];
  limits?: Partial<CatalogLimits>;
  path: string;
  words: string[];
}[] = [
  {
    rule: 'file-too-large',
    files: { 'catalog-info.yaml': { status: 'too-large', size: 50 * 1024 * 1024, limit: 1024 * 1024 } },
    path: 'catalog-info.yaml',
    words: ['50.0 MiB', 'limits.maxFileBytes'],
  },
  { rule: 'file-binary', files: { 'catalog-info.yaml': { status: 'binary', size: 12 } }, path: 'catalog-info.yaml', words: ['binary', 'UTF-8'] },
  {
    rule: 'file-not-utf8',
    files: { 'catalog-info.yaml': { status: 'text', text: component, size: 1, lossy: true } },
    path: 'catalog-info.yaml',
    words: ['UTF-8', 'Save the file'],
  },
  {
    rule: 'file-outside-repo',
    files: { 'catalog-info.yaml': { status: 'outside-repo', reason: 'a symlink leads outside' } },
    path: 'catalog-info.yaml',
    words: ['outside the repository', 'symlink'],
  },
  {
    rule: 'file-unreadable',
    files: { 'catalog-info.yaml': { status: 'unreadable', reason: 'EACCES: permission denied' } },
    path: 'catalog-info.yaml',
    words: ['EACCES'],
  },
  {
    rule: 'file-rejected',
    files: { 'catalog-info.yaml': `${component}---\napiVersion: ${v1}\nmetadata: { name: x }\n` },
    path: 'catalog-info.yaml',
    words: ['component:default/payments-api', 'catalog-info.yaml:24 (document 2)'],
  },
  { rule: 'yaml-syntax', files: { 'catalog-info.yaml': 'kind: [Component\n' }, path: 'catalog-info.yaml', words: ['Fix the YAML syntax'] },
  {
    rule: 'yaml-alias-limit',
    files: { 'catalog-info.yaml': 'a: &a [x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b, *b]\n' },
    limits: { maxAliasCount: 5 },
    path: 'catalog-info.yaml',
    words: ['billion laughs'],
  },
  { rule: 'yaml-root-not-object', files: { 'catalog-info.yaml': '- a\n- b\n' }, path: 'catalog-info.yaml', words: ['a list', 'mapping'] },
  {
    rule: 'yaml-too-many-documents',
    files: { 'catalog-info.yaml': `${component}---\n${bases.Domain}` },
    limits: { maxDocumentsPerFile: 1 },
    path: 'catalog-info.yaml',
    words: ['2 documents', 'limits.maxDocumentsPerFile'],
  },
  {
    rule: 'placeholder-not-found',
    files: { 'catalog-info.yaml': edit(bases.API, '|\n    openapi: 3.0.0', '{ $text: ./openapi.yaml }') },
    path: 'catalog-info.yaml',
    words: ['./openapi.yaml', 'add the file'],
  },
  {
    rule: 'placeholder-outside-repo',
    files: { 'catalog-info.yaml': edit(bases.API, '|\n    openapi: 3.0.0', '{ $text: ../openapi.yaml }') },
    path: 'catalog-info.yaml',
    words: ['../openapi.yaml', 'outside the repository'],
  },
  {
    rule: 'file-in-git-dir',
    files: { 'catalog-info.yaml': edit(bases.API, '|\n    openapi: 3.0.0', '{ $text: docs/../.GIT/config }') },
    path: 'catalog-info.yaml',
    words: ['docs/../.GIT/config', 'git folder'],
  },
  {
    rule: 'placeholder-invalid',
    files: { 'catalog-info.yaml': edit(bases.API, '|\n    openapi: 3.0.0', '{ $text: 42 }') },
    path: 'catalog-info.yaml',
    words: ['`$text`', 'string'],
  },
  {
    rule: 'placeholder-external',
    files: { 'catalog-info.yaml': edit(bases.API, '|\n    openapi: 3.0.0', '{ $text: "https://example.com/openapi.yaml" }') },
    path: 'catalog-info.yaml',
    words: ['another host', 'relative path'],
  },
  {
    rule: 'location-target-not-found',
    files: { 'catalog-info.yaml': edit(bases.Location, './apis.yaml', './gone.yaml') },
    path: 'catalog-info.yaml',
    words: ['gone.yaml', 'presence: optional'],
  },
  {
    rule: 'location-target-outside-repo',
    files: { 'catalog-info.yaml': edit(bases.Location, './apis.yaml', '../../x.yaml') },
    path: 'catalog-info.yaml',
    words: ['../../x.yaml', 'outside the repository'],
  },
  {
    rule: 'location-target-not-followed',
    files: { 'catalog-info.yaml': edit(bases.Location, './apis.yaml', 'https://github.com/acme/other/blob/main/x.yaml') },
    path: 'catalog-info.yaml',
    words: ['not a file of this repository', 'catalog-info.yaml'],
  },
  {
    rule: 'location-depth',
    files: { 'catalog-info.yaml': bases.Location },
    limits: { maxLocationDepth: 0 },
    path: 'catalog-info.yaml',
    words: ['0 levels', 'payments-apis'],
  },
  { rule: 'repo-no-catalog', files: {}, catalogFiles: [], path: '', words: ['no catalog file', 'catalog-info.yaml'] },
];

describe('file-level rules', () => {
  test.each(fileRuleExamples)('$rule', ({ rule, files, catalogFiles, limits, path, words }) => {
    const result = read(files, catalogFiles, { ...defaultCatalogLimits, ...limits });
    const diagnostic = result.diagnostics.find((d) => d.rule === rule);
    expect(diagnostic, result.diagnostics.map((d) => d.rule).join(', ')).toMatchObject({ repo: 'payments', path, severity: rules[rule].severity });
    for (const word of words) expect(diagnostic!.message).toContain(word);
  });
});

describe('source-level rules', () => {
  test('repo-stale: a repo the crawl could not read says where its content is from', () => {
    const snapshot = inMemorySnapshot([{ name: 'payments', url: repoUrl, catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': component } }]);
    snapshot.repos[0]!.stale = { reason: 'GitHub returned nothing for it', since: '2026-11-20T03:17:00Z' };
    const result = readCatalog(snapshot);
    for (const d of result.diagnostics) seenRules.add(d.rule);
    expect(result.diagnostics.find((d) => d.rule === 'repo-stale')).toMatchObject({
      repo: 'payments',
      path: '',
      severity: 'warning',
      message: expect.stringContaining('2026-11-20T03:17:00Z'),
    });
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/payments-api']);
  });

  test('source-incomplete: a crawl that stopped early is reported once, not per repo', () => {
    const snapshot = {
      ...inMemorySnapshot([]),
      notes: ['The repository listing of acme stopped early (rate limit); repos not listed this time keep their previous content.'],
    };
    const result = readCatalog(snapshot);
    for (const d of result.diagnostics) seenRules.add(d.rule);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'source-incomplete', severity: 'warning', repo: '', message: expect.stringContaining('stopped early') }),
    ]);
  });
});

/** Rules emitted after the catalog stage (graph) or before it (config, sources): tested there. */
const notCatalogStage = new Set<string>([
  'duplicate-entity',
  'ref-not-found',
  'owner-not-found',
  'relation-target-kind',
  'relation-cycle',
  'generated-entity-overridden',
  // Found by the sources (src/sources) and the guards of every stage; read-catalog.test.ts shows them reported.
  'repo-failed',
  'repo-date-invalid',
  'repo-url-invalid',
  'repo-output-budget',
  // Found by the integrations stage (src/plugins); run-plugins.test.ts shows it reported.
  'plugin-failed',
]);

test('every rule the catalog stage emits was produced by a test above', () => {
  for (const rule of notCatalogStage) expect(rules, `${rule} is no longer a rule: remove it from the exclusions`).toHaveProperty([rule]);
  // docs-* rules belong to the docs stage (src/docs), template-* to the template stage (src/scaffolder), and are tested there.
  const catalogRules = Object.keys(rules)
    .filter((r) => !notCatalogStage.has(r) && !r.startsWith('docs-') && !r.startsWith('template-'))
    .sort();
  const untested = catalogRules.filter((r) => !seenRules.has(r));
  expect(untested, 'add a test that produces these rules').toEqual([]);
});
