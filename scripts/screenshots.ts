#!/usr/bin/env node
// node scripts/screenshots.ts: builds the demo org into a temporary folder, serves it and
// writes screenshots of the main pages to docs/screenshots/ (light theme, 1280 px wide,
// full page up to 2400 px high), of the search dialog with results, and of a template's form with
// its dry run. Uses the e2e test helpers
// in test/e2e/.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoSite, projectRoot, removeBuiltSite, serveSite, type BuiltSite } from '../test/e2e/build-fixture.ts';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/chromium.ts';

const WIDTH = 1280;
const MAX_HEIGHT = 2400;
const SHOTS: [name: string, path: string][] = [
  ['home', ''],
  ['catalog', 'catalog/?kind=Component'],
  ['component-booking-service', 'catalog/default/component/booking-service/'],
  ['group-booking-team', 'catalog/default/group/booking-team/'],
  ['user-elena-petrova', 'catalog/default/user/elena.petrova/'],
  ['system-booking', 'catalog/default/system/booking/'],
  ['api-booking-api', 'catalog/default/api/booking-api/'],
  ['api-booking-api-definition', 'catalog/default/api/booking-api/definition/'],
  ['api-traveller-graphql-definition', 'catalog/default/api/traveller-graphql/definition/'],
  ['docs-payments-gateway-getting-started', 'docs/default/component/payments-gateway/getting-started/'],
  ['docs-payments-gateway-architecture', 'docs/default/component/payments-gateway/architecture/overview/'],
  ['create', 'create/'],
  ['health', 'health/'],
  ['diagnostics', 'diagnostics/'],
];

const outDir = join(projectRoot, 'docs', 'screenshots');
await mkdir(outDir, { recursive: true });
let site: BuiltSite | undefined;
try {
  site = await buildDemoSite('/', await mkdtemp(join(tmpdir(), 'frontdoor-screenshots-')));
  const server = await serveSite(site.outDir, site.base);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 }, colorScheme: 'light' });
    for (const [name, path] of SHOTS) {
      const response = await page.goto(server.url(path));
      if (response?.status() !== 200) throw new Error(`${server.url(path)} answered ${response?.status()}`);
      // The explorer fills in from its worker: wait until the table shows the URL's view.
      if (path.startsWith('catalog/?')) await page.waitForFunction(() => /^\d+ entit/.test(document.querySelector('#explorer-status')?.textContent ?? ''));
      // Mermaid draws in the browser: wait for the diagrams' nodes.
      if ((await page.locator('pre.mermaid').count()) > 0) await page.locator('pre.mermaid svg .node').first().waitFor();
      const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
      const file = join(outDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: WIDTH, height } });
      process.stdout.write(`${file.replace(`${projectRoot}/`, '')} (${WIDTH}×${height})\n`);
    }
    // The search dialog, opened with `/` on the home page, with the results for a query.
    await page.goto(server.url(''));
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog input[type="search"]').fill('booking');
    await page.waitForFunction(() => {
      const list = document.querySelector<HTMLElement>('dialog.search-dialog ul.search-results');
      return list?.dataset.query === 'booking' && list.dataset.state === 'done';
    });
    const file = join(outDir, 'search-dialog.png');
    await page.screenshot({ path: file });
    process.stdout.write(`${file.replace(`${projectRoot}/`, '')} (${WIDTH}×800)\n`);
    await shootTemplateForm(page, server.url('create/templates/default/spring-boot-service/'));
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  if (site) await removeBuiltSite(site);
}

/** A template's form, partly filled, beside its dry run showing a rendered file. */
async function shootTemplateForm(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.goto(url);
  await page.getByRole('textbox', { name: /^Name/ }).fill('loyalty-service');
  await page.getByRole('textbox', { name: /^Description/ }).fill("Loyalty points for Fernway's travellers.");
  await page.getByRole('combobox', { name: /^Owning team/ }).fill('payments-team');
  await page.getByRole('combobox', { name: /^System/ }).fill('booking');
  await page.locator('.tf-tree button.tf-file', { hasText: 'README.md' }).click();
  // The pickers complete a name to a ref when they lose focus; the dry run follows 150 ms later.
  await page.waitForFunction(() => !document.querySelector('.tf-problems')?.textContent?.includes('names no kind'));
  await page.waitForFunction(() => document.querySelector('.tf-file-view pre')?.textContent?.includes('# loyalty-service'));
  await page.locator('.tf').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('.tf')?.scrollIntoView({ block: 'start' }));
  const file = join(outDir, 'template-form.png');
  await page.screenshot({ path: file });
  process.stdout.write(`${file.replace(`${projectRoot}/`, '')} (${WIDTH}×900)\n`);
}
