/**
 * GitHub alerts (`> [!NOTE]`, TIP, IMPORTANT, WARNING, CAUTION), which the
 * gh-admonitions plugin (default since techdocs-core 1.7.0) rewrites to
 * `!!! note "Note"` before MkDocs sees them; `important` becomes `warning`
 * and `caution` `danger` (PGijsbers/admonitions `ADMONITION_TYPE_MAP`). As in
 * that plugin, an alert needs at least one line of body. Text after the
 * marker (GitLab style) is used as the title.
 */
import type { BlockContent, DefinitionContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { buildAdmonition } from './admonitions.ts';
import { text } from './mdast-nodes.ts';

const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*([^\n]*)(?:\n|$)/i;
const TYPE_MAP: Record<string, string> = { caution: 'danger', important: 'warning' };

export function applyAlerts(tree: Root): void {
  visit(tree, 'blockquote', (node, index, parent) => {
    const first = node.children[0];
    const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
    if (!parent || index === undefined || first?.type !== 'paragraph' || lead?.type !== 'text') return undefined;
    const m = MARKER.exec(lead.value);
    if (!m) return undefined;
    lead.value = lead.value.slice(m[0].length);
    if (!lead.value) first.children.shift();
    const body: (BlockContent | DefinitionContent)[] = first.children.length > 0 ? node.children : node.children.slice(1);
    if (body.length === 0) {
      lead.value = m[0];
      if (!first.children.includes(lead)) first.children.unshift(lead);
      return undefined;
    }
    const kind = (m[1] ?? 'note').toLowerCase();
    const type = TYPE_MAP[kind] ?? kind;
    const title = m[2]?.trim() || kind[0]!.toUpperCase() + kind.slice(1);
    const spec = { kind: 'admonition' as const, classes: [type], title, open: false, newSet: false };
    const built = buildAdmonition(spec, [text(title)], body);
    if (node.position) built.position = node.position;
    parent.children[index] = built;
    return undefined;
  });
}
