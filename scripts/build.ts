#!/usr/bin/env node
// npm run build: thin entry; the work is in src/cli/build-command.ts.
import { runBuild } from '../src/cli/build-command.ts';
import { runCommand } from '../src/cli/run-command.ts';

await runCommand(() => runBuild(process.argv.slice(2)));
