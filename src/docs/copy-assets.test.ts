import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDocsAssets, vetDocsAssets, type VettedAsset } from './copy-assets.ts';
import type { AssetCopy } from './link-targets.ts';

let tmp: string;
let repo: string;
const limits = { maxFileBytes: 1024 * 1024 };
const asset = (repoPath: string, to = `docs/default/component/x/${repoPath}`): AssetCopy => ({ from: join(repo, repoPath), to, repo: 'x', repoPath });
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e1b6ed0000000049454e44ae426082',
  'hex',
);
const HTML = '<!doctype html><script>alert(document.domain)</script>';

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-assets-'));
  repo = join(tmp, 'repo');
  await mkdir(join(repo, 'docs/img'), { recursive: true });
  await mkdir(join(repo, '.git'), { recursive: true });
  await mkdir(join(repo, 'docs/dir.png'), { recursive: true });
  const files: Record<string, string | Buffer> = {
    '.git/config': '[remote "origin"]\n\turl = https://x-access-token:ghs_SECRET@github.com/o/x\n',
    'docs/img/ok.png': PNG,
    'docs/img/fake.png': HTML,
    'docs/img/plain.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><g fill="teal"><rect width="20" height="20"/></g></svg>',
    'docs/img/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
    'docs/img/encoded.svg':
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="&#106;avascript:alert(1)"><rect width="10" height="10"/></a></svg>',
    'docs/img/not-svg.svg': HTML,
    'docs/page.html': HTML,
    'docs/page.xht': '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
    'docs/page.shtml': HTML,
    'docs/page.mht': `Content-Type: text/html\n\n${HTML}`,
    'docs/style.xsl': '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>',
    'docs/image.svgz': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    'docs/noext': HTML,
    'docs/notes.txt': 'plain notes\n',
    'docs/binary.txt': 'a\0b',
    'docs/latin1.csv': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'docs/openapi.yaml': 'openapi: 3.1.0\n',
    'docs/data.json': '{"a":1}\n',
    'docs/img/large.png': Buffer.concat([PNG, Buffer.alloc(2048)]),
  };
  for (const [path, content] of Object.entries(files)) await writeFile(join(repo, path), content);
  // 60 MB on disk without writing it: the size check must come before any read.
  execFileSync('truncate', ['-s', '60M', join(repo, 'docs/img/huge.png')]);
  execFileSync('mkfifo', [join(repo, 'docs/img/pipe.png')]);
  await writeFile(join(tmp, 'secret.png'), PNG);
  await symlink(join(tmp, 'secret.png'), join(repo, 'docs/img/escape.png'));
  await symlink('../.git/config', join(repo, 'docs/git-config.txt'));
  await symlink('../.git', join(repo, 'docs/git-folder'));
  await symlink('img/ok.png', join(repo, 'docs/alias.png'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const vet = (paths: string[], options = limits) =>
  vetDocsAssets(
    paths.map((p) => asset(p)),
    new Map([['x', repo]]),
    options,
  );
const rulesOf = (diagnostics: { path: string; rule: string }[]) => diagnostics.map((d) => [d.path, d.rule]);

describe('docs files published by allowlist', () => {
  it('publishes passive types whose content matches their name', async () => {
    const { safe, diagnostics } = await vet([
      'docs/img/ok.png',
      'docs/notes.txt',
      'docs/openapi.yaml',
      'docs/data.json',
      'docs/img/plain.svg',
      'docs/alias.png',
    ]);
    expect(safe.map((a) => a.repoPath)).toEqual([
      'docs/img/ok.png',
      'docs/notes.txt',
      'docs/openapi.yaml',
      'docs/data.json',
      'docs/img/plain.svg',
      'docs/alias.png',
    ]);
    expect(diagnostics).toEqual([]);
    // A symlink inside the repo is published from where it really is.
    expect(safe[5]!.from).toBe(join(await import('node:fs/promises').then((fs) => fs.realpath(repo)), 'docs/img/ok.png'));
    expect(safe[0]!.bytes).toBe(PNG.length);
  });

  it('refuses every type a browser could run, and files with no extension, saying how to fix it', async () => {
    const refused = ['docs/page.html', 'docs/page.xht', 'docs/page.shtml', 'docs/page.mht', 'docs/style.xsl', 'docs/image.svgz', 'docs/noext'];
    const { safe, diagnostics } = await vet(refused);
    expect(safe).toEqual([]);
    expect(rulesOf(diagnostics)).toEqual(refused.map((p) => [p, 'docs-asset-unsafe']));
    expect(diagnostics[1]!.message).toContain('a .xht file is not a type the portal serves');
    expect(diagnostics[6]!.message).toContain('a file without a known extension');
    for (const d of diagnostics) expect(d.message).toContain('Link to the file on GitHub');
  });

  it('refuses content that is not what its name says', async () => {
    const { safe, diagnostics } = await vet(['docs/img/fake.png', 'docs/binary.txt', 'docs/latin1.csv', 'docs/img/not-svg.svg']);
    expect(safe).toEqual([]);
    expect(rulesOf(diagnostics)).toEqual([
      ['docs/img/fake.png', 'docs-asset-unsafe'],
      ['docs/binary.txt', 'docs-asset-unsafe'],
      ['docs/latin1.csv', 'docs-asset-unsafe'],
      ['docs/img/not-svg.svg', 'docs-asset-unsafe'],
    ]);
    expect(diagnostics[0]!.message).toContain('named as a PNG image, but it does not start like one');
  });

  it('publishes an SVG with script as its sanitized rewrite, and says what was removed', async () => {
    const { safe, diagnostics } = await vet(['docs/img/evil.svg', 'docs/img/encoded.svg']);
    expect(safe.map((a) => a.repoPath)).toEqual(['docs/img/evil.svg', 'docs/img/encoded.svg']);
    expect(rulesOf(diagnostics)).toEqual([
      ['docs/img/evil.svg', 'docs-asset-unsafe'],
      ['docs/img/encoded.svg', 'docs-asset-unsafe'],
    ]);
    expect(diagnostics[0]!.message).toContain('Published with parts removed: this SVG had event handlers (on… attributes)');
    expect(diagnostics[1]!.message).toContain('<a href> links');
    // Sized as published, not as on disk.
    expect(safe[0]!.bytes).toBe(Buffer.byteLength('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'));
  });

  it('checks the size on disk before reading: over `limits.maxFileBytes` is not published', async () => {
    const { safe, diagnostics } = await vet(['docs/img/huge.png', 'docs/img/large.png', 'docs/img/ok.png'], { maxFileBytes: 1024 });
    expect((await stat(join(repo, 'docs/img/huge.png'))).size).toBe(60 * 1024 * 1024);
    expect(safe.map((a) => a.repoPath)).toEqual(['docs/img/ok.png']);
    expect(rulesOf(diagnostics)).toEqual([
      ['docs/img/huge.png', 'docs-asset-too-large'],
      ['docs/img/large.png', 'docs-asset-too-large'],
    ]);
    expect(diagnostics[0]!.message).toContain('62914560 bytes is over the 1024-byte limit');
    expect(diagnostics[0]!.message).toContain('`limits.maxFileBytes`');
  });

  it('never follows a symlink out of the repo or into its git folder, and never reads a pipe or a folder', async () => {
    const { safe, diagnostics } = await vet([
      'docs/img/escape.png',
      'docs/git-config.txt',
      'docs/git-folder/config',
      'docs/img/pipe.png',
      'docs/dir.png',
      'docs/img/missing.png',
    ]);
    expect(safe).toEqual([]);
    expect(rulesOf(diagnostics)).toEqual([
      ['docs/img/escape.png', 'file-outside-repo'],
      ['docs/git-config.txt', 'file-in-git-dir'],
      ['docs/git-folder/config', 'file-in-git-dir'],
    ]);
  });

  it('refuses a path into the git folder in any spelling', async () => {
    const { safe, diagnostics } = await vet(['.git/config', '.GIT/config', '.git./config', '.Git /config', 'docs/../.git/config', 'git~1/config']);
    expect(safe).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toEqual(Array(6).fill('file-in-git-dir'));
  });

  it('skips repos that are not on disk', async () => {
    expect(await vetDocsAssets([{ ...asset('docs/img/ok.png'), repo: 'elsewhere' }], new Map([['x', repo]]), limits)).toEqual({ safe: [], diagnostics: [] });
  });
});

describe('copying vetted files into the site', () => {
  let vetted: VettedAsset[];
  beforeAll(async () => {
    vetted = (await vet(['docs/img/ok.png', 'docs/img/evil.svg', 'docs/notes.txt'])).safe;
  });

  it('writes images and text as they are, an SVG as sanitized, and only inside the output folder', async () => {
    const out = join(tmp, 'dist');
    const outside = { ...vetted[0]!, to: '../../outside.png' };
    const result = await copyDocsAssets([...vetted, outside], out, limits);
    expect(result).toEqual({ copied: 3, skipped: [] });
    const site = join(out, 'docs/default/component/x');
    expect(await readFile(join(site, 'docs/img/ok.png'))).toEqual(PNG);
    expect(await readFile(join(site, 'docs/notes.txt'), 'utf8')).toBe('plain notes\n');
    expect(await readFile(join(site, 'docs/img/evil.svg'), 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    await expect(stat(join(tmp, 'outside.png'))).rejects.toThrow();
  });

  it('checks each file again as it copies it, and goes on past one that fails', async () => {
    const out = join(tmp, 'dist-changed');
    const changed = join(tmp, 'changed.png');
    await writeFile(changed, PNG);
    const swapped: VettedAsset = { ...vetted[0]!, from: changed, to: 'docs/changed.png' };
    await writeFile(changed, HTML); // replaced after it was vetted
    await mkdir(join(out, 'docs/blocked.png'), { recursive: true }); // a folder where the file goes
    const blocked: VettedAsset = { ...vetted[0]!, to: 'docs/blocked.png' };
    const result = await copyDocsAssets([swapped, blocked, vetted[2]!], out, limits);
    expect(result.copied).toBe(1);
    expect(result.skipped.map((d) => d.rule)).toEqual(['docs-asset-unsafe', 'repo-failed']);
    await expect(stat(join(out, 'docs/changed.png'))).rejects.toThrow();
  });
});
