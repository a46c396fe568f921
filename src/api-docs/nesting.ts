/**
 * Cheap scans that refuse deeply nested input before a recursive parser sees
 * it. The parsers (yaml, graphql, protobufjs) recurse once per level; past a
 * few hundred levels they overflow the stack, and a second overflow inside
 * `yaml` in the same process aborted Node with an out-of-memory error in our
 * tests. Real definitions nest a few dozen levels at most.
 */

/** Levels beyond which a definition is refused. */
export const MAX_NESTING = 128;

/**
 * Deepest nesting of `{[(` brackets. Brackets inside strings and comments are
 * counted too: balanced ones cancel out, so only absurd input comes near the cap.
 */
export function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x28) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((c === 0x7d || c === 0x5d || c === 0x29) && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Deepest nesting of YAML block structure, estimated from indentation: each
 * line opens a level when it is indented deeper than the levels still open,
 * and each `- ` at the start of a line (`- - - x`) opens one more.
 */
export function yamlBlockDepth(text: string): number {
  const open: number[] = [];
  let deepest = 0;
  for (const line of text.split('\n')) {
    let column = 0;
    while (line.charCodeAt(column) === 0x20) column++;
    if (column === line.length || line[column] === '#') continue;
    const levels = [column];
    while (line[column] === '-' && (line[column + 1] === ' ' || line[column + 1] === '\t')) {
      column += 2;
      while (line.charCodeAt(column) === 0x20) column++;
      levels.push(column);
    }
    while (open.length > 0 && (open.at(-1) ?? 0) >= (levels[0] ?? 0)) open.pop();
    open.push(...levels);
    if (open.length > deepest) deepest = open.length;
  }
  return deepest;
}

/** A message when `text` nests deeper than the parsers can take, else undefined. */
export function tooDeep(text: string, yaml: boolean): string | undefined {
  const depth = Math.max(bracketDepth(text), yaml ? yamlBlockDepth(text) : 0);
  return depth > MAX_NESTING ? `the definition nests ${depth} levels deep; Frontdoor reads at most ${MAX_NESTING} levels` : undefined;
}
