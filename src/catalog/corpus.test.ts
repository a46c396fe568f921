/**
 * Conformance against Backstage on real files: every document of
 * `fixtures/corpus/` (Backstage's official examples and real-world
 * catalog-info files) must get the verdict Backstage's own code gave it
 * (`oracle.jsonl`, see fixtures/differential/README.md for the format).
 *
 * Each file is read alone, as the only catalog file of a repo at
 * https://github.com/oracle/local, which is where the oracle placed it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { readOracleVerdicts, type OracleLine } from './fixtures/oracle-verdicts.ts';
import { readCatalog } from './read-catalog.ts';

const corpusDir = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));

const oracle = new Map<string, OracleLine[]>();
for (const line of readOracleVerdicts(`${corpusDir}oracle.jsonl`)) oracle.set(line.file, [...(oracle.get(line.file) ?? []), line]);
const corpusFiles = readdirSync(corpusDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

function readAlone(file: string) {
  const snapshot = inMemorySnapshot([
    { name: 'local', url: 'https://github.com/oracle/local', catalogFiles: [file], files: { [file]: readFileSync(corpusDir + file, 'utf8') } },
  ]);
  return readCatalog(snapshot);
}

const results = new Map(corpusFiles.map((file) => [file, readAlone(file)]));

describe('corpus of real catalog files, against Backstage verdicts', () => {
  test('every corpus file has oracle lines, and every oracle line a corpus file', () => {
    expect(corpusFiles.length).toBeGreaterThan(80);
    expect([...oracle.keys()].sort()).toEqual(corpusFiles);
  });

  test.each(corpusFiles)('%s has as many documents as Backstage reads', (file) => {
    const documents = results.get(file)!.documents.filter((d) => d.path === file);
    expect(documents.map((d) => d.document)).toEqual(oracle.get(file)!.map((l) => l.index));
  });

  const cases = [...oracle.values()].flat().map((l) => ({ ...l, name: `${l.file} #${l.index} (${l.ref ?? 'no ref'})` }));
  test.each(cases)('$name is valid=$valid', ({ file, index, ref, valid }) => {
    const record = results.get(file)!.documents.find((d) => d.path === file && d.document === index);
    expect(record, 'document not read').toBeDefined();
    expect(record!.ref ?? null).toBe(ref);
    // On failure, show Frontdoor's errors for this entity (or for the file, when the document has no ref).
    const reasons = results
      .get(file)!
      .diagnostics.filter((d) => d.severity === 'error' && d.path === file && (ref === null || d.ref === ref || d.ref === undefined));
    expect(record!.valid, reasons.map((d) => `${d.line}:${d.column} ${d.rule}: ${d.message}`).join('\n')).toBe(valid);
  });

  test('the corpus holds both verdicts, so the comparison can fail either way', () => {
    const all = [...oracle.values()].flat();
    expect(all.filter((l) => l.valid).length).toBeGreaterThan(100);
    expect(all.filter((l) => !l.valid).length).toBeGreaterThan(10);
  });
});
