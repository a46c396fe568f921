#!/usr/bin/env node
// npm run schema: regenerate the files generated from code — the catalog-info.yaml JSON Schema
// (from the zod schemas) and docs/rules.md (from the rule registry). Tests fail when they are stale.
import { writeFile } from 'node:fs/promises';
import { catalogJsonSchema } from '../src/catalog-model/json-schema.ts';
import { rulesMarkdown } from '../src/diagnostics/rules-doc.ts';

const outputs: [string, string][] = [
  ['public/schema/catalog-info.schema.json', `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`],
  ['docs/rules.md', rulesMarkdown()],
];
for (const [file, content] of outputs) {
  await writeFile(file, content);
  process.stdout.write(`wrote ${file}\n`);
}
