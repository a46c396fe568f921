#!/usr/bin/env node
// npm run schema: regenerate public/schema/catalog-info.schema.json from the zod schemas.
// A test fails when the committed file is stale.
import { writeFile } from 'node:fs/promises';
import { catalogJsonSchema } from '../src/catalog/model/json-schema.ts';

export const schemaFile = 'public/schema/catalog-info.schema.json';
await writeFile(schemaFile, `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${schemaFile}\n`);
