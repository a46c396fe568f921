import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failedRouteOf, MAX_PAGES_LEFT_OUT, renderSite } from './render-site.ts';

const out = await mkdtemp(join(tmpdir(), 'frontdoor-render-'));
afterAll(() => rm(out, { recursive: true, force: true }));

/** An Astro build whose page `route` throws until `isFixed()`, logging as Astro does. */
function failingBuild(routes: string[]) {
  let calls = 0;
  const fixed = new Set<string>();
  const build = async () => {
    calls++;
    const failing = routes.find((r) => !fixed.has(r));
    if (failing) {
      process.stderr.write(`12:00:00 \u001b[31m[ERROR]\u001b[39m [build] Caught error rendering ${failing}: Error: boom\n`);
      throw new Error('boom');
    }
  };
  return { build, fixed, calls: () => calls };
}

const options = (astroBuild: () => Promise<void>, leaveOut?: (route: string) => Promise<boolean>) => ({
  root: out,
  dataFile: '',
  base: '/',
  outDir: out,
  astroBuild,
  ...(leaveOut ? { leaveOut } : {}),
});

describe('renderSite', () => {
  it('leaves out each page Astro cannot render, as the caller decides, and renders again without it', async () => {
    const astro = failingBuild(['/catalog/default/component/a/', '/docs/default/component/b/x/']);
    const result = await renderSite(options(astro.build, async (route) => (astro.fixed.add(route), true)));
    expect(result.leftOut).toEqual(['/catalog/default/component/a/', '/docs/default/component/b/x/']);
    expect(astro.calls()).toBe(3);
  });

  it('fails when the caller cannot leave the page out, when no page is named, or past the cap', async () => {
    await expect(renderSite(options(failingBuild(['/']).build, async () => false))).rejects.toThrow('boom');
    await expect(
      renderSite(
        options(
          async () => Promise.reject(new Error('config broken')),
          async () => true,
        ),
      ),
    ).rejects.toThrow('config broken');
    const many = failingBuild(Array.from({ length: MAX_PAGES_LEFT_OUT + 1 }, (_, i) => `/catalog/default/component/c${i}/`));
    await expect(renderSite(options(many.build, async (route) => (many.fixed.add(route), true)))).rejects.toThrow('boom');
    expect(many.calls()).toBe(MAX_PAGES_LEFT_OUT + 1);
  });

  it('a page that fails again after it was left out stops the retries', async () => {
    const stuck = failingBuild(['/catalog/default/component/a/']);
    await expect(renderSite(options(stuck.build, async () => true))).rejects.toThrow('boom');
    expect(stuck.calls()).toBe(2);
  });
});

describe('failedRouteOf', () => {
  it("reads the route from Astro's log line, coloured or not", () => {
    expect(failedRouteOf('14:52:17 [ERROR] [build] Caught error rendering /catalog/default/component/go-kit/: Error: INJECTED boom')).toBe(
      '/catalog/default/component/go-kit/',
    );
    expect(failedRouteOf('\u001b[31m[ERROR]\u001b[39m [build] Caught error rendering \u001b[1m/portal/docs/x/\u001b[22m: Error')).toBe('/portal/docs/x/');
    expect(failedRouteOf('14:52:17 [ERROR] Error: INJECTED boom')).toBeUndefined();
  });
});
