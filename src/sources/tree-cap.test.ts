import { describe, expect, it } from 'vitest';
import { keepFirst, matchHints } from './tree-cap.ts';

describe('keepFirst: which files of a folder over the cap are read', () => {
  it('keeps all of a folder within the cap, sorted', () => {
    expect(keepFirst(['docs/b.md', 'docs/a.md'], 2)).toEqual({ kept: ['docs/a.md', 'docs/b.md'], omitted: 0 });
  });

  it('keeps index pages at every level first, then nav targets, then Markdown from the top down, then assets', () => {
    const paths = [
      'docs/aaa.png',
      'docs/aab.png', // assets sort first by name, and are kept last
      'docs/deep/deeper/page.md',
      'docs/guide.md',
      'docs/zz/index.md',
      'docs/index.md',
      'docs/sub/README.md',
      'docs/nav/target.png',
      'docs/zzz.md',
    ];
    expect(keepFirst(paths, 3)).toEqual({ kept: ['docs/index.md', 'docs/sub/README.md', 'docs/zz/index.md'], omitted: 6 });
    expect(keepFirst(paths, 5, { keepFirst: ['docs/nav/target.png'] }).kept).toEqual([
      'docs/guide.md',
      'docs/index.md',
      'docs/nav/target.png',
      'docs/sub/README.md',
      'docs/zz/index.md',
    ]);
    expect(keepFirst(paths, 7).kept).toEqual(
      ['docs/deep/deeper/page.md', 'docs/guide.md', 'docs/index.md', 'docs/sub/README.md', 'docs/zz/index.md', 'docs/zzz.md', 'docs/aaa.png'].sort(),
    );
  });

  it("keeps a glob's matches first in a folder read for a Location glob, where Markdown would otherwise crowd them out", () => {
    const paths = ['services/a/README.md', 'services/a/notes.md', 'services/a/catalog-info.yaml', 'services/b/catalog-info.yaml', 'services/b/x.ts'];
    const [hints] = matchHints([{ dir: 'services', isMatch: (p: string) => p.endsWith('/catalog-info.yaml') }]).values();
    expect(keepFirst(paths, 3, hints).kept).toEqual(['services/a/README.md', 'services/a/catalog-info.yaml', 'services/b/catalog-info.yaml']);
  });

  it('never loses index.md to a folder of 40,000 files named to sort before it', () => {
    const paths = [...Array.from({ length: 40_000 }, (_, i) => `docs/a${String(i).padStart(5, '0')}.md`), 'docs/index.md'];
    const { kept, omitted } = keepFirst(paths, 2000);
    expect(kept).toContain('docs/index.md');
    expect(kept).toHaveLength(2000);
    expect(omitted).toBe(38_001);
  });
});
