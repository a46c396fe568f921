/**
 * Docs images and downloads of repos on disk, published into the built site.
 * Repo content is untrusted, and these files are served from the portal's own
 * origin, so they are published by allowlist (src/docs/publish/): passive
 * types only, checked by content as well as by name, within the size limit,
 * never through a symlink out of the repo or into its git folder, and an SVG
 * only as the sanitizer rewrote it. `vetDocsAssets` checks and sizes them
 * (the sizes feed the per-repo output budget) before the site is written;
 * `copyDocsAssets` writes them after Astro has (and has first emptied the
 * output), checking each file again as it reads it.
 */
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isolateAsync } from '../diagnostics/isolate.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import type { AssetCopy } from './link-targets.ts';
import { checkAsset, publishedBytes, type VettedAsset } from './publish/check-asset.ts';

export type { VettedAsset } from './publish/check-asset.ts';

export interface AssetLimits {
  /** `limits.maxFileBytes`: no published file is bigger. */
  maxFileBytes: number;
}

export async function vetDocsAssets(
  assets: readonly AssetCopy[],
  repoRoots: ReadonlyMap<string, string>,
  limits: AssetLimits,
): Promise<{ safe: VettedAsset[]; diagnostics: Diagnostic[] }> {
  const safe: VettedAsset[] = [];
  const diagnostics: Diagnostic[] = [];
  const realRoots = new Map<string, string>();
  for (const asset of assets) {
    const root = repoRoots.get(asset.repo);
    if (!root) continue;
    if (!realRoots.has(asset.repo)) realRoots.set(asset.repo, await realpath(root).catch(() => resolve(root)));
    const checked = await isolateAsync({ repo: asset.repo, stage: 'checking a docs file to publish', path: asset.repoPath }, () =>
      checkAsset(asset, realRoots.get(asset.repo)!, limits.maxFileBytes),
    );
    if (!checked.ok) diagnostics.push(checked.diagnostic);
    else if (checked.value.ok) {
      safe.push(checked.value.asset);
      diagnostics.push(...checked.value.notes);
    } else if (checked.value.diagnostic) diagnostics.push(checked.value.diagnostic);
  }
  return { safe, diagnostics };
}

/**
 * Writes each vetted file under `outDir` (never outside it). A file that fails
 * now (changed since it was vetted, unwritable target) is skipped and said so:
 * these come after the diagnostics page is built, so they go to the log only.
 */
export async function copyDocsAssets(assets: readonly VettedAsset[], outDir: string, limits: AssetLimits): Promise<{ copied: number; skipped: Diagnostic[] }> {
  const out = resolve(outDir) + sep;
  let copied = 0;
  const skipped: Diagnostic[] = [];
  for (const asset of assets) {
    const target = resolve(outDir, asset.to);
    if (!target.startsWith(out)) continue;
    const written = await isolateAsync({ repo: asset.repo, stage: 'copying a docs file into the site', path: asset.repoPath }, async () => {
      const bytes = await publishedBytes(asset, limits.maxFileBytes);
      if (!bytes) return false;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
      return true;
    });
    if (!written.ok) skipped.push(written.diagnostic);
    else if (written.value) copied++;
    else
      skipped.push(
        makeDiagnostic(
          'docs-asset-unsafe',
          { repo: asset.repo, path: asset.repoPath, line: 0, column: 0 },
          'Not published: the file changed after it was checked and no longer passes (type, content or size). Build again.',
        ),
      );
  }
  return { copied, skipped };
}
