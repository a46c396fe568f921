/**
 * Stage entry, "Collecting integrations": loaded plugins + the catalog's entities → each entity's
 * plugin sections (view models), the plugins' scorecard check results, and diagnostics.
 *
 * Per plugin: skipped with one info line while its credentials are unset; otherwise it collects
 * the entities that carry its annotations. What it read is checked against its data schema and
 * cached (snapshot-cache.ts). An entity it could not read shows the last good data ("data from
 * <time>") or "unavailable" with the reason. A plugin that throws, times out or misses entities
 * yields one warning diagnostic and never fails the build, unless config says `required: true`.
 *
 * A plugin in demo mode (config `demo`) reads no credentials and no network: its HTTP client replays
 * the recorded responses (demo-recording.ts); its sections say "demo data", its check messages too,
 * and nothing of it enters or leaves the cache (demo data must never pass for a service's last good data).
 */
import type { LoadedEntity } from '../catalog/read-catalog.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CheckResult } from '../entity-record/scorecard.ts';
import type { ExtraChecks } from '../health/index.ts';
import type { AnyPlugin, PluginEntity } from './api.ts';
import { replayFetch } from './demo-recording.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './http-client.ts';
import type { LoadedPlugin } from './load-plugins.ts';
import { readPluginCache, writePluginCache, type CachedData } from './snapshot-cache.ts';
import { PluginSectionViewSchema, type PluginSectionView } from '../entity-record/plugin-section.ts';

export interface RunPluginsInput {
  plugins: readonly LoadedPlugin[];
  entities: readonly PluginEntity[];
  /** Where credentials are read from (process.env in the build). */
  env: Readonly<Record<string, string | undefined>>;
  /** The build time. */
  now: Date;
  /** The `.cache/` folder; the last good data goes to `<cacheDir>/plugins/`. */
  cacheDir: string;
  log: (line: string) => void;
  /** Longest a plugin's `collect` may run, in ms; default 5 minutes. */
  timeoutMs?: number;
  http?: Omit<HttpClientOptions, 'log'>;
}

export interface PluginsResult {
  /** By entity ref, in config order. */
  sections: ReadonlyMap<string, PluginSectionView[]>;
  checks: ExtraChecks;
  diagnostics: Diagnostic[];
  /** What ran, for the phase line. */
  ran: number;
  skipped: number;
  failed: number;
}

export const EMPTY_PLUGINS_RESULT: PluginsResult = {
  sections: new Map(),
  checks: { definitions: [], results: new Map() },
  diagnostics: [],
  ran: 0,
  skipped: 0,
  failed: 0,
};

/** What a demo-mode plugin gets for each credential env var: not a secret, and never sent anywhere. */
export const DEMO_CREDENTIAL = 'demo-mode-no-credential';

/** A plugin marked `required: true` failed: the build stops. */
export class RequiredPluginError extends Error {
  override name = 'RequiredPluginError';
}

/** What a plugin is told about a catalog entity. */
export function pluginEntityOf(entity: LoadedEntity): PluginEntity {
  const { metadata } = entity.json;
  return {
    ref: entity.ref,
    kind: entity.json.kind,
    namespace: metadata.namespace,
    name: metadata.name,
    annotations: (metadata['annotations'] as Record<string, string> | undefined) ?? {},
    repo: entity.source.repo,
  };
}

export async function runPlugins(input: RunPluginsInput): Promise<PluginsResult> {
  const sections = new Map<string, PluginSectionView[]>();
  const definitions: ExtraChecks['definitions'][number][] = [];
  const results = new Map<string, CheckResult[]>();
  const diagnostics: Diagnostic[] = [];
  let ran = 0;
  let skipped = 0;
  let failed = 0;

  for (const loaded of input.plugins) {
    const { plugin } = loaded;
    const say = (line: string) => input.log(`${plugin.title}: ${line}`);
    const targets = input.entities.filter((e) => plugin.annotations.some((a) => a in e.annotations));
    const { demo } = loaded;
    const envNames = plugin.credentials?.(loaded.settings) ?? [];
    const missing = demo ? [] : envNames.filter((name) => !input.env[name]);
    if (missing.length > 0) {
      say(`skipped: no credentials (set ${missing.join(', ')} in the build's environment).`);
      skipped++;
      continue;
    }
    if (targets.length === 0) {
      say(`no entity has ${plugin.annotations.map((a) => `\`${a}\``).join(' or ')}; nothing to collect.`);
      continue;
    }
    ran++;
    // Demo mode: a placeholder, so a plugin that checks its token is set behaves as configured; the replay ignores it.
    const secrets = Object.fromEntries(envNames.map((name) => [name, demo ? DEMO_CREDENTIAL : (input.env[name] ?? '')]));
    const http = createHttpClient({ ...input.http, log: say, ...(demo ? { fetch: replayFetch(demo), retries: 0 } : {}) });
    if (demo) say(`demo mode: replaying the recorded responses of ${demo.files.join(', ')} (no network, no credentials read).`);
    else for (const value of Object.values(secrets)) http.addSecret(value);

    const outcome = await collectSafely(plugin, loaded.settings, targets, secrets, http, input, say);
    const cache = demo ? new Map<string, CachedData>() : await readPluginCache(input.cacheDir, plugin.name, plugin.data);
    const failures: { ref: string; reason: string }[] = [];
    for (const entity of targets) {
      const got = outcome.kind === 'threw' ? { error: outcome.reason } : (outcome.results.get(entity.ref) ?? { error: 'the plugin returned nothing for it' });
      let fresh: CachedData | undefined;
      let reason: string | undefined;
      if ('data' in got) {
        const checked = plugin.data.safeParse(got.data);
        if (checked.success) fresh = { at: input.now.toISOString(), data: checked.data };
        else reason = `its data did not match the plugin's schema (${checked.error.issues[0]?.message ?? 'invalid'})`;
      } else reason = http.redact(got.error);
      if (fresh) cache.set(entity.ref, fresh);
      else failures.push({ ref: entity.ref, reason: reason ?? 'unknown' });
      const shown = fresh ?? cache.get(entity.ref);
      const views = viewsOf(plugin, entity, shown, demo ? 'demo' : fresh ? 'fresh' : 'stale', reason);
      if (views.failure) failures.push({ ref: entity.ref, reason: views.failure });
      if (views.sections.length > 0) sections.set(entity.ref, [...(sections.get(entity.ref) ?? []), ...views.sections]);
      for (const result of checkResults(plugin, entity, shown?.data, reason, demo !== undefined))
        results.set(entity.ref, [...(results.get(entity.ref) ?? []), result]);
    }
    for (const check of plugin.checks ?? []) definitions.push({ id: `plugin:${plugin.name}:${check.id}`, title: check.title });
    if (!demo) await writePluginCache(input.cacheDir, plugin.name, cache);

    const stats = `${targets.length} entities, ${http.stats.requests} requests${http.stats.retries > 0 ? `, ${http.stats.retries} retries` : ''}`;
    if (failures.length === 0) {
      say(`${demo ? 'replayed' : 'read'} ${stats}.`);
      continue;
    }
    failed++;
    const message =
      `${plugin.title} (${loaded.label}) could not read ${failures.length} of ${targets.length} entities (${stats}): ` +
      `${failures
        .slice(0, 3)
        .map((f) => `${f.ref}: ${f.reason}`)
        .join('; ')}${failures.length > 3 ? `; and ${failures.length - 3} more` : ''}. ` +
      `Their pages show the last good data, or "unavailable". Check the service and the plugin's settings${loaded.required ? '' : ', or set `required: true` to fail the build instead'}.`;
    say(`⚠ ${message}`);
    if (loaded.required) throw new RequiredPluginError(message);
    diagnostics.push({ repo: '', path: '', line: 0, column: 0, severity: 'warning', rule: 'plugin-failed', message });
  }
  return { sections, checks: { definitions, results }, diagnostics, ran, skipped, failed };
}

type Collected = { kind: 'ok'; results: ReadonlyMap<string, { data: unknown } | { error: string }> } | { kind: 'threw'; reason: string };

/** The plugin's `collect`, with a time limit, and whatever it throws turned into a reason. */
async function collectSafely(
  plugin: AnyPlugin,
  settings: unknown,
  entities: readonly PluginEntity[],
  secrets: Record<string, string>,
  http: HttpClient,
  input: RunPluginsInput,
  say: (line: string) => void,
): Promise<Collected> {
  const timeoutMs = input.timeoutMs ?? 300_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const results = await Promise.race([plugin.collect({ entities, settings, secrets, http, now: input.now, log: (line) => say(http.redact(line)) }), timeout]);
    return { kind: 'ok', results };
  } catch (error) {
    return { kind: 'threw', reason: http.redact(error instanceof Error ? error.message : String(error)) };
  } finally {
    clearTimeout(timer);
  }
}

/** The entity's sections from `shown` data (fresh or cached), or "unavailable" ones without data. */
function viewsOf(
  plugin: AnyPlugin,
  entity: PluginEntity,
  shown: CachedData | undefined,
  freshness: 'fresh' | 'stale' | 'demo',
  reason: string | undefined,
): { sections: PluginSectionView[]; failure?: string } {
  const views: PluginSectionView[] = [];
  for (const section of plugin.sections) {
    const head = { id: `plugin:${plugin.name}:${section.id}`, title: section.title, pluginTitle: plugin.title };
    const unavailable = (why: string): PluginSectionView => PluginSectionViewSchema.parse({ ...head, freshness: 'unavailable', reason: why });
    if (!shown) {
      views.push(unavailable(reason ?? 'no data'));
      continue;
    }
    try {
      const body = section.render(shown.data, entity);
      const view = PluginSectionViewSchema.safeParse({ ...body, ...head, freshness, asOf: shown.at, ...(reason ? { reason } : {}) });
      if (view.success) views.push(view.data);
      else {
        const why = `its section "${section.id}" is not a valid view (${view.error.issues[0]?.path.join('.')}: ${view.error.issues[0]?.message})`;
        views.push(unavailable(why));
        return { sections: views, failure: why };
      }
    } catch (error) {
      const why = `rendering its section "${section.id}" threw: ${(error as Error).message}`;
      views.push(unavailable(why));
      return { sections: views, failure: why };
    }
  }
  return { sections: views };
}

/** The plugin's checks for the entity: run on the data shown, not applicable without any. */
function checkResults(plugin: AnyPlugin, entity: PluginEntity, data: unknown, reason: string | undefined, demo: boolean): CheckResult[] {
  const kind = entity.kind.toLowerCase();
  return (plugin.checks ?? [])
    .filter((check) => check.kinds.includes(kind))
    .map((check): CheckResult => {
      const id = `plugin:${plugin.name}:${check.id}`;
      if (data === undefined) return { id, title: check.title, status: 'not-applicable', message: `${plugin.title} data unavailable: ${reason ?? 'no data'}.` };
      try {
        const outcome = check.run(data, entity);
        return { id, title: check.title, ...outcome, ...(demo ? { message: `${outcome.message} (Demo data.)` } : {}) };
      } catch (error) {
        return { id, title: check.title, status: 'not-applicable', message: `The check could not run: ${(error as Error).message}` };
      }
    });
}
