/**
 * portal.config.yaml: the one zod schema for Frontdoor's configuration. Every
 * field says what it does and shows an example; unknown keys are errors, so a
 * typo is caught instead of silently ignored. Command-line flags override it.
 */
import { z } from 'zod';

export const SourceSpecSchema = z
  .string()
  .regex(/^(local:.+|github:[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/, { error: '`local:<folder of repos>` or `github:<organization>`' })
  .meta({ description: 'Where repos come from: `local:<folder>` (its subfolders are repos) or `github:<org>`.', examples: ['local:content', 'github:acme'] });
export type SourceSpec = z.infer<typeof SourceSpecSchema>;

export const BasePathSchema = z
  .string()
  .transform((b) => `/${b.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'))
  .pipe(z.string().regex(/^\/([A-Za-z0-9._~-]+\/)*$/, { error: 'a URL path such as `/` or `/my-portal/`' }))
  .meta({
    description: 'URL path the site is served under: `/` for a user/org Pages site or a custom domain, `/<repo>/` for a GitHub Pages project site.',
    examples: ['/', '/developer-portal/'],
  });

const positiveInt = (description: string, example: number) =>
  z
    .number()
    .int()
    .positive()
    .meta({ description, examples: [example] });

export const LimitsSchema = z.strictObject({
  maxFileBytes: positiveInt('Largest catalog or referenced file read, in bytes; bigger files get a diagnostic and are skipped.', 1_048_576).default(1_048_576),
  maxDocumentsPerFile: positiveInt('Most YAML documents read from one catalog file.', 500).default(500),
  maxAliasCount: positiveInt('Most YAML alias expansions per document (stops "billion laughs" files).', 100).default(100),
  maxLocationDepth: positiveInt('How deep Location entities may point to further Location files.', 8).default(8),
  maxReferencedFiles: positiveInt("Most files followed from one repo's catalog files (Location targets, placeholders).", 1000).default(1000),
  maxDocsFiles: positiveInt(
    'Most files read from one docs folder (a TechDocs docs_dir, a Template skeleton). Past it, index pages, nav targets and Markdown pages are kept first, and a diagnostic names what was left out.',
    2000,
  ).default(2000),
  maxRepoOutputBytes: positiveInt(
    "Most bytes one repo may add to the built site (its docs pages and copied files). Past it, the rest of its docs is left out with a diagnostic, so no repo can push the site past GitHub Pages' 1 GB.",
    52_428_800,
  ).default(52_428_800),
  maxPageRenderMs: positiveInt(
    'Longest time one docs page may take to render, in milliseconds; a page that takes longer is published as plain text with a diagnostic.',
    10_000,
  ).default(10_000),
});

const patterns = (description: string, example: string[]) => z.array(z.string().min(1)).meta({ description, examples: [example] });

export const GitHubConfigSchema = z.strictObject({
  include: patterns('Repo name patterns (globs) to read; default all.', ['*']).default(['*']),
  exclude: patterns('Repo name patterns (globs) to leave out.', ['sandbox-*']).default([]),
  topics: z
    .strictObject({
      include: patterns('Only repos with at least one of these topics (when any are given).', ['backstage']).default([]),
      exclude: patterns('Leave out repos with any of these topics.', ['deprecated']).default([]),
    })
    .default({ include: [], exclude: [] }),
  archived: z.boolean().meta({ description: 'Include archived repos (default: skip them).' }).default(false),
  forks: z.boolean().meta({ description: 'Include forks (default: yes, as Backstage).' }).default(true),
  visibility: z
    .array(z.enum(['public', 'internal', 'private']))
    .min(1)
    .meta({
      description:
        'Which repos to publish. Default public only: a GitHub Pages site is public. Adding internal or private is explicit, and the build warns about it.',
      examples: [['public', 'internal']],
    })
    .default(['public']),
  teams: z.boolean().meta({ description: 'Read teams and their members as Groups and Users.' }).default(true),
  maxRateLimitWait: z
    .number()
    .int()
    .nonnegative()
    .meta({ description: 'Longest wait for a rate-limit reset, in seconds; beyond it the crawl stops cleanly and keeps what it read.' })
    .default(900),
});
export type GitHubConfig = z.infer<typeof GitHubConfigSchema>;

export const HealthConfigSchema = z
  .strictObject({
    staleAfterDays: positiveInt(
      'A repo whose last commit on the default branch is older than this many days fails the scorecard\'s "recent activity" check and is listed as stale on the health page.',
      180,
    ).default(180),
  })
  .meta({ description: 'Scorecards and the org health overview (/health/).', examples: [{ staleAfterDays: 365 }] });
export type HealthConfig = z.infer<typeof HealthConfigSchema>;

/** Software templates (issue 12): the gallery at /create/, the forms and the apply-template action. */
export const TemplatesConfigSchema = z
  .strictObject({
    recommended: z
      .array(z.string().min(1))
      .meta({
        description:
          'Templates shown first in the gallery, in this order: a Template entity ref or a template repo name. A template tagged `recommended` is shown first too.',
        examples: [['template:default/spring-boot-service', 'go-service-template']],
      })
      .default([]),
    action: z
      .string()
      .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/\.github\/actions\/apply-template@[A-Za-z0-9._/-]+$/, {
        error: '`<owner>/<portal repo>/.github/actions/apply-template@<ref>`',
      })
      .meta({
        description:
          "The apply-template action as a template repo's workflow names it: this portal's repo, the action's folder and a ref. The template pages show the workflow with it, ready to copy.",
        examples: ['acme/developer-portal/.github/actions/apply-template@v1'],
      })
      .optional(),
    workflow: z
      .string()
      .regex(/^\.github\/workflows\/[A-Za-z0-9._-]+\.ya?ml$/, { error: 'a workflow file path such as `.github/workflows/apply-template.yml`' })
      .meta({
        description: "Where a template repo keeps the opt-in workflow that runs the action after GitHub's copy; a template repo without it gets a warning.",
        examples: ['.github/workflows/apply-template.yml'],
      })
      .default('.github/workflows/apply-template.yml'),
  })
  .meta({ description: 'Software templates: the gallery at /create/, the forms and the apply-template action.' });
export type TemplatesConfig = z.infer<typeof TemplatesConfigSchema>;

/** The nightly deploy (`npm run build -- --guard`, .github/workflows/pages.yml): when a build must not be published. */
export const DeployConfigSchema = z
  .strictObject({
    maxEntityDrop: z
      .number()
      .min(0)
      .max(1)
      .meta({
        description:
          "Share of the catalog's entities that may disappear since the last deploy before a guarded build refuses to publish (0.2: a fifth). A bigger drop is more often a token that lost access than an org that shrank; when it is real, run the workflow by hand with `force`.",
        examples: [0.2, 0.5],
      })
      .default(0.2),
  })
  .meta({
    description: 'When the nightly build refuses to deploy: an incomplete crawl always, a drop in entities past this share.',
    examples: [{ maxEntityDrop: 0.1 }],
  });
export type DeployConfig = z.infer<typeof DeployConfigSchema>;

/**
 * One integration (src/plugins): a first-party plugin by `name`, or a local plugin by `path` (a
 * folder or `.ts` module of the portal repo). Its `settings` are checked by the plugin's own schema
 * when the build loads it; credentials are never written here, only the names of the env vars
 * that hold them (e.g. `tokenEnv: SONAR_TOKEN`).
 */
export const PluginConfigSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9-]+$/, { error: 'a first-party plugin name such as `sonarqube`' })
      .meta({ description: 'A first-party plugin: `sonarqube`.', examples: ['sonarqube'] })
      .optional(),
    path: z
      .string()
      .regex(/^\.{1,2}\//, { error: 'a path relative to the portal repo, starting with `./`' })
      .meta({ description: 'A local plugin: its folder (with an index.ts) or module, relative to the portal repo.', examples: ['./plugins/example'] })
      .optional(),
    settings: z
      .record(z.string(), z.unknown())
      .meta({
        description: "The plugin's settings, checked by the plugin's own schema.",
        examples: [{ baseUrl: 'https://sonarcloud.io', tokenEnv: 'SONAR_TOKEN' }],
      })
      .default({}),
    required: z
      .boolean()
      .meta({ description: 'Fail the build when the plugin fails (default: a warning, and its sections show the last good data).' })
      .default(false),
    demo: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .meta({
        description:
          'Demo mode: replay these recorded responses (JSON files of the portal repo) instead of calling the service; no network, no credentials read. Its sections say "demo data". Remove it to read the live service.',
        examples: ['demo/integrations/sonarqube.json', ['demo/integrations/prometheus.json', 'demo/integrations/grafana.json']],
      })
      .optional(),
  })
  .refine((p) => (p.name === undefined) !== (p.path === undefined), { error: 'either `name` (a first-party plugin) or `path` (a local plugin), not both' });
export type PluginConfig = z.infer<typeof PluginConfigSchema>;

/** What GitHub would say about repos read from a local folder (the demo org, tests): a folder has no such settings. */
export const LocalRepoSettingsSchema = z
  .record(
    z.string().min(1),
    z.strictObject({
      isTemplate: z.boolean().meta({ description: 'GitHub\'s "Template repository" setting.' }).optional(),
      visibility: z.enum(['public', 'internal', 'private']).optional(),
      archived: z.boolean().optional(),
      topics: z.array(z.string()).optional(),
    }),
  )
  .meta({
    description: 'Per repo folder name, the GitHub settings a local source cannot read: template flag, visibility, archived, topics.',
    examples: [{ 'software-templates': { isTemplate: true } }],
  });
export type LocalRepoSettings = z.infer<typeof LocalRepoSettingsSchema>;

export const PortalConfigSchema = z.strictObject({
  title: z
    .string()
    .min(1)
    .meta({ description: 'Portal name shown in the header and page titles.', examples: ['Acme Developer Portal'] })
    .default('Developer Portal'),
  org: z
    .string()
    .min(1)
    .meta({ description: "Organization name shown in the portal; defaults to the source's name.", examples: ['Acme'] })
    .optional(),
  source: z
    .union([SourceSpecSchema, z.array(SourceSpecSchema).min(1)])
    .meta({ description: 'One source, or several (e.g. several GitHub organizations).' })
    .default('local:content'),
  base: BasePathSchema.default('/'),
  site: z
    .url()
    .meta({ description: 'Public URL of the site (for absolute links and the sitemap).', examples: ['https://acme.github.io'] })
    .optional(),
  catalog: z
    .strictObject({
      paths: z
        .array(
          z
            .string()
            .min(1)
            .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$)).+$/, { error: 'a path inside the repo, without a leading `/` or `..`' }),
        )
        .min(1)
        .meta({ description: 'Catalog file paths read in every repo, relative to the repo root.', examples: [['catalog-info.yaml']] })
        .default(['catalog-info.yaml']),
      inferMissing: z
        .boolean()
        .meta({ description: 'Show repos without a catalog file as inferred Components, with a link that registers them.' })
        .default(true),
    })
    .default({ paths: ['catalog-info.yaml'], inferMissing: true }),
  github: GitHubConfigSchema.default(GitHubConfigSchema.parse({})),
  limits: LimitsSchema.default(LimitsSchema.parse({})),
  health: HealthConfigSchema.default(HealthConfigSchema.parse({})),
  templates: TemplatesConfigSchema.default(TemplatesConfigSchema.parse({})),
  deploy: DeployConfigSchema.default(DeployConfigSchema.parse({})),
  localRepos: LocalRepoSettingsSchema.default({}),
  plugins: z
    .array(PluginConfigSchema)
    .meta({
      description:
        'Integrations run at build time (src/plugins): first-party by `name`, local by `path`. Without their credentials in the environment they are skipped.',
      examples: [[{ name: 'sonarqube', settings: { baseUrl: 'https://sonarcloud.io', tokenEnv: 'SONAR_TOKEN' } }, { path: './plugins/example' }]],
    })
    .default([]),
});

export type PortalConfig = z.infer<typeof PortalConfigSchema>;
export type PortalConfigInput = z.input<typeof PortalConfigSchema>;
