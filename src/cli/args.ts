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
  quiet?: boolean;
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
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return { ...values, positionals } as CommonFlags;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
