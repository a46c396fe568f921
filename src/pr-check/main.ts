// The bundle's entry (`frontdoor-validate.mjs`, built by scripts/build-validator.ts): flags, output
// and exit code in pr-check-command.ts.
import { runCommand } from '../cli/run-command.ts';
import { runPrCheck } from './pr-check-command.ts';

await runCommand(() => runPrCheck(process.argv.slice(2)));
