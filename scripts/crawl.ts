#!/usr/bin/env node
// npm run crawl: thin entry; the work is in src/cli/crawl-command.ts.
import { runCrawl } from '../src/cli/crawl-command.ts';
import { runCommand } from '../src/cli/run-command.ts';

await runCommand(() => runCrawl(process.argv.slice(2)));
