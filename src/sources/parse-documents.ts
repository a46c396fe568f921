/**
 * Split a catalog file into YAML documents the way Backstage's
 * `parseEntityYaml` does (the same `yaml` library, merge keys off, empty
 * documents skipped), but keep each document's syntax tree and a line counter
 * so every later diagnostic can point at a line and column. The crawl reads
 * catalog files with it too (to follow Location targets), so it lives with the sources.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';

export interface SourcePosition {
  line: number;
  column: number;
}

export type DocumentProblemRule = 'yaml-syntax' | 'yaml-alias-limit' | 'yaml-root-not-object';

export interface ParsedDocument {
  /** 0-based position among the file's non-empty documents (Backstage's numbering). */
  index: number;
  /** Where the document's content starts. */
  start: SourcePosition;
  tree: Document.Parsed;
  /** The plain JSON value, when the document parsed into a mapping. */
  value?: Record<string, unknown>;
  problem?: { rule: DocumentProblemRule; message: string; at: SourcePosition };
}

export interface ParsedFile {
  documents: ParsedDocument[];
  lineCounter: LineCounter;
  /** Documents past the cap, which were not read. */
  skippedDocuments: number;
}

export interface ParseLimits {
  maxDocuments: number;
  /** Alias expansions allowed per document; beyond it, a YAML "billion laughs" is refused. */
  maxAliasCount: number;
}

export function positionOf(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

export function parseDocuments(text: string, limits: ParseLimits): ParsedFile {
  const lineCounter = new LineCounter();
  const trees = parseAllDocuments(text, { merge: false, lineCounter, prettyErrors: true });
  const all = Array.isArray(trees) ? trees : [];
  const documents: ParsedDocument[] = [];
  let skippedDocuments = 0;
  for (const tree of all) {
    const startOffset = tree.contents?.range[0] ?? tree.range[0];
    const start = positionOf(lineCounter, startOffset);
    const firstError = tree.errors[0];
    if (firstError) {
      if (documents.length >= limits.maxDocuments) {
        skippedDocuments++;
        continue;
      }
      const at = firstError.linePos?.[0] ? { line: firstError.linePos[0].line, column: firstError.linePos[0].col } : start;
      const message = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      documents.push({ index: documents.length, start, tree, problem: { rule: 'yaml-syntax', message, at } });
      continue;
    }
    let value: unknown;
    try {
      value = tree.toJS({ json: true, maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      if (documents.length >= limits.maxDocuments) {
        skippedDocuments++;
        continue;
      }
      const message = error instanceof Error ? error.message : String(error);
      documents.push({ index: documents.length, start, tree, problem: { rule: 'yaml-alias-limit', message, at: start } });
      continue;
    }
    // Backstage skips empty documents (a trailing `---`, a file of comments).
    if (value === null || value === undefined) continue;
    if (documents.length >= limits.maxDocuments) {
      skippedDocuments++;
      continue;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      documents.push({
        index: documents.length,
        start,
        tree,
        problem: { rule: 'yaml-root-not-object', message: `the document is ${describeType(value)}, not a mapping of fields`, at: start },
      });
      continue;
    }
    documents.push({ index: documents.length, start, tree, value: value as Record<string, unknown> });
  }
  return { documents, lineCounter, skippedDocuments };
}
