import { describe, expect, it } from 'vitest';
import { inMemorySnapshot, type InMemoryRepo } from '../../test/support/in-memory-source.ts';
import { readCatalog } from '../catalog/read-catalog.ts';
import { TemplatesConfigSchema } from '../config/schema.ts';
import { resolveGraph } from '../graph/resolve-graph.ts';
import { buildTemplates } from './index.ts';
import { TemplatesDataSchema } from './page-schema.ts';

const template = (extra = '') => `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: service
  title: A service
  tags: [java]
spec:
  owner: group:default/platform
  type: service
  parameters:
    - title: About
      required: [name]
      properties:
        name: { title: Name, type: string, pattern: '^[a-z-]+$' }
        owner:
          title: Owner
          type: string
          ui:field: OwnerPicker
    - title: Repository
      properties:
        repoUrl:
          type: string
          ui:field: RepoUrlPicker
          ui:options: { allowedOwners: [acme] }
        cron:
          type: string
          ui:field: CronPicker
  steps:
    - id: fetch
      action: fetch:template
      input:
        url: ./skeleton
        values:
          name: \${{ parameters.name }}
          owner: \${{ parameters.owner }}
    - id: publish
      action: publish:github
      input:
        repoUrl: \${{ parameters.repoUrl }}
    - id: custom
      action: acme:do-something
      input:
        name: \${{ parameters.name }}
${extra}`;

const skeleton: Record<string, string> = {
  'templates/service/skeleton/catalog-info.yaml':
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name }}\nspec:\n  type: service\n  lifecycle: experimental\n  owner: ${{ values.owner }}\n',
  'templates/service/skeleton/src/Main.java': 'class Main {}\n',
  'templates/service/skeleton/.github/workflows/ci.yml': 'on: push\n',
};

function build(files: Record<string, string>, repo: Partial<InMemoryRepo> & { isTemplate?: boolean } = {}, maxPageRenderMs = 10_000) {
  const skeletonPaths = Object.keys(files).filter((p) => p.startsWith('templates/service/skeleton/'));
  const snapshot = inMemorySnapshot([
    {
      name: 'templates',
      url: 'https://github.com/acme/templates',
      catalogFiles: ['templates/service/template.yaml'],
      files,
      trees: { 'templates/service/skeleton': { paths: skeletonPaths.sort(), truncated: false } },
      ...repo,
    },
  ]);
  if (repo.isTemplate) snapshot.repos[0]!.isTemplate = true;
  const catalog = readCatalog(snapshot);
  if (catalog.entities.length === 0) throw new Error(JSON.stringify(catalog.diagnostics));
  const graph = resolveGraph(catalog.entities);
  return buildTemplates({
    snapshot,
    graph,
    config: TemplatesConfigSchema.parse({}),
    org: 'acme',
    limits: { maxDocumentsPerFile: 10, maxAliasCount: 100, maxPageRenderMs },
  });
}

describe('buildTemplates', () => {
  it('gives a card, a page and launch data per Template, valid against their schemas', () => {
    const result = build({ 'templates/service/template.yaml': template(), ...skeleton }, { isTemplate: true });
    expect(TemplatesDataSchema.parse(result.data)).toEqual(result.data);
    const [page] = result.data.pages;
    expect(page).toMatchObject({
      ref: 'template:default/service',
      path: 'create/templates/default/service/',
      dataPath: 'create/templates/default/service/template.json',
    });
    expect(page!.card).toMatchObject({ title: 'A service', type: 'service', language: 'Java', generateUrl: 'https://github.com/acme/templates/generate' });
    expect(page!.unknownFields).toEqual(['CronPicker']);
    expect(page!.checklist.filter((c) => c.present).map((c) => c.id)).toEqual(['ci', 'catalog-info']);
    expect(page!.steps.map((s) => s.handling)).toEqual(['rendered', 'github-copy', 'manual']);
    expect(page!.steps[2]!.input).toContain('name:');
    const launch = result.data.launch[0]!;
    expect(launch.repo).toMatchObject({ owner: 'acme', name: 'templates', isTemplate: true });
    expect(Object.keys(launch.skeletons)).toEqual(['templates/service/skeleton']);
    expect(launch.skeletons['templates/service/skeleton']!.files.map((f) => f.path)).toEqual([
      '.github/workflows/ci.yml',
      'catalog-info.yaml',
      'src/Main.java',
    ]);
  });

  it('a valid template in a set-up repo reports only the step done by hand', () => {
    const result = build(
      { 'templates/service/template.yaml': template(), ...skeleton, '.github/workflows/apply-template.yml': 'on: workflow_dispatch\n' },
      { isTemplate: true },
    );
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['template-step-manual']);
  });

  it('warns about a repo that is no GitHub template repository and lacks the opt-in workflow', () => {
    const result = build({ 'templates/service/template.yaml': template(), ...skeleton });
    const rules = result.diagnostics.map((d) => `${d.rule} ${d.path}`);
    expect(rules).toContain('template-no-workflow .github/workflows/apply-template.yml');
    expect(rules).toContain('template-repo-not-template ');
    expect(result.data.cards[0]!.generateUrl).toBeUndefined();
  });

  it('reports a rendered catalog-info.yaml the catalog would reject, at its skeleton file and line', () => {
    const broken = {
      ...skeleton,
      'templates/service/skeleton/catalog-info.yaml': skeleton['templates/service/skeleton/catalog-info.yaml']!.replace(
        'name: ${{ values.name }}',
        'name: ${{ values.name }} service',
      ),
    };
    const result = build({ 'templates/service/template.yaml': template(), ...broken });
    const invalid = result.diagnostics.filter((d) => d.rule === 'template-output-catalog-invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ path: 'templates/service/skeleton/catalog-info.yaml', line: 4, severity: 'error', ref: 'template:default/service' });
    expect(invalid[0]!.message).toContain('entity-name-format');
  });

  it('warns when the skeleton has no catalog-info.yaml', () => {
    const { 'templates/service/skeleton/catalog-info.yaml': _, ...rest } = skeleton;
    const result = build({ 'templates/service/template.yaml': template(), ...rest });
    expect(result.diagnostics.map((d) => d.rule)).toContain('template-no-catalog-info');
  });

  it('a skeleton that renders forever costs its own page, within the render time limit, with a diagnostic', () => {
    const endless = '{% for i in range(0, 100000) %}{% for j in range(0, 100000) %}{% endfor %}{% endfor %}x\n';
    const result = build({ 'templates/service/template.yaml': template(), ...skeleton, 'templates/service/skeleton/README.md': endless }, {}, 200);
    expect(result.data.pages).toEqual([]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'repo-failed', path: 'templates/service/template.yaml' })]);
    expect(result.diagnostics[0]!.message).toMatch(/200 ms/);
  });

  it('reports a skeleton folder that holds no file', () => {
    const result = build({ 'templates/service/template.yaml': template() });
    const missing = result.diagnostics.find((d) => d.rule === 'template-skeleton-missing');
    expect(missing).toMatchObject({ path: 'templates/service/template.yaml', line: 1 });
    expect(missing!.message).toContain('`templates/service/skeleton/`');
  });

  it('reports YAML the skeleton renders into that does not parse, and `${{` left unrendered', () => {
    const result = build({
      'templates/service/template.yaml': template(),
      ...skeleton,
      'templates/service/skeleton/config.yaml': 'a: [1, 2\n',
      'templates/service/skeleton/package.json': '{ "name": "x", }',
      'templates/service/skeleton/README.md': 'Hello ${{ "${{" }} values.name }}\n',
    });
    const found = result.diagnostics.map((d) => `${d.rule} ${d.path}`);
    expect(found).toContain('template-output-syntax templates/service/skeleton/config.yaml');
    expect(found).toContain('template-output-syntax templates/service/skeleton/package.json');
    expect(found).toContain('template-unrendered-expression templates/service/skeleton/README.md');
  });

  it('reports parameters that are not a valid JSON Schema', () => {
    const result = build({ 'templates/service/template.yaml': template().replace("type: string, pattern: '^[a-z-]+$'", 'type: strin'), ...skeleton });
    expect(result.diagnostics.map((d) => d.rule)).toContain('template-parameters-invalid');
  });

  it('lists a template repository without a Template entity once, recommended when the config says so', () => {
    const snapshot = inMemorySnapshot([{ name: 'go-starter', url: 'https://github.com/acme/go-starter', catalogFiles: [], files: {} }]);
    snapshot.repos[0]!.isTemplate = true;
    const result = buildTemplates({
      snapshot,
      graph: resolveGraph([]),
      config: TemplatesConfigSchema.parse({ recommended: ['go-starter'] }),
      org: 'acme',
      limits: { maxDocumentsPerFile: 10, maxAliasCount: 100, maxPageRenderMs: 10_000 },
    });
    expect(result.data.cards).toEqual([
      expect.objectContaining({ id: 'repo:go-starter', kind: 'repo', recommended: true, generateUrl: 'https://github.com/acme/go-starter/generate' }),
    ]);
  });
});
