#!/usr/bin/env node
// npm run crawl: thin entry; flags in src/cli/crawl-command.ts, the phases in src/pipeline/crawl.ts.
import { runCrawl } from '../src/cli/crawl-command.ts';
import { runCommand } from '../src/cli/run-command.ts';

await runCommand(() => runCrawl(process.argv.slice(2)));
