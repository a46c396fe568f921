/**
 * One test file's browser session against the demo site: the served build
 * for a base path, Chromium, one light desktop context whose pages close
 * after each test, and `open(path)` that fails the test on a non-200 answer
 * and, in the default (scripted) context, returns once the page's islands are hydrated.
 * Call at module level; the returned object fills in during `beforeAll`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { FixtureBase } from './build-fixture.ts';
import { launchChromium } from './chromium.ts';
import { servedFixture, type ServedFixture } from './site-fixture.ts';

export interface BrowserSession {
  readonly fixture: ServedFixture;
  readonly browser: Browser;
  readonly context: BrowserContext;
  open(path: string, on?: BrowserContext): Promise<Page>;
}

export function useBrowserSession(base: FixtureBase): BrowserSession {
  const state = {} as { fixture: ServedFixture; browser: Browser; context: BrowserContext };
  beforeAll(async () => {
    [state.fixture, state.browser] = await Promise.all([servedFixture(base), launchChromium()]);
    state.context = await state.browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.fixture?.server.close();
  });
  afterEach(async () => {
    await Promise.all(state.context?.pages().map((page) => page.close()) ?? []);
  });
  return {
    get fixture() {
      return state.fixture;
    },
    get browser() {
      return state.browser;
    },
    get context() {
      return state.context;
    },
    async open(path, on = state.context) {
      const page = await on.newPage();
      const response = await page.goto(state.fixture.server.url(path));
      expect(response?.status(), `status of ${path}`).toBe(200);
      // The load event can come before an island's code: a test that types into the explorer
      // then types into server-rendered HTML no handler hears (seen under load). Astro removes
      // an island's `ssr` attribute once it is hydrated.
      if (on === state.context) await expect.poll(() => page.locator('astro-island[ssr]').count(), { timeout: 60_000 }).toBe(0);
      return page;
    },
  };
}
