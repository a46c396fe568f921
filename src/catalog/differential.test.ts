/**
 * Differential test against Backstage's real code: every edge case of
 * `fixtures/differential/` must get Backstage's verdict (`oracle.jsonl`),
 * except the deliberate deviations listed below.
 *
 * As the README of that folder says, the whole folder is ONE repository at
 * https://github.com/oracle/local; `data/` holds placeholder files. Files are
 * read from disk the way the local source reads them, and each catalog file
 * is read as a catalog root of its own, as the oracle did.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { discoverRepoFiles } from '../sources/discover-files.ts';
import { diskRepoReader } from '../sources/local/disk-reader.ts';
import type { Repo } from '../sources/snapshot.ts';
import { readOracleVerdicts } from './fixtures/oracle-verdicts.ts';
import { defaultCatalogLimits, readCatalog, type CatalogResult } from './read-catalog.ts';

const root = fileURLToPath(new URL('./fixtures/differential/', import.meta.url));
const repoUrl = 'https://github.com/oracle/local';

/**
 * Where Frontdoor knowingly gives another verdict than the offline oracle.
 * Key: `file#index`; the value is Frontdoor's verdict and why.
 */
const deviations: Record<string, { valid: boolean; reason: string }> = {
  'placeholders.yaml#11': {
    valid: false,
    reason:
      '`$text: ../outside.txt` climbs above the repo root. The offline oracle stubs the unreadable URL with `{}` and accepts it; ' +
      'a live GitHub reader fails to read it, and Frontdoor refuses it as leaving the repository (placeholder-outside-repo).',
  },
};

const oracleLines = readOracleVerdicts(`${root}oracle.jsonl`);

/** Catalog files: every YAML file outside `data/`, as in the README's oracle command. */
const readme = readFileSync(`${root}README.md`, 'utf8');
const catalogFiles = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .map((p) => p.split(sep).join('/'))
  .filter((p) => /\.ya?ml$/.test(p) && !p.startsWith('data/'))
  .sort();

const results = new Map<string, CatalogResult>();

beforeAll(async () => {
  const reader = await diskRepoReader(root, 1024 * 1024);
  const discovered = await discoverRepoFiles({ name: 'local', url: repoUrl }, reader, {
    catalogPaths: catalogFiles,
    maxAliasCount: defaultCatalogLimits.maxAliasCount,
    maxDocumentsPerFile: defaultCatalogLimits.maxDocumentsPerFile,
    maxReferencedFiles: 200,
  });
  expect(discovered.catalogFiles).toEqual(catalogFiles);
  for (const file of catalogFiles) {
    const repo: Repo = {
      name: 'local',
      url: repoUrl,
      defaultBranch: 'main',
      topics: [],
      visibility: 'public',
      archived: false,
      isTemplate: false,
      ...discovered,
      catalogFiles: [file],
    };
    results.set(file, readCatalog({ version: 1, source: 'test', org: 'oracle', createdAt: '', repos: [repo], people: [], notes: [] }));
  }
});

function record(file: string, index: number) {
  return results.get(file)!.documents.find((d) => d.path === file && d.document === index);
}

function explain(file: string, ref: string | null): string {
  return results
    .get(file)!
    .diagnostics.filter((d) => d.path === file && d.severity === 'error' && (ref === null || d.ref === ref || d.ref === undefined))
    .map((d) => `${d.line}:${d.column} ${d.rule}: ${d.message}`)
    .join('\n');
}

describe('differential fixtures, against Backstage verdicts', () => {
  test('the README counts match the oracle (300 documents, 117 valid before the batch rule)', () => {
    expect(readme).toContain('**300** | **117**');
    expect(oracleLines).toHaveLength(300);
    expect(catalogFiles).toHaveLength(62);
    // Only the comment-only file and the `~` file produce no line.
    expect(catalogFiles.filter((f) => !oracleLines.some((l) => l.file === f))).toEqual(['empty-file.yaml', 'root-null.yaml']);
  });

  test.each(catalogFiles)('%s: as many documents as Backstage reads', (file) => {
    const documents = results.get(file)!.documents.filter((d) => d.path === file);
    expect(documents.map((d) => d.document)).toEqual(oracleLines.filter((l) => l.file === file).map((l) => l.index));
  });

  const agreeing = oracleLines.filter((l) => !deviations[`${l.file}#${l.index}`]);
  test.each(agreeing.map((l) => ({ ...l, name: `${l.file} #${l.index} (${l.ref ?? 'no ref'})` })))('$name is valid=$valid', ({ file, index, ref, valid }) => {
    const doc = record(file, index);
    expect(doc, 'document not read').toBeDefined();
    expect(doc!.ref ?? null).toBe(ref);
    expect(doc!.valid, explain(file, ref)).toBe(valid);
  });

  test.each(Object.entries(deviations))('deliberate deviation %s still deviates', (key, deviation) => {
    const [file, index] = key.split('#') as [string, string];
    const line = oracleLines.find((l) => l.file === file && l.index === Number(index));
    expect(line, `${key} is not in oracle.jsonl any more: remove the deviation`).toBeDefined();
    expect(deviation.valid, 'a deviation must disagree with the oracle').not.toBe(line!.valid);
    const doc = record(file, Number(index));
    expect(doc!.ref ?? null).toBe(line!.ref);
    expect(doc!.valid, `Frontdoor now agrees with Backstage on ${key}: remove it from the deviations`).toBe(deviation.valid);
  });

  test('placeholders.yaml #11 is refused as leaving the repository', () => {
    const diagnostic = results.get('placeholders.yaml')!.diagnostics.find((d) => d.ref === record('placeholders.yaml', 11)!.ref);
    expect(diagnostic).toMatchObject({ rule: 'placeholder-outside-repo', severity: 'error' });
    expect(diagnostic!.message).toContain('../outside.txt');
  });
});
