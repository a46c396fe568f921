/**
 * Backstage's official sample templates (./fixtures, unchanged) built as an org: one
 * repo holding them, registered the way Backstage registers them (a Location over every
 * template.yaml), read by the local source and through the catalog, the graph and the template
 * stage. Every template gets a page and launch data; its dry run with sample values leaves no
 * `${{` in rendered text outside copyWithoutTemplating paths; where something cannot work here
 * (a skeleton rendered by cookiecutter, an action Frontdoor does not run), a diagnostic says why.
 */
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/read-catalog.ts';
import { PortalConfigSchema } from '../config/schema.ts';
import { resolveGraph } from '../graph/resolve-graph.ts';
import { readOptions } from '../sources/load-source.ts';
import { readLocalSource } from '../sources/local/read-local.ts';
import { buildTemplates, type TemplatesResult } from './index.ts';

const CORPUS = join(import.meta.dirname, 'fixtures', 'backstage-software-templates');

let org: string;
let result: TemplatesResult;
let templateNames: string[];

beforeAll(async () => {
  org = await mkdtemp(join(tmpdir(), 'frontdoor-template-corpus-'));
  const repo = join(org, 'software-templates');
  await cp(CORPUS, repo, { recursive: true });
  await writeFile(
    join(repo, 'catalog-info.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: backstage-sample-templates\nspec:\n  targets:\n    - ./scaffolder-templates/*/template.yaml\n',
  );
  templateNames = (await readdir(join(CORPUS, 'scaffolder-templates'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const config = PortalConfigSchema.parse({ localRepos: { 'software-templates': { isTemplate: true } } });
  const snapshot = await readLocalSource(org, { ...readOptions(config), org: 'backstage', settings: config.localRepos });
  const catalog = readCatalog(snapshot, config.limits);
  const graph = resolveGraph(catalog.entities);
  result = buildTemplates({ snapshot, graph, config: config.templates, org: 'backstage', limits: config.limits });
}, 60_000);

afterAll(async () => {
  await rm(org, { recursive: true, force: true });
});

describe("Backstage's sample templates, built as an org", () => {
  it('every template folder gets a page and the launch data of its form', () => {
    expect(templateNames.length).toBeGreaterThanOrEqual(8);
    expect(result.data.pages).toHaveLength(templateNames.length);
    expect(result.data.launch).toHaveLength(templateNames.length);
    for (const launch of result.data.launch) expect(launch.templatePath).toMatch(/^scaffolder-templates\/[^/]+\/template\.yaml$/);
  });

  it('no rendered text keeps a `${{` (the check that would say so finds nothing), and none fails to render', () => {
    const found = result.diagnostics.filter((d) => d.rule === 'template-unrendered-expression' || d.rule === 'template-render-error');
    expect(found.map((d) => `${d.ref} ${d.path}:${d.line}: ${d.message}`)).toEqual([]);
  });

  it('says precisely why, for what cannot work here: steps not run and skeletons not rendered by nunjucks', () => {
    const byTemplate = new Map<string, string[]>();
    for (const d of result.diagnostics) byTemplate.set(d.ref ?? '', [...(byTemplate.get(d.ref ?? '') ?? []), `${d.rule}: ${d.message}`]);
    // A cookiecutter skeleton is not fetch:template's: its page says the step is not run here.
    const cookiecutter = byTemplate.get('template:default/docs-template-cookiecutter') ?? [];
    expect(cookiecutter.join('\n')).toMatch(/fetch:cookiecutter/);
    // Every error names a file in the template repo, with a line when it is about a file's content.
    for (const d of result.diagnostics.filter((d) => d.severity === 'error')) expect(d.path, d.message).not.toBe('');
  });
});
