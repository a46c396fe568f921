/**
 * Docs images and downloads of repos on disk, copied into the built site.
 * Repo content is untrusted: `vetDocsAssets` drops a file reached through a
 * symlink out of its repo, HTML, XML and script files, and an SVG that could
 * run script when opened directly (all would be served from the portal's
 * origin); `copyDocsAssets`
 * copies what passed, after Astro has written (and first emptied) the output.
 */
import { copyFile, mkdir, readFile, realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { AssetCopy } from './link-targets.ts';

export async function vetDocsAssets(assets: readonly AssetCopy[], repoRoots: ReadonlyMap<string, string>): Promise<{ safe: AssetCopy[]; diagnostics: Diagnostic[] }> {
  const safe: AssetCopy[] = [];
  const diagnostics: Diagnostic[] = [];
  const realRoots = new Map<string, string>();
  for (const asset of assets) {
    const root = repoRoots.get(asset.repo);
    if (!root) continue;
    if (!realRoots.has(asset.repo)) realRoots.set(asset.repo, (await realpath(root).catch(() => resolve(root))) + sep);
    const real = await realpath(asset.from).catch(() => undefined);
    if (!real || !real.startsWith(realRoots.get(asset.repo)!)) continue;
    if (ACTIVE_TYPES.test(real)) {
      diagnostics.push(unsafe(asset, `${asset.repoPath} is not published: browsers run HTML, XML and script files, and served from the portal's site it could act as the portal. Link to it on GitHub instead (a full https:// URL), or turn it into a Markdown page.`));
      continue;
    }
    if (/\.svg$/i.test(real) && isActiveSvg(await readFile(real, 'utf8').catch(() => ''))) {
      diagnostics.push(unsafe(asset, `${asset.repoPath} is an SVG with scripts, event handlers or embedded HTML, so it is not published: opened on its own, it would run on the portal's site. Remove <script>, on… attributes and <foreignObject> from the SVG.`));
      continue;
    }
    safe.push({ ...asset, from: real });
  }
  return { safe, diagnostics };
}

export async function copyDocsAssets(assets: readonly AssetCopy[], outDir: string): Promise<number> {
  const out = resolve(outDir) + sep;
  let copied = 0;
  for (const asset of assets) {
    const target = resolve(outDir, asset.to);
    if (!target.startsWith(out)) continue;
    await mkdir(dirname(target), { recursive: true });
    await copyFile(asset.from, target);
    copied++;
  }
  return copied;
}

function unsafe(asset: AssetCopy, message: string): Diagnostic {
  return { repo: asset.repo, path: asset.repoPath, line: 0, column: 0, severity: 'warning', rule: 'docs-asset-unsafe', message };
}

/** Files a browser would run as a page or script when opened from the portal's origin. */
const ACTIVE_TYPES = /\.(html?|xhtml|xht|xml|xsl|xslt|js|mjs|cjs|wasm|swf)$/i;

export function isActiveSvg(text: string): boolean {
  return /<script\b|<foreignObject\b|\son[a-z]+\s*=|javascript:|<iframe\b|<embed\b|<object\b|<handler\b/i.test(text);
}
