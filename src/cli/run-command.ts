/**
 * Run a command with the error handling every script shares: expected
 * failures (bad config, unreadable source, bad flags) print one clear line and
 * exit 1; anything else is a bug and keeps its stack.
 */
import { ConfigError } from '../config/load-config.ts';
import { SourceError } from '../sources/load-source.ts';
import { UsageError } from './args.ts';

export async function runCommand(command: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await command();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SourceError || error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
