/**
 * The pull-request check, as the bundled `frontdoor-validate.mjs` runs it in any repo of the org:
 * `validate FILE…` (the same phases, src/pipeline/validate.ts, so PR and nightly verdicts agree),
 * plus references checked against the org's published catalog, plus what the change does to the
 * catalog against the base revision, plus a job summary. Exit code 1 when there is an error.
 */
import { appendFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readCatalog } from '../catalog/read-catalog.ts';
import { invocationDir, UsageError } from '../cli/args.ts';
import { repoPathOf } from '../cli/validate-command.ts';
import { displayPathFor } from '../cli/report/display-path.ts';
import { formatGithub } from '../cli/report/github.ts';
import { formatPretty, summaryLine } from '../cli/report/pretty.ts';
import { loadConfig } from '../config/load-config.ts';
import type { PortalConfig } from '../config/schema.ts';
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import { logText } from '../diagnostics/log-text.ts';
import { validatePortal } from '../pipeline/validate.ts';
import { createPhaseLog } from '../progress/phase-log.ts';
import { discoverRepoFiles } from '../sources/discover-files.ts';
import { readOptions } from '../sources/load-source.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { diffCatalog, type CatalogChange } from './catalog-changes.ts';
import { BaseRefError, gitRevisionReader } from './git-revision-reader.ts';
import { checkOrgReferences } from './org-references.ts';
import { fetchPublishedCatalog, publishedTargets } from './published-catalog.ts';
import { changeDiagnostics, describeChange, orgCheckLine, stepSummary, type OrgCheck } from './report.ts';

export const prCheckUsage = `Usage: node frontdoor-validate.mjs [FILE…] [--format pretty|github] [--catalog-url <portal>/api/entities.json] [--base-ref <git ref>]

Checks this repo's catalog files and the TechDocs they name exactly as the portal's nightly build
does, then (with --catalog-url) its references against every entity of the org, and (with
--base-ref) what the change does to the catalog. Run it from the repository root. Exit code 1 on errors.
  FILE…          catalog files (default: the portal's catalog paths that exist, e.g. catalog-info.yaml)
  --format       pretty (default) or github (pull request annotations)
  --catalog-url  the published catalog, <portal-url>/api/entities.json
  --base-ref     the revision the pull request merges into (git), e.g. origin/main
  --summary      append a Markdown job summary to this file (default: $GITHUB_STEP_SUMMARY)
  --config       a portal.config.yaml (default: ./portal.config.yaml if present)`;

export async function runPrCheck(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const flags = parseFlags(argv);
  if (flags.help) {
    process.stdout.write(`${prCheckUsage}\n`);
    return 0;
  }
  const format = flags.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'github') throw new UsageError(`--format must be pretty or github, not "${format}".`);
  const { config } = await loadConfig(flags.config);
  const root = invocationDir();
  const paths = flags.positionals.length > 0 ? flags.positionals.map(repoPathOf) : await existing(root, config.catalog.paths);
  const log = createPhaseLog(flags.quiet || format !== 'pretty' || !process.stderr.isTTY);

  // What the nightly build would say about these files, with references outside them left to the org check.
  const head = paths.length > 0 ? await validatePortal({ config, log, files: { root, paths } }) : undefined;
  const repo = head?.snapshot.repos[0]?.name ?? root.split(/[\\/]/).pop() ?? 'repo';
  const entities = head?.graph.entities ?? [];
  const [published, base] = await Promise.all([
    fetchPublishedCatalog(flags['catalog-url']),
    readBase(root, repo, flags['base-ref'], flags.positionals.length > 0 ? paths : config.catalog.paths, config),
  ]);
  const org = published.status === 'read' ? publishedTargets(published.entities) : [];

  const declared = new Set(head?.catalog.documents.flatMap((d) => (d.ref ? [d.ref] : [])));
  const changes: CatalogChange[] = base.status === 'read' ? diffCatalog(base.entities, entities, org, declared) : [];
  const removed = new Set(changes.flatMap((c) => (c.type === 'removed' ? [c.ref] : c.type === 'renamed' ? [c.from] : [])));
  const check: OrgCheck =
    published.status === 'read'
      ? { status: 'checked', url: published.url, entities: published.entities.length }
      : { status: 'skipped', reason: published.reason };
  const diagnostics = [
    ...(head?.diagnostics ?? []),
    ...(published.status === 'read' ? checkOrgReferences(entities, org, removed) : []),
    ...changeDiagnostics(changes, repo),
  ].sort(compareDiagnostics);

  const display = head ? displayPathFor(head.snapshot, invocationDir()) : (_repo: string, path: string) => path;
  const out: string[] = [];
  if (paths.length === 0) out.push(`No catalog file to check: none of ${config.catalog.paths.join(', ')} exists here, and no FILE was named.`);
  if (format === 'github') {
    const annotations = formatGithub(diagnostics, display);
    if (annotations) out.push(annotations);
  } else {
    const problems = formatPretty(diagnostics, display);
    if (problems) out.push(problems, '');
  }
  const counted = diagnostics.filter((d) => d.rule !== 'catalog-change');
  out.push(summaryLine(counted, entities.length, head?.catalog.documents.length ?? 0), logText(orgCheckLine(check)));
  if (base.status === 'skipped') out.push(logText(`Catalog changes were not listed: ${base.reason}`));
  else if (changes.length === 0) out.push(`No catalog changes against ${logText(flags['base-ref'] ?? '')}.`);
  else out.push(`Catalog changes against ${logText(flags['base-ref'] ?? '')}:`, ...changes.map((c) => `  ${logText(describeChange(c))}`));
  process.stdout.write(`${out.join('\n')}\n`);

  const summaryFile = flags.summary ?? env['GITHUB_STEP_SUMMARY'];
  if (summaryFile) await appendFile(summaryFile, stepSummary(diagnostics, changes, check, display));
  return counted.some((d) => d.severity === 'error') ? 1 : 0;
}

type BaseCatalog = { status: 'read'; entities: ReturnType<typeof readCatalog>['entities'] } | { status: 'skipped'; reason: string };

/** The repo's entities at the base revision, read by the same discovery and validation as the working tree. */
async function readBase(root: string, repo: string, ref: string | undefined, paths: readonly string[], config: PortalConfig): Promise<BaseCatalog> {
  if (!ref) return { status: 'skipped', reason: 'no --base-ref was given.' };
  try {
    const options = readOptions(config);
    const reader = await gitRevisionReader(root, ref, options.maxFileBytes, options.maxTreeFiles);
    const found = await discoverRepoFiles({ name: repo }, reader, { ...options, catalogPaths: paths });
    const snapshot: Snapshot = {
      version: 1,
      source: 'files',
      org: repo,
      createdAt: new Date().toISOString(),
      repos: [{ name: repo, topics: [], visibility: 'public', archived: false, isTemplate: false, ...found }],
      people: [],
      notes: [],
    };
    return { status: 'read', entities: readCatalog(snapshot, config.limits, { inferMissing: false }).entities };
  } catch (error) {
    if (error instanceof BaseRefError) return { status: 'skipped', reason: error.message };
    throw error;
  }
}

/** The configured catalog paths present in the repo: what the nightly crawl would find here. */
async function existing(root: string, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const info = await stat(`${root}/${path}`).catch(() => undefined);
    if (info?.isFile()) found.push(path);
  }
  return found;
}

/** A file named on the command line, as a path in the repo rooted at the current directory (as `validate FILE…` takes it). */
interface PrCheckFlags {
  format?: string;
  'catalog-url'?: string;
  'base-ref'?: string;
  summary?: string;
  config?: string;
  quiet?: boolean;
  help?: boolean;
  positionals: string[];
}

function parseFlags(argv: string[]): PrCheckFlags {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'catalog-url': { type: 'string' },
        'base-ref': { type: 'string' },
        summary: { type: 'string' },
        config: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    // An empty value (an unset workflow input) means "not given".
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    return { ...given, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
