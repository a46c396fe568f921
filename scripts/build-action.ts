#!/usr/bin/env node
// node scripts/build-action.ts: bundle the apply-template action (src/scaffolder/action) into
// .github/actions/apply-template/dist/index.js, which is committed; scripts/build-action.test.ts
// fails when the committed bundle is stale.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ACTION_BUNDLE, bundleAction } from '../src/scaffolder/action/bundle.ts';

const root = join(import.meta.dirname, '..');
const { text } = await bundleAction(root);
await mkdir(dirname(join(root, ACTION_BUNDLE)), { recursive: true });
await writeFile(join(root, ACTION_BUNDLE), text);
console.log(`${ACTION_BUNDLE}: ${(text.length / 1024).toFixed(0)} KiB`);
