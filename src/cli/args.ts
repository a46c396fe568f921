/** Command-line flags shared by build, crawl and validate. Flags override portal.config.yaml. */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommonFlags {
  source?: string;
  base?: string;
  config?: string;
  format?: string;
  out?: string;
  quiet?: boolean;
  /** build: refuse to publish a broken portal (src/pipeline/deploy-guard.ts). */
  guard?: boolean;
  help?: boolean;
  positionals: string[];
}

export function parseCommonFlags(argv: string[], allowPositionals = false): CommonFlags {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals,
      options: {
        source: { type: 'string' },
        base: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        guard: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return { ...values, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * The directory the user ran the command from. npm runs scripts in the package folder, but sets
 * INIT_CWD to where `npm run` was typed, so `npm --prefix <frontdoor> run validate -- catalog-info.yaml`
 * works from any repo.
 */
export function invocationDir(): string {
  return process.env['INIT_CWD'] || process.cwd();
}
