/**
 * One test file's browser session against the demo site: the served build
 * for a base path, Chromium, one light desktop context whose pages close
 * after each test, and `open(path)` that fails the test on a non-200 answer.
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
      return page;
    },
  };
}
