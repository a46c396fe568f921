/**
 * Material for MkDocs icon shortcodes (`:material-check:`,
 * `:fontawesome-brands-github:`, `:octicons-mark-github-16:`,
 * `:simple-kubernetes:`). We ship no icon sets, so a recognised shortcode
 * becomes an empty, labelled placeholder span (styled by the portal CSS)
 * instead of leftover `:…:` text. Emoji (`:smile:`) are remark-emoji's job;
 * unknown shortcodes stay text.
 */
import type { Root } from 'mdast';
import { fdInline } from './mdast-nodes.ts';
import { replaceText } from './replace-text.ts';

const ICON = /:((?:material|fontawesome-(?:brands|regular|solid)|octicons|simple)-[a-z0-9]+(?:-[a-z0-9]+)*):/g;

export function applyIcons(tree: Root): void {
  replaceText(tree, [
    [ICON, (_: string, name: string) => fdInline('span', { className: ['twemoji', 'icon-placeholder'], title: name, role: 'img', ariaLabel: name })],
  ]);
}
