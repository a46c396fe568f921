/**
 * Integrations on the demo's entity pages, in Chromium: the demo has no credentials, so each plugin
 * listed with `demo:` in portal.config.yaml replays its recorded responses (demo/integrations/) and
 * its section says "demo data". Expected values come from the PortalData the pages were rendered from.
 */
import { describe, expect, test } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { useBrowserSession } from './browser-session.ts';

const session = useBrowserSession('/');

/** The demo entities that carry `sonarqube.org/project-key`, with their SonarQube section. */
const sonarEntities = () => session.fixture.data.entities.filter((e) => e.plugins?.some((p) => p.id === 'plugin:sonarqube:quality'));

describe('SonarQube on the demo', () => {
  test('every demo entity with a project key has its section, from the recording', () => {
    const annotated = session.fixture.data.entities.filter((e) => e.annotations['sonarqube.org/project-key']);
    expect(annotated.length).toBeGreaterThan(0);
    expect(sonarEntities().map((e) => e.ref)).toEqual(annotated.map((e) => e.ref));
    for (const entity of sonarEntities()) expect(entity.plugins?.find((p) => p.id === 'plugin:sonarqube:quality')?.freshness).toBe('demo');
  });

  test('an entity page shows the section labelled demo data, with its facts and project link, axe clean', async () => {
    const entity = sonarEntities().find((e) => e.name === 'booking-service') ?? sonarEntities()[0]!;
    const view = entity.plugins!.find((p) => p.id === 'plugin:sonarqube:quality')!;
    const page = await session.open(entity.path);
    const section = page.getByRole('region', { name: /Code quality \(SonarQube\)/ });
    await expect.poll(() => section.count()).toBe(1);
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toContain('Demo data');
    expect(await section.locator('.plugin-freshness').textContent()).toMatch(/^Demo data: recorded SonarQube responses/);
    for (const fact of view.facts) expect(await section.locator('dl.plugin-facts').textContent()).toContain(fact.value);
    const hrefs = await section.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(view.links.map((l) => l.url));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('PagerDuty and Kubernetes on the demo', () => {
  test.each([
    ['plugin:pagerduty:oncall', /On call \(PagerDuty\)/, 'pagerduty.com/service-id'],
    ['plugin:kubernetes:workloads', /Kubernetes workloads/, 'backstage.io/kubernetes-id'],
  ] as const)('%s: every annotated entity has its section from the recording, and a page shows it labelled demo data', async (id, title, annotation) => {
    const annotated = session.fixture.data.entities.filter((e) => e.annotations[annotation]);
    expect(annotated.length).toBeGreaterThan(0);
    const withSection = session.fixture.data.entities.filter((e) => e.plugins?.some((p) => p.id === id && p.freshness === 'demo'));
    expect(withSection.map((e) => e.ref)).toEqual(annotated.map((e) => e.ref));

    const entity = withSection.find((e) => e.name === 'booking-service') ?? withSection[0]!;
    const page = await session.open(entity.path);
    const section = page.getByRole('region', { name: title });
    await expect.poll(() => section.count()).toBe(1);
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toContain('Demo data');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
