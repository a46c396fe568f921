/**
 * One docs file → what the portal publishes for it, or why it publishes
 * nothing. The checks, in the order they cost: where the file really is (a
 * symlink may not lead out of the repo or into its git folder), its published
 * name's type (allowlist), its size on disk (before any read), then its
 * content (a signature, UTF-8 text, or an SVG rebuilt by the sanitizer).
 * `vetDocsAssets` runs `checkAsset` before the site is written, to report and
 * to size; `copyDocsAssets` writes what `publishedBytes` returns, so the bytes
 * checked are the bytes written.
 */
import { open, readFile, realpath, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../../diagnostics/make.ts';
import type { RuleId } from '../../diagnostics/rules.ts';
import { gitDirSegment } from '../../sources/repo-path.ts';
import type { AssetCopy } from '../link-targets.ts';
import { decodeText, HEAD_BYTES, headMatches, publishedExtensions, publishedTypeOf, type PublishedType } from './file-types.ts';
import { sanitizeSvg } from './svg-sanitize.ts';

/** A docs file that passed: `from` is its real path, `bytes` what it adds to the site. */
export interface VettedAsset extends AssetCopy {
  bytes: number;
}

export type AssetCheck =
  | { ok: true; asset: VettedAsset; notes: Diagnostic[] }
  /** `diagnostic` is undefined for files that are simply not there (the page already reports a missing image). */
  | { ok: false; diagnostic?: Diagnostic };

/** `realRoot`: the repo folder's real path. */
export async function checkAsset(asset: AssetCopy, realRoot: string, maxFileBytes: number): Promise<AssetCheck> {
  const problem = (rule: RuleId, message: string): AssetCheck => ({
    ok: false,
    diagnostic: makeDiagnostic(rule, { repo: asset.repo, path: asset.repoPath, line: 0, column: 0 }, message),
  });
  if (gitDirSegment(asset.repoPath) !== undefined) return problem('file-in-git-dir', gitDirMessage);
  const real = await realpath(asset.from).catch(() => undefined);
  if (real === undefined) return { ok: false };
  if (!real.startsWith(realRoot + sep))
    return problem(
      'file-outside-repo',
      'Not published: a symlink on this path leads out of the repository, and nothing outside a repository is published. Replace the symlink with the file itself.',
    );
  if (gitDirSegment(relative(realRoot, real)) !== undefined) return problem('file-in-git-dir', gitDirMessage);

  const type = publishedTypeOf(asset.to);
  if (!type) return problem('docs-asset-unsafe', unsafeTypeMessage(asset.to));
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { ok: false };
  if (info.size > maxFileBytes)
    return problem(
      'docs-asset-too-large',
      `Not published: ${info.size} bytes is over the ${maxFileBytes}-byte limit for a file (\`limits.maxFileBytes\` in portal.config.yaml). Make the file smaller, raise the limit, or link to it on GitHub with a full https:// URL.`,
    );

  if (type.kind === 'binary') {
    if (!headMatches(type, await readHead(real))) return problem('docs-asset-unsafe', mismatchMessage(type));
    return { ok: true, asset: { ...asset, from: real, bytes: info.size }, notes: [] };
  }
  const content = await contentOf(real, type);
  if (content === undefined) return problem('docs-asset-unsafe', mismatchMessage(type));
  const notes =
    content.removed.length === 0
      ? []
      : [
          makeDiagnostic(
            'docs-asset-unsafe',
            { repo: asset.repo, path: asset.repoPath, line: 0, column: 0 },
            `Published with parts removed: this SVG had ${content.removed.slice(0, 5).join(', ')}${content.removed.length > 5 ? ', …' : ''}, which could run or load something on the portal's site when the SVG is opened on its own. The rest of the drawing is published without them; remove them from the file (draw labels as SVG <text>, not HTML in <foreignObject>) so the portal shows what you drew.`,
          ),
        ];
  return { ok: true, asset: { ...asset, from: real, bytes: content.bytes.byteLength }, notes };
}

/**
 * The bytes to write for a vetted file, checked again as they are read (the
 * file's own bytes, or the sanitized SVG); undefined when it no longer passes.
 */
export async function publishedBytes(asset: VettedAsset, maxFileBytes: number): Promise<Uint8Array | undefined> {
  const type = publishedTypeOf(asset.to);
  const info = await stat(asset.from).catch(() => undefined);
  if (!type || !info?.isFile() || info.size > maxFileBytes) return undefined;
  if (type.kind === 'binary') {
    const bytes = await readFile(asset.from);
    return bytes.byteLength <= maxFileBytes && headMatches(type, bytes.subarray(0, HEAD_BYTES)) ? bytes : undefined;
  }
  return (await contentOf(asset.from, type))?.bytes;
}

/** A text or SVG file's published bytes; undefined when it is not what its name says. */
async function contentOf(path: string, type: PublishedType): Promise<{ bytes: Uint8Array; removed: string[] } | undefined> {
  const raw = await readFile(path);
  const text = decodeText(raw);
  if (text === undefined) return undefined;
  if (type.kind === 'text') return { bytes: raw, removed: [] };
  const sanitized = sanitizeSvg(text);
  return sanitized && { bytes: Buffer.from(sanitized.svg, 'utf8'), removed: sanitized.removed };
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const gitDirMessage =
  "Not published: the file is in the repository's git folder (or a link leads there), which holds the clone's settings and credentials and is never published. Link to files outside `.git`.";

function unsafeTypeMessage(to: string): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(to)?.[1];
  const what = ext ? `a .${ext.toLowerCase()} file` : 'a file without a known extension';
  return `Not published: ${what} is not a type the portal serves, because a browser could open it as a page of the portal's site and run its scripts. The portal publishes ${publishedExtensions.map((e) => `.${e}`).join(', ')}. Link to the file on GitHub with a full https:// URL, or convert it to one of those types.`;
}

function mismatchMessage(type: PublishedType): string {
  const expected =
    type.kind === 'binary'
      ? 'it does not start like one'
      : type.kind === 'svg'
        ? 'it is not UTF-8 text holding an <svg> element'
        : 'it is not UTF-8 text without NUL characters';
  return `Not published: the file is named as ${type.label}, but ${expected}, and a browser could take it for another type (such as HTML). Re-export it, or give it the extension of what it really is.`;
}
