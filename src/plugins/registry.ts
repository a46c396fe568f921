/**
 * The first-party plugins, by the name config gives them (`plugins: [{ name: sonarqube }]`).
 * Each is written against the public API (api.ts) only, like a portal's local plugin.
 */
import type { AnyPlugin } from './api.ts';
import { kubernetesPlugin } from './first-party/kubernetes/index.ts';
import { pagerdutyPlugin } from './first-party/pagerduty/index.ts';
import { prometheusPlugin } from './first-party/prometheus/index.ts';
import { sonarqubePlugin } from './first-party/sonarqube/index.ts';

export const FIRST_PARTY_PLUGINS: ReadonlyMap<string, AnyPlugin> = new Map(
  [sonarqubePlugin, pagerdutyPlugin, kubernetesPlugin, prometheusPlugin].map((plugin) => [plugin.name, plugin]),
);
