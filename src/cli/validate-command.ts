/**
 * `npm run validate -- [--source …] [FILE…] [--format pretty|github|json]`
 *
 * With files, they are validated as one repo rooted at the directory the command was run from
 * (placeholders and Location targets resolve inside it), which is what a
 * repo's own CI runs. Without files, the configured source is validated.
 * The TechDocs the entities name are checked too. Exit code 1 when there is an error.
 * Both run the build's own stages, with the same per-repo guards: content that would
 * break the build fails here with a `repo-failed` error, not a stack trace; and duplicate
 * refs across repos are decided as the build decides them, from its publication record.
 */
import { dirname, isAbsolute, join, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import { buildDocs } from '../docs/build-docs.ts';
import { loadConfig } from '../config/load-config.ts';
import type { PortalConfig } from '../config/schema.ts';
import { readOptions } from '../sources/load-source.ts';
import { readLocalRepo } from '../sources/local/read-local.ts';
import type { Snapshot } from '../sources/snapshot.ts';
import { loadCatalog } from '../pipeline/load-catalog.ts';
import { PUBLICATION_RECORD_FILE, readPublicationRecord } from '../pipeline/publication-record.ts';
import { invocationDir, parseCommonFlags, UsageError } from './args.ts';
import { createPhaseLog } from './log.ts';
import { displayPathFor } from './report/display-path.ts';
import { formatGithub } from './report/github.ts';
import { formatJson } from './report/json.ts';
import { formatPretty, summaryLine } from './report/pretty.ts';

const formats = ['pretty', 'github', 'json'] as const;
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const validateUsage = `Usage: npm run validate -- [FILE…] [--source local:<dir>|github:<org>] [--format pretty|github|json] [--config portal.config.yaml]

Checks catalog files the way Backstage does (and a little stricter), and the TechDocs they name
(mkdocs.yml, nav, broken links and images), and exits 1 if there is an error.
  FILE…       validate these files as one repo rooted at the current directory
  --source    validate every repo of a source instead (default: portal.config.yaml's, else local:content)
  --format    pretty (default, for people), github (pull request annotations), json`;

export async function runValidate(argv: string[]): Promise<number> {
  const flags = parseCommonFlags(argv, true);
  if (flags.help) {
    process.stdout.write(`${validateUsage}\n`);
    return 0;
  }
  const format = (flags.format ?? 'pretty') as (typeof formats)[number];
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${flags.format}".`);
  const { config } = await loadConfig(flags.config, { source: flags.source, base: flags.base });
  const log = createPhaseLog(flags.quiet || format !== 'pretty' || !process.stderr.isTTY);
  const snapshot = flags.positionals.length > 0 ? await snapshotOfFiles(flags.positionals, config) : undefined;
  // Files alone are one part of the org: references to other repos' entities cannot be checked.
  // The whole org is checked as the last build would decide its duplicate refs (its record is only read, never written).
  const wholeOrg = async () => ({ publishedFrom: (await readPublicationRecord([join(projectRoot, '.cache', PUBLICATION_RECORD_FILE), join(projectRoot, 'dist', PUBLICATION_RECORD_FILE)])).origins });
  const { snapshot: snap, catalog, graph, diagnostics: catalogDiagnostics } = await loadCatalog(config, log, snapshot ? { snapshot, checkReferences: false } : await wholeOrg());
  // Docs problems (a broken link, a nav entry for a missing page) are what a docs PR should hear about too.
  const docs = await log.phase('Checking docs', () => buildDocs({ entities: graph.entities, snapshot: snap, org: config.org ?? snap.org, base: config.base, cacheDir: join(projectRoot, '.cache', 'docs'), limits: config.limits }), (d) => `${d.stats.pages} pages in ${d.stats.sites} sites`);
  const diagnostics = [...catalogDiagnostics, ...docs.diagnostics].sort(compareDiagnostics);
  const display = displayPathFor(snap, invocationDir());

  if (format === 'json') process.stdout.write(`${formatJson(catalog.documents, diagnostics, display)}\n`);
  else if (format === 'github') {
    const out = formatGithub(diagnostics, display);
    if (out) process.stdout.write(`${out}\n`);
    process.stdout.write(`${summaryLine(diagnostics, graph.entities.length, catalog.documents.length)}\n`);
  } else {
    const out = formatPretty(diagnostics, display);
    if (out) process.stdout.write(`${out}\n\n`);
    process.stdout.write(`${summaryLine(diagnostics, graph.entities.length, catalog.documents.length)}\n`);
    if (snapshot) process.stdout.write('References to other entities were not checked (only these files were read); `npm run validate` without files checks the whole org.\n');
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** The files named on the command line, as one repo rooted at the current directory. */
async function snapshotOfFiles(files: string[], config: PortalConfig): Promise<Snapshot> {
  const root = invocationDir();
  const catalogPaths = files.map((file) => {
    const rel = relative(root, resolve(root, file));
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || rel === '') throw new UsageError(`${file} is outside the current directory; run validate from the repository root.`);
    return rel.split(sep).join('/');
  });
  const name = root.split(sep).pop() || 'repo';
  const repo = await readLocalRepo(root, name, { ...readOptions(config), catalogPaths });
  for (const path of catalogPaths) {
    if (!repo.catalogFiles.includes(path)) throw new UsageError(`${path} does not exist.`);
  }
  return { version: 1, source: 'files', org: name, createdAt: new Date().toISOString(), repos: [repo], people: [], notes: [] };
}
