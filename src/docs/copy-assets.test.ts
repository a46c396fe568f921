import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDocsAssets, isActiveSvg, vetDocsAssets } from './copy-assets.ts';
import type { AssetCopy } from './link-targets.ts';

let tmp: string;
let repo: string;
const asset = (repoPath: string, to = `docs/default/component/x/${repoPath}`): AssetCopy => ({ from: join(repo, repoPath), to, repo: 'x', repoPath });

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-assets-'));
  repo = join(tmp, 'repo');
  await mkdir(join(repo, 'docs/img'), { recursive: true });
  await writeFile(join(repo, 'docs/img/flow.png'), 'PNG');
  await writeFile(join(repo, 'docs/img/plain.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
  await writeFile(join(repo, 'docs/img/evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  await writeFile(join(repo, 'docs/page.html'), '<script>alert(1)</script>');
  await writeFile(join(tmp, 'secret.txt'), 'not in the repo');
  await symlink(join(tmp, 'secret.txt'), join(repo, 'docs/img/escape.png'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('docs files published from a repo on disk', () => {
  it('keeps images and inert SVGs; drops HTML, active SVGs and symlinks out of the repo, saying why', async () => {
    const { safe, diagnostics } = await vetDocsAssets(
      ['docs/img/flow.png', 'docs/img/plain.svg', 'docs/img/evil.svg', 'docs/page.html', 'docs/img/escape.png'].map((p) => asset(p)),
      new Map([['x', repo]]),
    );
    expect(safe.map((a) => a.repoPath)).toEqual(['docs/img/flow.png', 'docs/img/plain.svg']);
    expect(diagnostics.map((d) => [d.path, d.rule])).toEqual([
      ['docs/img/evil.svg', 'docs-asset-unsafe'],
      ['docs/page.html', 'docs-asset-unsafe'],
    ]);
  });

  it('copies into the output folder only', async () => {
    const out = join(tmp, 'dist');
    const copied = await copyDocsAssets([asset('docs/img/flow.png'), asset('docs/img/flow.png', '../../outside.png')], out);
    expect(copied).toBe(1);
    expect(await readFile(join(out, 'docs/default/component/x/docs/img/flow.png'), 'utf8')).toBe('PNG');
  });

  it('recognises SVGs that can run script', () => {
    for (const svg of ['<svg><script>x</script></svg>', '<svg onload="x">', '<svg><foreignObject><iframe/></foreignObject></svg>', '<svg><a href="javascript:x"/></svg>']) expect(isActiveSvg(svg)).toBe(true);
    expect(isActiveSvg('<svg><title>ok</title><path d="M0 0"/></svg>')).toBe(false);
  });
});
