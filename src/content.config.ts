/**
 * Content Layer collections: the only way pages get portal data.
 *
 * One custom loader reads the PortalData JSON written by the build script
 * (FRONTDOOR_PORTAL_DATA, default `.cache/portal-data.json`, relative to the
 * project root) once per build, validates it, and fills five collections:
 *
 *   entities     one entry per entity, id `<namespace>/<kind>/<name>` (lowercase)
 *   diagnostics  one entry per diagnostic, id = its index zero-padded (`000000`, `000001`, …)
 *   repos        one entry per repo, id = repo name
 *   portal       a single entry `meta`
 *   health       a single entry `overview` (the org health overview)
 *   changelog    a single entry `current` (src/changelog), none when the data has no changelog
 *   templateCards     the /create/ gallery's cards, id = position zero-padded (the gallery's order)
 *   templatePages     one entry per Template page, id `<namespace>/<name>` (lowercase)
 *   templateLaunch    one entry per Template's template.json (the form's data), id `<namespace>/<name>`
 *
 * and the rendered TechDocs (`docsSites`, `docs`) from their own file: see content-layer/docs-loader.ts.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { DiagnosticSchema } from './diagnostics/diagnostic.ts';
import { HealthOverviewSchema } from './health/schema.ts';
import { DocsPageRecordSchema, DocsSiteRecordSchema } from './docs/schema.ts';
import { docsLoader } from './content-layer/docs-loader.ts';
import { jsonDataFile } from './content-layer/json-data-file.ts';
import { replaceEntries } from './content-layer/replace-entries.ts';
import { PortalDataSchema, PortalMetaSchema, RepoRecordSchema, type PortalData } from './portal-data/schema.ts';
import { EntityRecordSchema } from './entity-record/schema.ts';
import { TemplateCardSchema, TemplatePageSchema } from './scaffolder/page-schema.ts';
import { ChangelogSchema } from './changelog/schema.ts';
import { TemplateLaunchDataSchema } from './scaffolder/schema.ts';

/** Read once per version of the file, shared by the collections' loaders. */
const portalData = jsonDataFile<PortalData>({
  name: 'PortalData',
  envVar: 'FRONTDOOR_PORTAL_DATA',
  defaultPath: '.cache/portal-data.json',
  schema: PortalDataSchema,
  whenMissing: {
    error: (file) =>
      `Frontdoor: portal data not found at ${file}. Run \`npm run build\` to generate it (or set FRONTDOOR_PORTAL_DATA to an existing PortalData JSON file).`,
  },
});

/** Content-layer id of an entity: `<namespace>/<kind>/<name>`, lowercase. */
function entityId(entity: { namespace: string; kind: string; name: string }): string {
  return `${entity.namespace}/${entity.kind}/${entity.name}`.toLowerCase();
}

/** Content-layer id of the diagnostic at `index`: zero-padded so ids sort in file order. */
function diagnosticId(index: number): string {
  return String(index).padStart(6, '0');
}

type Fill = (data: PortalData, context: LoaderContext) => Promise<void>;

/** A loader for one collection, filled from the shared PortalData file. */
function portalLoader(part: string, fill: Fill): Loader {
  return {
    name: `frontdoor-portal-data:${part}`,
    load: async (context) => {
      const file = portalData.pathFor(context.config.root);
      await fill(await portalData.read(file), context);
      // In `astro dev`, reload when the build script rewrites the file.
      const reload = async (changed: string) => {
        if (path.resolve(changed) !== file) return;
        context.logger.info(`Reloading ${part} from ${file}`);
        await fill(await portalData.read(file), context);
      };
      context.watcher?.add(file);
      // Fire and forget: the watcher does not wait for its listeners, and a failed reload is left to
      // surface as an unhandled rejection (Astro's own file() loader does the same).
      context.watcher?.on('change', (changed) => void reload(changed));
    },
  };
}

const entities = defineCollection({
  loader: portalLoader('entities', (data, context) =>
    replaceEntries(
      context,
      data.entities.map((entity) => [entityId(entity), entity]),
    ),
  ),
  schema: EntityRecordSchema,
});

const diagnostics = defineCollection({
  loader: portalLoader('diagnostics', (data, context) =>
    replaceEntries(
      context,
      data.diagnostics.map((diagnostic, index) => [diagnosticId(index), diagnostic]),
    ),
  ),
  schema: DiagnosticSchema,
});

const repos = defineCollection({
  loader: portalLoader('repos', (data, context) =>
    replaceEntries(
      context,
      data.repos.map((repo) => [repo.name, repo]),
    ),
  ),
  schema: RepoRecordSchema,
});

const portal = defineCollection({
  loader: portalLoader('portal', (data, context) => replaceEntries(context, [['meta', data.meta]])),
  schema: PortalMetaSchema,
});

const health = defineCollection({
  loader: portalLoader('health', (data, context) => replaceEntries(context, [['overview', data.health]])),
  schema: HealthOverviewSchema,
});

const changelog = defineCollection({
  loader: portalLoader('changelog', (data, context) => replaceEntries(context, data.changelog ? [['current', data.changelog]] : [])),
  schema: ChangelogSchema,
});

/** Content-layer id of a template page and its launch data: `<namespace>/<name>`, lowercase. */
function templateId(template: { namespace: string; name: string }): string {
  return `${template.namespace}/${template.name}`.toLowerCase();
}

const templateCards = defineCollection({
  loader: portalLoader('templateCards', (data, context) =>
    replaceEntries(
      context,
      data.templates.cards.map((card, index) => [diagnosticId(index), card]),
    ),
  ),
  schema: TemplateCardSchema,
});

const templatePages = defineCollection({
  loader: portalLoader('templatePages', (data, context) =>
    replaceEntries(
      context,
      data.templates.pages.map((page) => [templateId(page), page]),
    ),
  ),
  schema: TemplatePageSchema,
});

const templateLaunch = defineCollection({
  loader: portalLoader('templateLaunch', (data, context) =>
    replaceEntries(
      context,
      data.templates.launch.map((launch) => [templateId(launch), launch]),
    ),
  ),
  schema: TemplateLaunchDataSchema,
});

const docsSites = defineCollection({ loader: docsLoader('sites'), schema: DocsSiteRecordSchema });

const docs = defineCollection({ loader: docsLoader('pages'), schema: DocsPageRecordSchema.omit({ html: true }) });

export const collections = { entities, diagnostics, repos, portal, health, changelog, templateCards, templatePages, templateLaunch, docsSites, docs };
