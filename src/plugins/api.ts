/**
 * The public plugin API: what a plugin is, and `definePlugin` to write one. First-party plugins
 * (src/plugins/first-party/) and a portal's local plugins use this and nothing else.
 *
 * A plugin runs at build time and produces data: it names the annotations it reads, validates its
 * settings with a zod schema, fetches data for the entities that carry its annotations through the
 * build's one HTTP client, and turns each entity's data into entity-page sections (a view model,
 * src/entity-record/plugin-section.ts) and scorecard checks. Pages only render the finished data.
 */
import type { z } from 'zod';
import type { CheckOutcome } from '../health/check.ts';
import type { HttpClient } from './http-client.ts';
import type { PluginSectionBody } from '../entity-record/plugin-section.ts';

/** What a plugin is told about an entity. */
export interface PluginEntity {
  /** Lowercase ref, `kind:namespace/name`. */
  ref: string;
  /** As written in the file: `Component`, `System`, … */
  kind: string;
  namespace: string;
  name: string;
  annotations: Readonly<Record<string, string>>;
  /** The repo the entity was read from ('' for generated entities). */
  repo: string;
}

/** Per entity ref: the data read, or why it could not be read (a plain sentence, shown on its page). */
/** What a plugin read for one entity: its data, or why it could not read it. */
export type Collected<TData> = { data: TData } | { error: string };
export type CollectResult<TData> = ReadonlyMap<string, Collected<TData>>;

export interface CollectContext<TSettings> {
  entities: readonly PluginEntity[];
  settings: TSettings;
  /** Values of the env vars `credentials` named, by name. Never log them; the HTTP client redacts them. */
  secrets: Readonly<Record<string, string>>;
  http: HttpClient;
  /** The build time: plugins never read the clock. */
  now: Date;
  /** A progress line for the build log (prefixed with the plugin's name). */
  log(line: string): void;
}

export interface PluginSection<TData> {
  /** Lowercase id, unique in the plugin: the page section is `plugin:<name>:<id>`. */
  id: string;
  title: string;
  render(data: TData, entity: PluginEntity): PluginSectionBody;
}

/** A scorecard check, as src/health's `Check` but run on the plugin's data for the entity. */
export interface PluginCheck<TData> {
  /** Lowercase id, unique in the plugin: the scorecard's check id is `plugin:<name>:<id>`. */
  id: string;
  title: string;
  short: string;
  why: string;
  /** Lowercase kinds the check is run for. */
  kinds: readonly string[];
  run(data: TData, entity: PluginEntity): CheckOutcome;
}

export interface PluginDefinition<TSettings = unknown, TData = unknown> {
  /** Lowercase, `[a-z0-9-]+`: config, cache files and section ids use it. */
  name: string;
  /** Display name: "SonarQube". */
  title: string;
  /** The annotations it reads: an entity with any of them is collected. */
  annotations: readonly string[];
  /** Its settings in `portal.config.yaml` (`plugins[].settings`). */
  settings: z.ZodType<TSettings, unknown>;
  /** Env var names holding its credentials; the plugin is skipped (one info line) while any is unset. */
  credentials?(settings: TSettings): readonly string[];
  /** Its data for one entity: checked on the way in, and when read back from the cache. */
  data: z.ZodType<TData, unknown>;
  collect(context: CollectContext<TSettings>): Promise<CollectResult<TData>>;
  sections: readonly PluginSection<TData>[];
  checks?: readonly PluginCheck<TData>[];
}

/** The identity function that gives a plugin's settings and data their types. */
export function definePlugin<TSettings, TData>(plugin: PluginDefinition<TSettings, TData>): PluginDefinition<TSettings, TData> {
  return plugin;
}

/** Any plugin, settings and data unknown: what the loader and the stage handle. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: a plugin of any data type is a plugin
export type AnyPlugin = PluginDefinition<any, any>;

export { pass, fail, notApplicable } from '../health/check.ts';
export type { CheckOutcome } from '../health/check.ts';
export type { HttpClient } from './http-client.ts';
/** An HTTP failure, by kind (timeout, network, status, rate-limited, malformed): plugins word their errors from it. */
export { HttpError } from './http-client.ts';
/** Is this an absolute http(s) URL: what a section's links must be. */
export { isHttpUrl } from '../entity-record/plugin-section.ts';
export type { PluginSectionBody } from '../entity-record/plugin-section.ts';
