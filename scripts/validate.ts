#!/usr/bin/env node
// npm run validate: thin entry; the work is in src/cli/validate-command.ts.
import { runValidate } from '../src/cli/validate-command.ts';
import { runCommand } from '../src/cli/run-command.ts';

await runCommand(() => runValidate(process.argv.slice(2)));
