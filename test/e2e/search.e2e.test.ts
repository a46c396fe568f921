/**
 * Search as a reader uses it, in Chromium on the demo org built under
 * `/fernway-portal/` (a GitHub Pages project site, where a search that
 * forgets the base links nowhere): the header field on every page, the
 * dialog (`/`, Ctrl+K, chips, arrow keys, Enter, Escape), the shareable
 * `/search/?q=` page, prefix queries, "Go to" for an exact ref, the scoped
 * docs search, the form without JavaScript, and axe with results showing.
 * The DOM is the one of the search contract of issue 11: each result is a
 * link that is itself the listbox option.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { useBrowserSession } from './browser-session.ts';

const BASE = '/fernway-portal/';
const session = useBrowserSession(BASE);
const open = session.open;
/** The first search of a page loads the search code, pagefind.js and its wasm: slow on a busy machine. */
const FIRST_RESULTS = { timeout: 60_000 };

const dialog = (page: Page) => page.locator('dialog.search-dialog');
const dialogInput = (page: Page) => dialog(page).locator('input[role=combobox]');
/** The /search/ page shows its input, chips and results inline, in the page's main content. */
const searchPage = (page: Page) => page.locator('main');
const headerField = (page: Page) => page.locator('form.site-search[role=search] input[name=q]');

/** Site paths of the results, in order. Each result is a link that is itself the option (docs headings are nested options). */
const resultPaths = (scope: Locator) =>
  scope.locator('ul.search-results > li > a[role=option]').evaluateAll((options) => options.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/** Waits until the results list has rendered `query` (the contract's data-query and data-state), then returns its result paths. */
async function resultsFor(scope: Locator, query: string, options = { timeout: 30_000 }): Promise<string[]> {
  const list = scope.locator('ul.search-results');
  await expect.poll(() => list.evaluate((ul: HTMLElement) => [ul.dataset['query'], ul.dataset['state']]), options).toEqual([query, 'done']);
  return resultPaths(scope);
}

const path = (relative: string) => `${BASE}${relative}`;
const isOpen = (page: Page) => dialog(page).evaluate((d: HTMLDialogElement) => d.open);
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

async function openWithSlash(page: Page): Promise<Locator> {
  await page.keyboard.press('/');
  await expect.poll(() => isOpen(page)).toBe(true);
  await expect.poll(() => hasFocus(dialogInput(page))).toBe(true);
  return dialogInput(page);
}

/** Arrow down to a result, then Enter: returns the path of the option that was selected, once the browser is there. */
async function arrowAndEnter(page: Page, scope: Locator): Promise<string> {
  await page.keyboard.press('ArrowDown');
  const selected = scope.locator('ul.search-results [role=option][aria-selected="true"]');
  await expect.poll(() => selected.count()).toBe(1);
  const target = new URL((await selected.getAttribute('href'))!, page.url()).pathname;
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === target);
  return target;
}

describe('the header search field', () => {
  test('is on every page: a search form to <base>search/', async () => {
    const pages = [
      '',
      'catalog/',
      'catalog/default/component/booking-service/',
      'catalog/default/api/booking-api/definition/',
      'catalog/default/group/payments-team/',
      'docs/default/component/payments-gateway/getting-started/',
      'diagnostics/',
      'search/',
    ];
    for (const relative of pages) {
      const page = await open(relative);
      const form = page.locator('form.site-search[role=search]');
      expect(await form.count(), relative).toBe(1);
      expect(await form.getAttribute('action'), relative).toBe(path('search/'));
      expect((await form.getAttribute('method'))?.toLowerCase(), relative).toBe('get');
      expect(await headerField(page).getAttribute('aria-label'), relative).toBe('Search the portal');
      expect(await headerField(page).getAttribute('type'), relative).toBe('search');
      await page.close();
    }
    const missing = await session.context.newPage();
    expect((await missing.goto(session.fixture.server.url('no-such-page/')))?.status()).toBe(404);
    expect(await missing.locator('form.site-search[role=search]').count()).toBe(1);
  });

  test('without JavaScript submits to /search/, which says that search needs JavaScript', async () => {
    const noScript = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    try {
      const page = await open('catalog/default/component/booking-service/', noScript);
      await headerField(page).fill('booking');
      await headerField(page).press('Enter');
      await page.waitForURL(session.fixture.server.url('search/?q=booking'));
      await expect
        .poll(() =>
          page
            .getByText(/search needs JavaScript/i)
            .first()
            .isVisible(),
        )
        .toBe(true);
    } finally {
      await noScript.close();
    }
  });
});

describe('the search dialog', () => {
  test('opens with /, shows results as you type, filters by a chip, and arrow keys and Enter open a result', async () => {
    const page = await open('catalog/');
    await openWithSlash(page);
    await page.keyboard.type('booking');
    const all = await resultsFor(dialog(page), 'booking', FIRST_RESULTS);
    expect(all).toContain(path('catalog/default/component/booking-service/'));
    for (const p of all) expect(p.startsWith(BASE), p).toBe(true);
    // Each result names its kind and shows the match highlighted.
    expect(await dialog(page).locator('ul.search-results mark').count()).toBeGreaterThan(0);

    const chip = dialog(page).locator('.search-filters[role=group] button.search-chip[data-filter="kind"][data-value="API"]');
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
    expect(Number(await chip.locator('.count').textContent())).toBeGreaterThan(0);
    await chip.click();
    await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => {
        const apis = await resultsFor(dialog(page), 'booking');
        return apis.length > 0 && apis.every((p) => p.startsWith(path('catalog/default/api/')));
      })
      .toBe(true);

    await dialogInput(page).focus();
    const landed = await arrowAndEnter(page, dialog(page));
    expect(landed.startsWith(path('catalog/default/api/'))).toBe(true);
  });

  test('opens with Ctrl+K and from the header field; Escape closes it and gives focus back', async () => {
    const page = await open('catalog/default/component/booking-service/');
    const link = page.locator('main a[href]').first();
    await link.focus();
    await page.keyboard.press('Control+k');
    await expect.poll(() => isOpen(page)).toBe(true);
    await expect.poll(() => hasFocus(dialogInput(page))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    await expect.poll(() => hasFocus(link)).toBe(true);

    await headerField(page).click();
    await expect.poll(() => isOpen(page)).toBe(true);
    await expect.poll(() => hasFocus(dialogInput(page))).toBe(true);
  });

  test('offers "Go to" first for an exact ref or an exact name', async () => {
    const page = await open('');
    const input = await openWithSlash(page);
    const goTo = (page: Page) => dialog(page).locator('ul.search-results [role=option]').first();
    for (const [query, target] of [
      ['component:default/booking-service', 'catalog/default/component/booking-service/'],
      ['pricing-engine', 'catalog/default/component/pricing-engine/'],
    ] as const) {
      await input.fill('');
      await input.pressSequentially(query);
      const paths = await resultsFor(dialog(page), query, FIRST_RESULTS);
      expect(paths[0], query).toBe(path(target));
      expect(await goTo(page).evaluate((option) => option.matches('a.search-goto')), query).toBe(true);
      expect(await goTo(page).textContent(), query).toMatch(/Go to/);
    }
  });

  test('a short last word is searched once typing pauses: "booking ev" finds the booking events API first', async () => {
    const page = await open('');
    const input = await openWithSlash(page);
    // While typing, "ev" waits (its prefix would fetch index chunks the next key replaces); the pause searches it.
    await input.pressSequentially('booking ev');
    await expect
      .poll(async () => (await resultsFor(dialog(page), 'booking ev', FIRST_RESULTS))[0], FIRST_RESULTS)
      .toBe(path('catalog/default/api/booking-events/'));
  });

  test('turns a prefix in the query into a filter: kind:api, lifecycle:deprecated', async () => {
    const page = await open('');
    const input = await openWithSlash(page);
    await input.pressSequentially('kind:api payments');
    const apis = await resultsFor(dialog(page), 'kind:api payments', FIRST_RESULTS);
    expect(apis).toContain(path('catalog/default/api/payments-api/'));
    for (const p of apis) expect(p.startsWith(path('catalog/default/api/')), p).toBe(true);

    await input.fill('');
    await input.pressSequentially('lifecycle:deprecated converter');
    const deprecated = await resultsFor(dialog(page), 'lifecycle:deprecated converter');
    expect(deprecated).toContain(path('catalog/default/component/currency-converter/'));
    for (const p of deprecated) expect(p, 'only the deprecated library and its docs').toContain('/currency-converter/');
  });

  test('on a TechDocs page starts scoped to that site, and one click widens it to the portal', async () => {
    const docs = path('docs/default/component/payments-gateway/');
    const page = await open('docs/default/component/payments-gateway/getting-started/');
    const input = await openWithSlash(page);
    expect(await input.getAttribute('placeholder')).toBe('Search Payments Gateway docs');
    await page.keyboard.type('reconciliation');
    const scoped = await resultsFor(dialog(page), 'reconciliation', FIRST_RESULTS);
    expect(scoped).toContain(`${docs}operations/reconciliation/`);
    for (const p of scoped) expect(p.startsWith(docs), p).toBe(true);

    const widen = dialog(page).locator('.search-widen');
    expect(await widen.textContent()).toContain(`Search all of ${session.fixture.data.meta.title}`);
    await widen.click();
    await expect.poll(() => input.getAttribute('placeholder')).not.toBe('Search Payments Gateway docs');
    await expect.poll(async () => (await resultsFor(dialog(page), 'reconciliation')).some((p) => !p.startsWith(docs))).toBe(true);
  });

  test('"See all results" opens /search/ with the query', async () => {
    const page = await open('catalog/');
    await openWithSlash(page);
    await page.keyboard.type('booking');
    await resultsFor(dialog(page), 'booking', FIRST_RESULTS);
    await dialog(page).locator('a.search-all').click();
    await page.waitForURL((url) => url.pathname === path('search/') && url.searchParams.get('q') === 'booking');
    expect(await resultsFor(searchPage(page), 'booking', FIRST_RESULTS)).toContain(path('catalog/default/component/booking-service/'));
  });
});

describe('the /search/ page', () => {
  test('searches as you type and filters by a chip, in a URL that opens the same results elsewhere', async () => {
    const page = await open('search/');
    const input = searchPage(page).locator('input[type=search]').first();
    await input.click();
    await page.keyboard.type('payments');
    await resultsFor(searchPage(page), 'payments', FIRST_RESULTS);
    const chip = (on: Page) => searchPage(on).locator('button.search-chip[data-filter="kind"][data-value="API"]');
    await chip(page).click();
    await expect.poll(() => chip(page).getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => {
        const url = new URL(page.url());
        return [url.searchParams.get('q'), url.searchParams.get('kind')];
      })
      .toEqual(['payments', 'API']);
    let filtered: string[] = [];
    await expect
      .poll(async () => {
        filtered = await resultsFor(searchPage(page), 'payments');
        return filtered.length > 0 && filtered.every((p) => p.startsWith(path('catalog/default/api/')));
      })
      .toBe(true);

    const shared = await open(page.url().slice(session.fixture.server.url('').length));
    expect(await resultsFor(searchPage(shared), 'payments', FIRST_RESULTS)).toEqual(filtered);
    expect(await chip(shared).getAttribute('aria-pressed')).toBe('true');
    expect(await searchPage(shared).locator('input[type=search]').first().inputValue()).toBe('payments');

    await searchPage(shared).locator('input[type=search]').first().focus();
    expect(filtered).toContain(await arrowAndEnter(shared, searchPage(shared)));
  });

  test('opened with a prefix query, filters by it', async () => {
    const page = await open(`search/?q=${encodeURIComponent('kind:api booking')}`);
    const apis = await resultsFor(searchPage(page), 'kind:api booking', FIRST_RESULTS);
    expect(apis).toContain(path('catalog/default/api/booking-api/'));
    for (const p of apis) expect(p.startsWith(path('catalog/default/api/')), p).toBe(true);
  });
});

describe('accessibility', () => {
  test('axe finds no serious or critical violation with the dialog open on results, nor on /search/ with results', async () => {
    const page = await open('catalog/');
    await openWithSlash(page);
    await page.keyboard.type('booking');
    await resultsFor(dialog(page), 'booking', FIRST_RESULTS);
    const inDialog = await seriousAxeViolations(page);

    const results = await open('search/?q=booking');
    await resultsFor(searchPage(results), 'booking', FIRST_RESULTS);
    const onPage = await seriousAxeViolations(results);
    expect({ dialog: inDialog, searchPage: onPage }).toEqual({ dialog: [], searchPage: [] });
  });
});
