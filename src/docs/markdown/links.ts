/**
 * Links and images written in Markdown (MkDocs never rewrites raw HTML, and
 * neither do we): relative targets go to `ctx.resolve`; the returned url
 * replaces the target, with the target's `#fragment` appended unless the
 * url already has one. A missing target keeps its text, gets class
 * `broken-link` (or `broken-image`) and a diagnostic, and loses its href/src
 * (broken-targets.ts). Same-page `#x` and
 * resolved `page.md#x` links are listed so the caller can check anchors.
 */
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { setProperties } from './attr-list.ts';
import { report, type RenderState, type ResolvedRef } from './types.ts';

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export function isRelativeTarget(url: string): boolean {
  return url !== '' && !SCHEME.test(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');
}

export function applyLinks(tree: Root, state: RenderState, mayHaveImageReferences = true): void {
  const imageDefinitions = new Set<string>();
  if (mayHaveImageReferences) {
    visit(tree, 'imageReference', (node) => {
      imageDefinitions.add(node.identifier);
    });
  }
  const brokenDefinitions = new Map<string, string>();

  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const kind = node.type === 'image' || (node.type === 'definition' && imageDefinitions.has(node.identifier)) ? 'image' : 'link';
    const broken = resolveNode(node, kind, state);
    if (broken && node.type === 'definition') brokenDefinitions.set(node.identifier, broken);
    else if (broken) setProperties(node, { className: [broken] });
  });

  if (brokenDefinitions.size === 0) return;
  visit(tree, (node) => {
    if ((node.type === 'linkReference' || node.type === 'imageReference') && brokenDefinitions.has(node.identifier)) {
      setProperties(node, { className: [brokenDefinitions.get(node.identifier)!] });
    }
  });
}

/** Rewrite one target; returns the class to mark it broken with, if it is. */
function resolveNode(node: Link | Image | Definition, kind: 'link' | 'image', state: RenderState): string | undefined {
  const url = node.url;
  const at = node.position?.start;
  if (url.startsWith('#') && url.length > 1 && kind === 'link') {
    state.links.push({ target: safeDecode(url), ...(at ? state.lineMap.toSource(at) : { line: 0, column: 0 }) });
    return undefined;
  }
  if (!isRelativeTarget(url)) return undefined;
  const target = safeDecode(url);
  const result = callResolve(state, target, kind);
  if (result === undefined) return undefined;
  if ('missing' in result) {
    const isImage = kind === 'image';
    report(
      state,
      {
        rule: isImage ? 'docs-image-missing' : 'docs-link-broken',
        severity: 'warning',
        message: `${isImage ? 'Image' : 'Link target'} "${target}" not found: ${result.reason}.`,
        fix: isImage
          ? 'Add the image under the docs folder or correct the path, which is relative to this page.'
          : 'Correct the path (relative to this page, pointing at a .md file under the docs folder) or remove the link.',
      },
      at,
    );
    return isImage ? 'broken-image' : 'broken-link';
  }
  const hash = target.indexOf('#');
  node.url = hash >= 0 && !result.url.includes('#') ? result.url + target.slice(hash) : result.url;
  if (hash >= 0 && kind === 'link') state.links.push({ target, ...(at ? state.lineMap.toSource(at) : { line: 0, column: 0 }) });
  return undefined;
}

function callResolve(state: RenderState, target: string, kind: 'link' | 'image'): ResolvedRef | undefined {
  try {
    return state.ctx.resolve(target, kind);
  } catch (error) {
    return { missing: true, reason: error instanceof Error ? error.message : String(error) };
  }
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
