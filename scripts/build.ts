#!/usr/bin/env node
// npm run build: thin entry; flags and summary in src/cli/build-command.ts, the phases in src/pipeline/build.ts.
import { runBuild } from '../src/cli/build-command.ts';
import { runCommand } from '../src/cli/run-command.ts';

await runCommand(() => runBuild(process.argv.slice(2)));
