#!/usr/bin/env node
// npm run validate: thin entry; flags and output in src/cli/validate-command.ts, the phases in src/pipeline/validate.ts.
import { runValidate } from '../src/cli/validate-command.ts';
import { runCommand } from '../src/cli/run-command.ts';

await runCommand(() => runValidate(process.argv.slice(2)));
