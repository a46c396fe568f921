/**
 * Read a YAML or JSON definition (OpenAPI, AsyncAPI) into plain values. JSON
 * is YAML, so one parser serves both, with merge keys on (common in
 * hand-written OpenAPI) and the alias cap that stops "billion laughs".
 */
import { parseDocument, YAMLError } from 'yaml';
import type { ParseResult } from './model.ts';
import { LIMITS } from './limits.ts';
import { tooDeep } from './nesting.ts';

export function parseStructuredText(text: string): ParseResult<unknown> {
  const deep = tooDeep(text, true);
  if (deep) return { ok: false, error: deep };
  let doc;
  try {
    doc = parseDocument(text, { merge: true, prettyErrors: true });
  } catch (error) {
    return failure(error);
  }
  const [problem] = doc.errors;
  if (problem) return failure(problem);
  try {
    return { ok: true, model: doc.toJS({ maxAliasCount: LIMITS.maxAliasCount }) as unknown };
  } catch (error) {
    // toJS throws a ReferenceError when aliases expand past the cap.
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return {
        ok: false,
        error: `the YAML uses aliases (*name) more than ${LIMITS.maxAliasCount} times over, which looks like an alias bomb; it is not expanded`,
      };
    }
    return failure(error);
  }
}

function failure(error: unknown): { ok: false; error: string; line?: number } {
  if (error instanceof YAMLError) {
    if (error.code === 'MULTIPLE_DOCS')
      return { ok: false, error: 'the file holds more than one YAML document (separated by ---); a definition is one document' };
    const line = error.linePos?.[0].line;
    // prettyErrors appends a code frame after the first line; the page shows the source anyway.
    const message = `YAML syntax error: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code}`;
    return line === undefined ? { ok: false, error: message } : { ok: false, error: message, line };
  }
  if (error instanceof RangeError) return { ok: false, error: 'the document is nested too deeply to read' };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
