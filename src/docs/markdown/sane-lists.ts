/**
 * mdx_truly_sane_lists (on in TechDocs): a list item indented 2 spaces under
 * its parent item nests. CommonMark already agrees for `- a` (content at
 * column 2), but not under `1. a` or `-   a`, whose content starts at
 * column 3 or 4: there `  - b` would start a sibling list. Such sub-lists
 * are shifted right to the parent's content column.
 */
import { createFenceTracker } from './fences.ts';
import { nearestShallower } from './nearest-shallower.ts';
import { indentOf, isBlank, reindent, type SourceLine } from './source-lines.ts';

const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])( +)(?=\S)/;
const MAX_PASSES = 4;

export function nestTwoSpaceLists(lines: SourceLine[]): SourceLine[] {
  let current = lines;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = shiftOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

interface ParentItem {
  marker: number;
  content: number;
}

function shiftOnce(lines: SourceLine[]): SourceLine[] {
  const tracker = createFenceTracker();
  const code = lines.map((l) => tracker.inFence(l.text));
  const parentItem = parentItems(lines, code);
  let out: SourceLine[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const indent = indentOf(lines[i]!.text);
    // An item needs 2+ spaces of indentation to nest at all; testing that first keeps long flat lists fast.
    const parent = indent < 2 || code[i] || !LIST_ITEM.test(lines[i]!.text) ? undefined : parentItem(i, indent);
    if (!parent || indent < parent.marker + 2 || indent >= parent.content) {
      out?.push(lines[i]!);
      continue;
    }
    out ??= lines.slice(0, i);
    const shift = parent.content - indent;
    let j = i;
    for (; j < lines.length; j++) {
      const text = lines[j]!.text;
      if (!isBlank(text) && indentOf(text) <= parent.marker) break;
      out.push(isBlank(text) ? lines[j]! : reindent(lines[j]!, ' '.repeat(shift) + text, -shift));
    }
    i = j - 1;
  }
  return out ?? lines;
}

/**
 * The item a line at `indent` nests under: the nearest earlier line (not
 * blank, not code) indented less, if that line is a list item. Lines are fed
 * as the pass moves down the page (see nearest-shallower.ts).
 */
function parentItems(lines: SourceLine[], code: boolean[]): (index: number, indent: number) => ParentItem | undefined {
  const shallower = nearestShallower<ParentItem | undefined>();
  let fed = 0;
  return (index, indent) => {
    for (; fed < index; fed++) {
      const text = lines[fed]!.text;
      if (isBlank(text) || code[fed]) continue;
      shallower.add(indentOf(text), itemOf(text));
    }
    return shallower.below(indent);
  };
}

function itemOf(text: string): ParentItem | undefined {
  const m = LIST_ITEM.exec(text);
  if (!m) return undefined;
  const marker = (m[1] ?? '').length;
  const spaces = (m[3] ?? '').length;
  // Five or more spaces after the marker make indented code, so the content column is marker + 1.
  return { marker, content: marker + (m[2] ?? '').length + (spaces > 4 ? 1 : spaces) };
}
