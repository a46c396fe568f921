#!/usr/bin/env node
// node scripts/build-validator.ts [--out FILE]: bundle the PR check (src/pr-check/main.ts) into one
// self-contained ESM file (default dist/validate/frontdoor-validate.mjs, where the build publishes
// it too). `node FILE --help` says how a repo runs it.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleValidator, VALIDATOR_SITE_PATH } from '../src/pipeline/publish-validator.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'dist', VALIDATOR_SITE_PATH));
const started = performance.now();
const { text } = await bundleValidator(root);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, text);
console.log(`${out}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
