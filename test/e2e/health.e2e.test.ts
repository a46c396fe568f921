/**
 * The health overview and the entity scorecards, in a browser, against the
 * demo org built for a GitHub Pages project site (base `/fernway-portal/`, so
 * every link is checked under a base path). Expected values come from the
 * PortalData the pages were rendered from.
 */
import { describe, expect, test } from 'vitest';
import { levelLabel } from '../../src/health/levels.ts';
import { useBrowserSession } from './browser-session.ts';

const session = useBrowserSession('/fernway-portal/');
const open = session.open;

describe('health overview', () => {
  test('is in the main nav, draws its charts as labelled SVG images, and tabulates every team', async () => {
    const home = await open('');
    await home.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Health', exact: true }).click();
    await home.waitForURL(session.fixture.server.url('health/'));
    expect(await home.locator('h1').textContent()).toBe('Health');

    const charts = home.locator('svg.bar-chart[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const label of await charts.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')))) expect(label?.length).toBeGreaterThan(20);

    const { health } = session.fixture.data;
    const teamRows = home.locator('section[aria-labelledby="by-team"] tbody tr');
    expect(await teamRows.count()).toBe(health.byTeam.length);
    const first = health.byTeam[0]!;
    expect(await teamRows.first().locator('td').last().textContent()).toContain(`${first.averageScore}%`);
    expect(await teamRows.first().locator('td').last().textContent()).toContain(levelLabel(first.level));
    await home.close();
  });

  test('links the deprecated entity still in use, and its users, to their pages under the base', async () => {
    const page = await open('health/');
    const { deprecatedInUse } = session.fixture.data.health;
    expect(deprecatedInUse.length).toBeGreaterThan(0);
    const hrefs = await page.locator('section[aria-labelledby="deprecated"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const pathOf = (ref: string) => `/fernway-portal/${session.fixture.data.entities.find((e) => e.ref === ref)!.path}`;
    for (const entry of deprecatedInUse) {
      expect(hrefs).toContain(pathOf(entry.ref));
      for (const user of entry.usedBy) expect(hrefs).toContain(pathOf(user));
    }
    await page.close();
  });
});

describe('entity scorecard', () => {
  test('shows score and level, failing checks first, each failure with its fix', async () => {
    const entity = session.fixture.data.entities.find((e) => e.scorecard && e.scorecard.checks.some((c) => c.status === 'fail'))!;
    const card = entity.scorecard!;
    const page = await open(entity.path);
    const section = page.locator('section.scorecard');
    expect(await section.locator('.score-value').textContent()).toBe(`${card.score}%`);
    expect(await section.locator('.level').textContent()).toBe(levelLabel(card.level));
    const items = section.locator('li.check');
    expect(await items.count()).toBe(card.checks.length);
    expect(await items.first().getAttribute('class')).toContain('check-fail');
    expect(await items.first().locator('.check-fix').count()).toBe(1);
    await page.close();
  });

  test('is absent from Group pages', async () => {
    const group = session.fixture.data.entities.find((e) => e.kind === 'Group')!;
    const page = await open(group.path);
    expect(await page.locator('section.scorecard').count()).toBe(0);
    await page.close();
  });
});
