import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitRepoOutput, readingOrder, type BudgetPage } from './output-budget.ts';

const page = (id: string, bytes: number, extra: Partial<BudgetPage> = {}): BudgetPage => ({ id, siteId: 's', bytes, isSiteIndex: false, assets: [], ...extra });

describe('reading order', () => {
  it('puts each site first page first, then the nav with sites taking turns, then pages outside the nav', () => {
    const pages = [
      page('a/extra', 1, { siteId: 'a' }),
      page('a/two', 1, { siteId: 'a', navIndex: 2 }),
      page('a/one', 1, { siteId: 'a', navIndex: 1 }),
      page('a/index', 1, { siteId: 'a', isSiteIndex: true, navIndex: 0 }),
      page('b/index', 1, { siteId: 'b', isSiteIndex: true }),
      page('b/one', 1, { siteId: 'b', navIndex: 1 }),
      page('b/extra', 1, { siteId: 'b' }),
    ];
    expect(readingOrder(pages).map((p) => p.id)).toEqual(['a/index', 'b/index', 'a/one', 'b/one', 'a/two', 'a/extra', 'b/extra']);
  });
});

describe('one repo within its output budget', () => {
  it('keeps everything, with no diagnostic, when it fits', () => {
    const fitted = fitRepoOutput(
      { repo: 'r', pages: [page('index', 10, { isSiteIndex: true, assets: ['img.png'] })], assets: [{ to: 'img.png', bytes: 90 }] },
      100,
    );
    expect([...fitted.pages]).toEqual(['index']);
    expect([...fitted.assets]).toEqual(['img.png']);
    expect(fitted).toMatchObject({ keptBytes: 100, leftOutBytes: 0 });
    expect(fitted.diagnostic).toBeUndefined();
  });

  it('keeps pages in reading order, each followed by the files it first uses, up to the limit', () => {
    const fitted = fitRepoOutput(
      {
        repo: 'big-docs',
        pages: [
          page('guide', 10, { navIndex: 1, assets: ['shared.png', 'guide.png'] }),
          page('index', 10, { isSiteIndex: true, assets: ['shared.png'] }),
          page('faq', 10, { navIndex: 2, assets: ['refused.html'] }),
          page('orphan', 10),
        ],
        assets: [
          { to: 'guide.png', bytes: 30 },
          { to: 'shared.png', bytes: 20 },
          { to: 'unused.pdf', bytes: 5 },
        ],
      },
      75,
    );
    // index 10 + shared 20 + guide 10 + guide.png 30 = 70; faq (10) does not fit, nor anything after it.
    expect([...fitted.pages]).toEqual(['index', 'guide']);
    expect([...fitted.assets]).toEqual(['shared.png', 'guide.png']);
    expect(fitted).toMatchObject({ keptBytes: 70, leftOutBytes: 25 });
    expect(fitted.diagnostic).toMatchObject({ repo: 'big-docs', path: '', rule: 'repo-output-budget', severity: 'warning' });
    const message = fitted.diagnostic!.message;
    expect(message).toContain('`limits.maxRepoOutputBytes`');
    expect(message).toContain('75 bytes');
    expect(message).toContain('2 of 4 pages and 2 of 3 files, 70 bytes');
    expect(message).toContain('Left out: 2 pages and 1 files, 25 bytes, from "faq" on');
  });

  it('stops at the first page or file that does not fit, so what is kept is a prefix', () => {
    const fitted = fitRepoOutput(
      {
        repo: 'r',
        pages: [page('index', 5, { isSiteIndex: true, assets: ['huge.pdf'] }), page('small', 1, { navIndex: 1 })],
        assets: [{ to: 'huge.pdf', bytes: 1000 }],
      },
      100,
    );
    expect([...fitted.pages]).toEqual(['index']);
    expect(fitted.assets.size).toBe(0);
    expect(fitted.diagnostic!.message).toContain('from "huge.pdf" on');
  });

  it('says how big in MiB', () => {
    const fitted = fitRepoOutput({ repo: 'r', pages: [page('index', 60 * 1024 * 1024, { isSiteIndex: true })], assets: [] }, 50 * 1024 * 1024);
    expect(fitted.pages.size).toBe(0);
    expect(fitted.diagnostic!.message).toContain('would add 60.0 MiB to the site, over the 50.0 MiB');
  });
});

describe('the budget (property)', () => {
  const repoOutput = fc
    .tuple(
      fc.array(fc.tuple(fc.nat(200), fc.option(fc.nat(20), { nil: undefined }), fc.array(fc.nat(9), { maxLength: 3 }), fc.constantFrom('a', 'b')), {
        minLength: 1,
        maxLength: 12,
      }),
      fc.array(fc.nat(300), { minLength: 10, maxLength: 10 }),
    )
    .map(([pages, assetSizes]) => ({
      repo: 'r',
      pages: pages.map(([bytes, navIndex, assets, siteId], i) =>
        page(`p${i}`, bytes, { siteId, navIndex, isSiteIndex: i < 2 && siteId === 'a', assets: assets.map((n) => `f${n}`) }),
      ),
      assets: assetSizes.map((bytes, n) => ({ to: `f${n}`, bytes })),
    }));

  it('never keeps more than the limit, counts every byte once, and keeps a prefix of the reading order', () => {
    fc.assert(
      fc.property(repoOutput, fc.nat(2000), (output, limit) => {
        const fitted = fitRepoOutput(output, limit);
        expect(fitted.keptBytes).toBeLessThanOrEqual(limit);
        const total = output.pages.reduce((n, p) => n + p.bytes, 0) + output.assets.reduce((n, a) => n + a.bytes, 0);
        expect(fitted.keptBytes + fitted.leftOutBytes).toBe(total);
        const order = readingOrder(output.pages).map((p) => p.id);
        expect(order.slice(0, fitted.pages.size)).toEqual(order.filter((id) => fitted.pages.has(id)));
        expect(fitted.diagnostic === undefined).toBe(fitted.leftOutBytes === 0 && fitted.keptBytes === total);
      }),
    );
  });
});
