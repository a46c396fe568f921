/**
 * TechDocs pages of the demo org in Chromium, as a reader uses them: from the
 * entity page to its docs, through the site navigation and previous/next,
 * tabs and collapsible blocks that work without script, Mermaid diagrams
 * drawn (and Mermaid loaded only where a page has one), docs from another
 * repo, a README shown as docs, and docs in the search index.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './browser-session.ts';

const session = useBrowserSession('/');
const open = session.open;

const DOCS = 'docs/default/component/payments-gateway/';

describe('a TechDocs site', () => {
  test('is reached from its entity page, and leads back to it', async () => {
    const page = await open('catalog/default/component/payments-gateway/');
    await page.getByRole('link', { name: 'Docs', exact: true }).click();
    await page.waitForURL(session.fixture.server.url(DOCS));
    expect(await page.locator('.docs-content h1').textContent()).toContain('Payments Gateway');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Payments Gateway' }).click();
    await page.waitForURL(session.fixture.server.url('catalog/default/component/payments-gateway/'));
  });

  test('has the nav of mkdocs.yml, marks the current page, and walks previous/next in nav order', async () => {
    const page = await open(`${DOCS}getting-started/`);
    const nav = page.getByRole('navigation', { name: 'Payments Gateway pages' });
    expect(await nav.locator('summary').allTextContents()).toEqual(['Payments Gateway', 'Architecture', 'Operations']);
    expect(await nav.locator('a[aria-current="page"]').textContent()).toBe('Getting started');
    await page.getByRole('link', { name: /Next\s+Overview/ }).click();
    await page.waitForURL(session.fixture.server.url(`${DOCS}architecture/overview/`));
    // The section holding the current page is open; the others stay closed.
    expect(await page.locator('.docs-nav-section details[open] > summary').allTextContents()).toEqual(['Architecture']);
    await page.getByRole('link', { name: /Previous\s+Getting started/ }).click();
    await page.waitForURL(session.fixture.server.url(`${DOCS}getting-started/`));
  });

  test('links between pages and to headings work, with a table of contents of the page', async () => {
    const page = await open(`${DOCS}getting-started/`);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    expect(await toc.locator('a').allTextContents()).toEqual(['Local setup', 'Calling the API', 'Code tour', 'Before your first PR']);
    await page.locator('.docs-content').getByRole('link', { name: 'runbook' }).first().click();
    await page.waitForURL(session.fixture.server.url(`${DOCS}operations/runbook/#pspfailoveractive`));
    expect(await page.locator('#pspfailoveractive').isVisible()).toBe(true);
  });

  test('tabs and collapsible blocks work without JavaScript', async () => {
    const noScript = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    try {
      const page = await open(`${DOCS}getting-started/`, noScript);
      const tabs = page.locator('.tabbed-set').first();
      await expect.poll(() => tabs.getByText('brew install').isVisible()).toBe(true);
      expect(await tabs.getByText('sudo apt-get install').isVisible()).toBe(false);
      await tabs.getByText('Linux', { exact: true }).click();
      expect(await tabs.getByText('sudo apt-get install').isVisible()).toBe(true);
      expect(await tabs.getByText('brew install').isVisible()).toBe(false);

      const runbook = await open(`${DOCS}operations/runbook/`, noScript);
      const details = runbook.locator('.docs-content details').first();
      expect(await details.getByText('UPDATE psp_webhook_log').isVisible()).toBe(false);
      await details.locator('summary').click();
      expect(await details.getByText('UPDATE psp_webhook_log').isVisible()).toBe(true);
    } finally {
      await noScript.close();
    }
  });

  test('draws Mermaid diagrams, and loads Mermaid only on pages that have one', async () => {
    const loads = (page: Page) => {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      return scripts;
    };
    const withDiagram = await session.context.newPage();
    const scriptsWith = loads(withDiagram);
    await withDiagram.goto(session.fixture.server.url(`${DOCS}architecture/overview/`));
    // Mermaid inserts the <svg> before it has laid out the nodes.
    await withDiagram.locator('pre.mermaid svg .node').first().waitFor({ timeout: 60_000 });
    const diagram = withDiagram.locator('pre.mermaid svg').first();
    expect(await diagram.locator('.node').count()).toBeGreaterThanOrEqual(8);
    expect(await diagram.getByText('payments-gateway', { exact: true }).count()).toBe(1);

    // Every page loads the search field's small loader; a docs page without a diagram loads nothing more.
    const opened = async (path: string) => {
      const page = await session.context.newPage();
      const scripts = loads(page);
      await page.goto(session.fixture.server.url(path));
      await page.waitForLoadState('networkidle');
      return scripts.map((url) => new URL(url).pathname).sort();
    };
    const everyPage = await opened('');
    expect(await opened(`${DOCS}getting-started/`)).toEqual(everyPage);
    expect(scriptsWith.map((url) => new URL(url).pathname).filter((path) => !everyPage.includes(path)).length).toBeGreaterThan(0);
  });

  test('code blocks show every line beside its number, highlighted lines included', async () => {
    for (const path of [`${DOCS}getting-started/`, 'docs/default/resource/events-kafka/topics/']) {
      const page = await open(path);
      const heights = await page.locator('.highlighttable').evaluateAll((tables) =>
        // scrollHeight: the content's height, without the scroll bar a long line adds.
        tables.map((t) => [t.querySelector('td.linenos pre')!.scrollHeight, t.querySelector('td.code pre')!.scrollHeight]),
      );
      expect(heights.length).toBeGreaterThan(0);
      for (const [numbers, code] of heights) expect(Math.abs(numbers! - code!), `${path}: line numbers ${numbers}px high, code ${code}px`).toBeLessThan(2);
    }
  });

  test('shows images from the docs folder', async () => {
    const page = await open(`${DOCS}architecture/overview/`);
    const image = page.locator('.docs-content img').first();
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  });

  test('from another repo of the org (techdocs-ref url:) renders with its own nav', async () => {
    const page = await open('catalog/default/resource/events-kafka/');
    await page.getByRole('link', { name: 'Docs', exact: true }).click();
    await page.waitForURL(session.fixture.server.url('docs/default/resource/events-kafka/'));
    expect(await page.locator('.docs-site-name').textContent()).toBe('Kafka at Fernway');
    expect(await page.locator('.docs-page-meta').textContent()).toContain('architecture/handbook/kafka/docs/index.md');
  });

  test('a README is the docs of an entity without TechDocs', async () => {
    const entity = session.fixture.data.entities.find((e) => e.docs?.from === 'readme');
    expect(entity, 'the demo has an entity whose README is its docs').toBeDefined();
    const page = await open(entity!.docs!.path);
    expect(await page.locator('.docs-content h1').count()).toBeGreaterThan(0);
    expect(await page.locator('.docs-page-meta').textContent()).toMatch(/README\.md/i);
  });

  test('docs pages are in the search index', async () => {
    const page = await open('');
    const urls = await page.evaluate<string[]>(`(async () => {
      const pagefind = await import(${JSON.stringify(session.fixture.server.url('pagefind/pagefind.js'))});
      const found = await pagefind.search('reconciliation mismatch');
      return Promise.all(found.results.slice(0, 10).map(async (result) => (await result.data()).url));
    })()`);
    expect(urls).toContain(`/${DOCS}operations/reconciliation/`);
  });
});
