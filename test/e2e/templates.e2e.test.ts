/**
 * Software templates as a developer starts a project, in Chromium on the demo built under
 * `/fernway-portal/` (issue 12): the gallery at /create/ (recommended first, filters), a template's
 * page, its form (validation messages, multi-step, Backstage's pickers), the dry run changing as
 * values are typed, and the final prefilled GitHub link and `gh` command; axe on the gallery and
 * on the form.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { useBrowserSession } from './browser-session.ts';

const BASE = '/fernway-portal/';
const session = useBrowserSession(BASE);
const open = session.open;
/** The island loads React, rjsf and the template's data: slow on a busy machine. */
const LOADED = { timeout: 60_000 };

/** The titles of the cards the gallery shows (a filter hides the others). */
const cardTitles = (page: Page) =>
  page
    .locator('main li.template-card > h2')
    .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent?.trim() ?? ''));

async function openForm(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('button', { name: 'Next' }).count(), LOADED).toBe(1);
}

describe('the gallery', () => {
  test('lists every template, recommended first, and filters by type', async () => {
    const page = await open('create/');
    const titles = await cardTitles(page);
    expect(titles[0]).toBe('Spring Boot service');
    expect(titles).toEqual(
      expect.arrayContaining(['TypeScript library (npm)', 'Add TechDocs to an existing repository', 'Python scheduled job', 'static-site-starter']),
    );
    // The header's Create entry is the current page.
    expect(await page.locator('header nav a[aria-current="page"]').textContent()).toMatch(/Create/);

    await page.locator('select[name=type]').selectOption('library');
    await expect.poll(() => cardTitles(page)).toEqual(['TypeScript library (npm)']);
  });

  test('axe finds no serious or critical violation', async () => {
    const page = await open('create/');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('a template page', () => {
  test('validates, previews the new repo as values are typed, and ends with the GitHub link and the gh command', async () => {
    const page = await open('create/templates/default/spring-boot-service/');
    await openForm(page);

    // Next on an empty first step: the messages are shown and announced.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.locator('.tf-announce').textContent()).toMatch(/problems? on this step/i);

    await page.getByRole('textbox', { name: /^Name/ }).fill('loyalty-service');
    await page.getByRole('textbox', { name: /^Description/ }).fill("Loyalty points for Fernway's travellers");
    await page.getByRole('combobox', { name: /^Owning team/ }).fill('payments-team');
    await page.getByRole('combobox', { name: /^System/ }).fill('booking');
    // The dry run renders the templated folder name with the value typed.
    await expect.poll(() => page.locator('.tf-tree').textContent(), LOADED).toContain('loyaltyservice');
    await page.locator('.tf-tree button.tf-file', { hasText: 'README.md' }).click();
    await expect.poll(() => page.locator('.tf-file-view pre').textContent()).toContain('# loyalty-service');

    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.locator('h2.tf-heading').textContent()).toMatch(/Runtime/);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.locator('h2.tf-heading').textContent()).toMatch(/Repository/);
    await page.getByRole('textbox', { name: /^Repository name/ }).fill('loyalty-service');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => page.locator('.tf-review').first().textContent()).toContain('loyalty-service');
    await page.getByRole('button', { name: 'Create' }).click();

    const github = page.getByRole('link', { name: /Open GitHub.s create page/ });
    const url = new URL((await github.getAttribute('href'))!);
    expect(url.origin + url.pathname).toBe('https://github.com/new');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      template_owner: 'Fernway',
      template_name: 'software-templates',
      owner: 'fernway',
      name: 'loyalty-service',
      visibility: 'private',
    });
    const gh = await page.locator('pre[aria-label="gh command"]').textContent();
    expect(gh).toContain('gh repo create fernway/loyalty-service --template Fernway/software-templates --private');
    expect(gh).toContain('gh workflow run apply-template.yml -R fernway/loyalty-service -f template=templates/spring-boot-service/template.yaml');
    const values = JSON.parse((await page.locator('pre[aria-label="Values JSON"]').textContent())!) as Record<string, unknown>;
    expect(values).toMatchObject({ name: 'loyalty-service', owner: 'group:default/payments-team', repoUrl: 'github.com?owner=fernway&repo=loyalty-service' });
  });

  test('documents what the template creates: parameters, skeleton, checklist, steps and its checks', async () => {
    const page = await open('create/templates/default/python-scheduled-job/');
    const main = await page.locator('main').textContent();
    expect(main).toContain('Schedule (cron)');
    expect(main).toContain('cronToText');
    const spring = await open('create/templates/default/spring-boot-service/');
    const text = await spring.locator('main').textContent();
    for (const item of ['CI workflow', 'catalog-info.yaml', 'Dockerfile', 'CODEOWNERS', 'fernway:argocd:create-app']) expect(text).toContain(item);
  });

  test('a template that renders forever with the values typed is stopped, and the form stays usable', async () => {
    const page = await open('create/templates/default/typescript-library/');
    // The build never publishes a template that loops with its sample values (it would time out
    // there); one whose loop depends on what the visitor types still could: serve such a skeleton.
    await page.route('**/template.json', async (route) => {
      const data = (await (await route.fetch()).json()) as { skeletons: Record<string, { files: { path: string; text?: string; size: number }[] }> };
      const skeleton = Object.values(data.skeletons)[0]!;
      // 10^10 empty iterations: no huge array (range(0, 1e11) fails fast with "Invalid array length") and no output to grow.
      const endless = '{% for i in range(0, 100000) %}{% for j in range(0, 100000) %}{% endfor %}{% endfor %}${{ values.name }}';
      skeleton.files.push({ path: 'endless.txt', text: endless, size: endless.length });
      await route.fulfill({ json: data });
    });
    await page.reload();
    await openForm(page);
    await expect.poll(() => page.locator('.tf-dry').textContent(), { timeout: 60_000 }).toMatch(/took longer than \d+ s/);
    // The page's own thread was never blocked: typing still updates the field.
    await page.getByRole('textbox', { name: /^Package name/ }).fill('still-typing');
    expect(await page.getByRole('textbox', { name: /^Package name/ }).inputValue()).toBe('still-typing');
  });

  test('axe finds no serious or critical violation on the form with its dry run', async () => {
    const page = await open('create/templates/default/spring-boot-service/');
    await openForm(page);
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
