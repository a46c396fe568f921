/**
 * `npm run validate -- [--source …] [FILE…] [--format pretty|github|json]`
 *
 * Parses the flags, runs the checks (src/pipeline/validate.ts: the build's own stages, the
 * catalog and the TechDocs its entities name), and prints the diagnostics in the chosen format.
 * With files, they are validated as one repo rooted at the directory the command was run from,
 * which is what a repo's own CI runs; without, the configured source is. Exit code 1 when there
 * is an error.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import { validatePortal } from '../pipeline/validate.ts';
import { createPhaseLog } from '../progress/phase-log.ts';
import { invocationDir, parseCommonFlags, UsageError } from './args.ts';
import { displayPathFor } from './report/display-path.ts';
import { formatGithub } from './report/github.ts';
import { formatJson } from './report/json.ts';
import { formatPretty, summaryLine } from './report/pretty.ts';

const formats = ['pretty', 'github', 'json'] as const;

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
  const files = flags.positionals.length > 0 ? { root: invocationDir(), paths: flags.positionals.map(repoPathOf) } : undefined;
  const { snapshot, catalog, graph, diagnostics } = await validatePortal({ config, log, files });
  const display = displayPathFor(snapshot, invocationDir());

  if (format === 'json') process.stdout.write(`${formatJson(catalog.documents, diagnostics, display)}\n`);
  else if (format === 'github') {
    const out = formatGithub(diagnostics, display);
    if (out) process.stdout.write(`${out}\n`);
    process.stdout.write(`${summaryLine(diagnostics, graph.entities.length, catalog.documents.length)}\n`);
  } else {
    const out = formatPretty(diagnostics, display);
    if (out) process.stdout.write(`${out}\n\n`);
    process.stdout.write(`${summaryLine(diagnostics, graph.entities.length, catalog.documents.length)}\n`);
    if (files)
      process.stdout.write(
        'References to other entities were not checked (only these files were read); `npm run validate` without files checks the whole org.\n',
      );
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** A file named on the command line, as a path in the repo rooted at the current directory. */
/** A file argument as a repo path: the current folder is the repo root (`validate FILE…`, the PR check). */
export function repoPathOf(file: string): string {
  const root = invocationDir();
  const rel = relative(root, resolve(root, file));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || rel === '')
    throw new UsageError(`${file} is outside the current directory; run it from the repository root.`);
  return rel.split(sep).join('/');
}
