#!/usr/bin/env node
// npm run preview: serve the built dist/ locally, under the base path of the last build.
import { readFile } from 'node:fs/promises';

const info = JSON.parse(await readFile('.cache/build-info.json', 'utf8').catch(() => '{}')) as { base?: string };
process.env['FRONTDOOR_BASE'] = info.base ?? '/';
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const { preview } = await import('astro');
const server = await preview({ root: process.cwd(), logLevel: 'info' });
process.on('SIGINT', () => void server.stop().then(() => process.exit(0)));
