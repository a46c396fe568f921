import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import { nextPublicationRecord, readPublicationRecord, writePublicationRecord } from './publication-record.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-record-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const entity = (ref: string, repo: string, origin?: LoadedEntity['origin']) =>
  ({ ref, source: { repo, path: 'catalog-info.yaml', document: 0, line: 1, column: 1 }, ...(origin ? { origin } : {}) }) as LoadedEntity;

describe('nextPublicationRecord', () => {
  it('records where each published, declared entity came from, sorted by ref', () => {
    const record = nextPublicationRecord(new Map(), [entity('group:default/b', 'payments'), entity('component:default/a', 'shop')], new Set());
    expect(record).toEqual({ version: 1, origins: { 'component:default/a': 'shop', 'group:default/b': 'payments' } });
    expect(Object.keys(record.origins)).toEqual(['component:default/a', 'group:default/b']);
  });

  it('does not record generated entities (GitHub teams and people, inferred Components)', () => {
    const record = nextPublicationRecord(
      new Map(),
      [entity('group:default/t', '', { kind: 'github-team' }), entity('component:default/r', 'r', { kind: 'inferred' })],
      new Set(),
    );
    expect(record.origins).toEqual({});
  });

  it('moves a ref to the repo that publishes it now', () => {
    expect(nextPublicationRecord(new Map([['component:default/a', 'old']]), [entity('component:default/a', 'new')], new Set()).origins).toEqual({
      'component:default/a': 'new',
    });
  });

  it('keeps an unpublished ref only while its repo does not read cleanly (it may be back tomorrow)', () => {
    const previous = new Map([
      ['group:default/held', 'broken'],
      ['group:default/removed', 'clean'],
    ]);
    expect(nextPublicationRecord(previous, [], new Set(['broken'])).origins).toEqual({ 'group:default/held': 'broken' });
  });
});

describe('reading and writing the record', () => {
  it('is empty, without complaint, when no file exists (a first build)', async () => {
    expect(await readPublicationRecord([join(tmp, 'none.json')])).toEqual({ origins: new Map(), problems: [] });
  });

  it('round-trips through every file it is written to, and reads the first usable one', async () => {
    const [a, b] = [join(tmp, 'cache/published-origins.json'), join(tmp, 'dist/published-origins.json')];
    await writePublicationRecord([a, b], { version: 1, origins: { 'group:default/x': 'payments' } });
    expect(await readPublicationRecord([a, b])).toEqual({ origins: new Map([['group:default/x', 'payments']]), from: a, problems: [] });
  });

  it('skips a file that is not a record, saying why, and falls back to the next', async () => {
    const [bad, notJson, good] = [join(tmp, 'bad.json'), join(tmp, 'not.json'), join(tmp, 'good.json')];
    await writeFile(bad, JSON.stringify({ version: 2, origins: [] }));
    await writeFile(notJson, '{');
    await writeFile(good, JSON.stringify({ version: 1, origins: { 'component:default/a': 'shop' } }));
    const read = await readPublicationRecord([bad, notJson, good]);
    expect(read.origins).toEqual(new Map([['component:default/a', 'shop']]));
    expect(read.from).toBe(good);
    expect(read.problems).toEqual([expect.stringContaining(bad), expect.stringMatching(/not\.json: not JSON/)]);
  });
});
