/**
 * Fenced code detection for the line passes: none of them may rewrite what an
 * author put inside ``` or ~~~ (except snippets, which pymdownx expands
 * everywhere). Any indentation opens a fence, because fences also live
 * inside list items, admonitions and tabs.
 */

export interface Fence {
  char: string;
  length: number;
  indent: number;
}

// A fence may also start right after list markers (`- ```` opens one inside the item). The `(?! )`
// gives each marker all the spaces after it: otherwise every split of them between ` +` and the next
// ` *` was tried, exponential on a line like `-  -  -  -  … x`.
const OPEN = /^((?: *(?:[-*+]|\d{1,9}[.)]) +(?! ))* *)(`{3,}|~{3,})(.*)$/;

export function fenceOpening(text: string): Fence | undefined {
  const m = OPEN.exec(text);
  if (!m) return undefined;
  const marks = m[2] ?? '';
  const char = marks[0] ?? '`';
  // CommonMark: a backtick fence's info string cannot contain a backtick (that is inline code).
  if (char === '`' && (m[3] ?? '').includes('`')) return undefined;
  return { char, length: marks.length, indent: (m[1] ?? '').length };
}

export function fenceCloses(fence: Fence, text: string): boolean {
  const t = text.trim();
  if (t.length < fence.length) return false;
  for (let i = 0; i < t.length; i++) if (t[i] !== fence.char) return false;
  return true;
}

/** Feed lines in order; says whether each one belongs to a fenced block (opening and closing lines included). */
export function createFenceTracker(): { inFence(text: string): boolean; open(): Fence | undefined } {
  let current: Fence | undefined;
  return {
    inFence(text) {
      if (current) {
        if (fenceCloses(current, text)) current = undefined;
        return true;
      }
      current = fenceOpening(text);
      return current !== undefined;
    },
    open: () => current,
  };
}
