/**
 * Run a command with the error handling every script shares: expected
 * failures (bad config, unreadable source, bad flags, a build the deploy guard refused) print one clear line and
 * exit 1; anything else is a bug and keeps its stack. Both can quote repo
 * content (a repo name, a path), so both are printed through the log escaper.
 */
import { ConfigError } from '../config/load-config.ts';
import { DeployRefusedError } from '../pipeline/deploy-guard.ts';
import { logText } from '../diagnostics/log-text.ts';
import { SourceError } from '../sources/load-source.ts';
import { UsageError } from './args.ts';

export async function runCommand(command: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await command();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SourceError || error instanceof UsageError || error instanceof DeployRefusedError) {
      // A config error may list one problem per line; each line is escaped on its own.
      process.stderr.write(`error: ${escapedLines(error.message)}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`${escapedLines(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `Uncaught ${String(error)}`)}\n`);
    process.exitCode = 1;
  }
}

function escapedLines(text: string): string {
  return text.split('\n').map(logText).join('\n');
}
