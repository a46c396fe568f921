/**
 * The pymdownx.superfences info string, in both forms TechDocs pages use:
 *
 *     ```python title="hello.py" linenums="1" hl_lines="2 3-5"
 *     ```{.yaml #id .extra linenums="3" hl_lines="1"}
 *
 * `hl_lines` count from the block's first line whatever `linenums` says, as
 * in Pygments.
 */

export interface CodeMeta {
  lang: string | undefined;
  title: string | undefined;
  /** First line number (TechDocs turns line numbers on for every block). */
  lineStart: number;
  highlight: Set<number>;
  classes: string[];
  id: string | undefined;
}

const PAIR = /([A-Za-z_][-\w]*)=("[^"]*"|'[^']*'|\S*)|([.#])([^\s{}=]+)|(\S+)/g;

/** `lines`: how many lines the code has (`hl_lines` beyond them are not listed; 0 skips `hl_lines`). */
export function parseCodeMeta(lang: string | null | undefined, meta: string | null | undefined, lines = Infinity): CodeMeta {
  let info = [lang ?? '', meta ?? ''].join(' ').trim();
  const braced = info.startsWith('{') && info.endsWith('}');
  if (braced) info = info.slice(1, -1);
  const result: CodeMeta = { lang: undefined, title: undefined, lineStart: 1, highlight: new Set(), classes: [], id: undefined };
  let first = true;
  for (const m of info.matchAll(PAIR)) {
    if (m[1]) {
      const value = /^["']/.test(m[2] ?? '') ? (m[2] ?? '').slice(1, -1) : (m[2] ?? '');
      applyOption(result, m[1], value, lines);
    } else if (m[3] === '.') {
      if (result.lang === undefined) result.lang = m[4];
      else result.classes.push(m[4] ?? '');
    } else if (m[3] === '#') {
      result.id = m[4];
    } else if (m[5] && first && !braced) {
      result.lang = m[5];
    }
    first = false;
  }
  if (result.lang !== undefined && !/^[\w+#.-]{1,40}$/.test(result.lang)) result.lang = undefined;
  return result;
}

function applyOption(result: CodeMeta, key: string, value: string, lines: number): void {
  if (key === 'title') result.title = value;
  else if (key === 'linenums') {
    const start = Number.parseInt(value, 10);
    if (Number.isFinite(start) && start > 0) result.lineStart = Math.min(start, 1_000_000);
  } else if (key === 'hl_lines') result.highlight = parseLineList(value, lines);
}

/** Line numbers one `hl_lines` may name in all (a real one names a handful). */
const MAX_LISTED_LINES = 100_000;

/**
 * `"2 3-5"` → {2, 3, 4, 5}, up to `lastLine`; each range is capped so a typo
 * cannot allocate millions of entries, and so is the total, or
 * `1-10000 1-10000 …` made eight characters of a page cost 10,000 steps.
 */
export function parseLineList(value: string, lastLine = Infinity): Set<number> {
  const lines = new Set<number>();
  let left = MAX_LISTED_LINES;
  for (const part of value.split(/[\s,]+/)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const from = Number(m[1]);
    const to = Math.min(Number(m[2] ?? m[1]), from + 10_000, lastLine);
    for (let n = from; n <= to && left > 0; n++, left--) lines.add(n);
  }
  return lines;
}
