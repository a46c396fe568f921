/**
 * In a test file: the demo site built for a base path (shared by the whole
 * test run, see global-setup.ts), its PortalData, and, when asked, a static
 * server for it (shared by the file's tests: start in `beforeAll`, close in
 * `afterAll`).
 */
import { inject } from 'vitest';
import type { PortalData } from '../../src/portal-data/schema.ts';
import { readPortalData, serveSite, type BuiltSite, type FixtureBase, type SiteServer } from './build-fixture.ts';

export interface BuiltFixture {
  site: BuiltSite;
  /** What the pages were rendered from: the expected values of the tests. */
  data: PortalData;
}

export async function builtFixture(base: FixtureBase): Promise<BuiltFixture> {
  const endpoint = inject('frontdoorSiteBuilds');
  if (!endpoint) {
    throw new Error("The e2e tests need their global setup: add `globalSetup: ['test/e2e/global-setup.ts']` to `test` in vitest.config.ts.");
  }
  const response = await fetch(`${endpoint}?base=${encodeURIComponent(base)}`);
  if (!response.ok) throw new Error(`Building the demo site for base ${base} failed:\n${await response.text()}`);
  const site = (await response.json()) as BuiltSite;
  return { site, data: await readPortalData(site) };
}

export interface ServedFixture extends BuiltFixture {
  server: SiteServer;
}

export async function servedFixture(base: FixtureBase): Promise<ServedFixture> {
  const built = await builtFixture(base);
  return { ...built, server: await serveSite(built.site.outDir, base) };
}
