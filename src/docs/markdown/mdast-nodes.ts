/**
 * Two generic mdast nodes for what CommonMark has no node for (admonitions,
 * tabs, code tables, mark, kbd, ...). They carry the element to emit in
 * `data.hName`/`hProperties` and pass through remark-rehype's default
 * handler, so every plugin that walks mdast (links, abbreviations, ...) also
 * sees their children.
 */
import type { Properties, ElementContent } from 'hast';
import type { BlockContent, Data, DefinitionContent, Nodes, Parent, PhrasingContent, Text } from 'mdast';
import { h } from 'hastscript';

export interface FdData extends Data {
  hName: string;
  hProperties?: Properties;
  hChildren?: ElementContent[];
}

export interface FdBlock extends Parent {
  type: 'fdBlock';
  children: (BlockContent | DefinitionContent)[];
  data: FdData;
}

export interface FdInline extends Parent {
  type: 'fdInline';
  children: PhrasingContent[];
  data: FdData;
}

declare module 'mdast' {
  // The fields mdast-util-to-hast (remark-rehype) reads; declared here as it declares them, since its own
  // declaration only loads when a file imports it.
  interface Data {
    hChildren?: Array<ElementContent> | undefined;
    hName?: string | undefined;
    hProperties?: Properties | undefined;
  }
  interface BlockContentMap {
    fdBlock: FdBlock;
  }
  interface PhrasingContentMap {
    fdInline: FdInline;
  }
  interface RootContentMap {
    fdBlock: FdBlock;
    fdInline: FdInline;
  }
}

export function fdBlock(hName: string, hProperties: Properties, children: (BlockContent | DefinitionContent)[] = []): FdBlock {
  return { type: 'fdBlock', children, data: { hName, hProperties } };
}

export function fdInline(hName: string, hProperties: Properties, children: PhrasingContent[] = []): FdInline {
  return { type: 'fdInline', children, data: { hName, hProperties } };
}

/** A block whose content is ready-made hast (highlighted code). */
export function fdRaw(hName: string, hProperties: Properties, hChildren: ElementContent[]): FdBlock {
  return { type: 'fdBlock', children: [], data: { hName, hProperties, hChildren } };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/**
 * Author-written attributes (`{ width=300 download }`) as hast properties:
 * hastscript knows which names are booleans, numbers or space-separated lists.
 */
export function toProperties(attributes: Record<string, string>): Properties {
  try {
    return h('span', attributes).properties;
  } catch {
    return {};
  }
}

/**
 * A node's mdast `data`, if it has one. (remark-definition-list's nodes declare
 * unist's plainer `Data`; the return type reads it as mdast's, which adds hast fields.)
 */
export function existingDataOf(node: Nodes): Data | undefined {
  return node.data;
}

/** A node's mdast `data`, created if absent (typed as in `existingDataOf`). */
export function dataOf(node: Nodes): Data {
  return (node.data ??= {});
}

export function hastPropertiesOf(node: Nodes): Properties | undefined {
  return existingDataOf(node)?.hProperties;
}
