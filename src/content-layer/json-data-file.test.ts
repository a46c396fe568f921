import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { jsonDataFile } from './json-data-file.ts';

const schema = z.object({ count: z.number() });
const spec = { name: 'Counts', envVar: 'FRONTDOOR_TEST_COUNTS', defaultPath: 'counts.json', schema };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdoor-data-file-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('jsonDataFile', () => {
  test('the file is the env var’s path, else the default, relative to the project root', () => {
    const file = jsonDataFile({ ...spec, whenMissing: { data: { count: 0 } } });
    const root = pathToFileURL(`${dir}/`);
    expect(file.pathFor(root)).toBe(join(dir, 'counts.json'));
    vi.stubEnv('FRONTDOOR_TEST_COUNTS', ' out/other.json ');
    expect(file.pathFor(root)).toBe(join(dir, 'out/other.json'));
  });

  test('a missing file gives the stated data, or the stated error', async () => {
    const missing = join(dir, 'counts.json');
    await expect(jsonDataFile({ ...spec, whenMissing: { data: { count: 0 } } }).read(missing)).resolves.toEqual({ count: 0 });
    await expect(jsonDataFile({ ...spec, whenMissing: { error: (f) => `no counts at ${f}` } }).read(missing)).rejects.toThrow(`no counts at ${missing}`);
  });

  test('read once per version of the file (mtime and size): a rewrite is read again', async () => {
    const path = join(dir, 'counts.json');
    const file = jsonDataFile({ ...spec, whenMissing: { data: { count: 0 } } });
    const then = new Date('2025-01-01T00:00:00Z');
    await writeFile(path, '{"count":1}');
    await utimes(path, then, then);
    await expect(file.read(path)).resolves.toEqual({ count: 1 });
    // Same mtime and size: the parsed version is reused.
    await writeFile(path, '{"count":2}');
    await utimes(path, then, then);
    await expect(file.read(path)).resolves.toEqual({ count: 1 });
    await writeFile(path, '{"count":22}');
    await utimes(path, then, then);
    await expect(file.read(path)).resolves.toEqual({ count: 22 });
  });

  test('a file that is not JSON, or not the schema, names the file and what is wrong', async () => {
    const path = join(dir, 'counts.json');
    const file = jsonDataFile({ ...spec, whenMissing: { data: { count: 0 } } });
    await writeFile(path, '{"count":');
    await expect(file.read(path)).rejects.toThrow(`cannot read Counts file ${path}`);
    await writeFile(path, '{"count":"three"}');
    await expect(file.read(path)).rejects.toThrow(new RegExp(`${path} is not valid Counts[\\s\\S]*count`));
  });
});
