/**
 * Config `plugins` → loaded plugins with checked settings. A first-party plugin comes from the
 * registry by name; a local one is imported from the portal repo (a folder with index.ts, or a
 * module) and must default-export `definePlugin(...)`. A plugin in demo mode (`demo: <recording>`)
 * has its recorded responses read here, so a missing or broken recording is a config error. Every
 * problem is a ConfigError that names the plugin and, for settings, the key, what is allowed and
 * what was found: the same friendly lines as the rest of portal.config.yaml.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, describeConfigIssue } from '../config/load-config.ts';
import type { PluginConfig } from '../config/schema.ts';
import type { AnyPlugin } from './api.ts';
import { readDemoRecording, type DemoRecording } from './demo-recording.ts';
import { FIRST_PARTY_PLUGINS } from './registry.ts';

export interface LoadedPlugin {
  plugin: AnyPlugin;
  /** Settings as the plugin's schema parsed them (defaults applied). */
  settings: unknown;
  required: boolean;
  /** How config names it in messages: `plugins[0] (sonarqube)`. */
  label: string;
  /** Demo mode (config `demo`): the recorded responses replayed instead of the service. */
  demo?: DemoRecording;
}

export interface LoadPluginsOptions {
  /** Where local plugin paths start; default the current directory (the portal repo). */
  root?: string;
  /** Config file name for messages; default `portal.config.yaml`. */
  configFile?: string;
}

export async function loadPlugins(configs: readonly PluginConfig[], options: LoadPluginsOptions = {}): Promise<LoadedPlugin[]> {
  const root = options.root ?? process.cwd();
  const file = options.configFile ?? 'portal.config.yaml';
  const loaded: LoadedPlugin[] = [];
  for (const [index, config] of configs.entries()) {
    const where = `${file}: plugins[${index}] (${config.name ?? config.path})`;
    const plugin = config.name !== undefined ? firstParty(config.name, where) : await localPlugin(root, config.path ?? '', where);
    if (loaded.some((l) => l.plugin.name === plugin.name)) throw new ConfigError(`${where}: plugin "${plugin.name}" is listed twice; list it once.`);
    const parsed = plugin.settings.safeParse(config.settings);
    if (!parsed.success) {
      const lines = parsed.error.issues.map(
        (issue) => `${where}: ${describeConfigIssue(issue, config.settings, {}, plugin.settings, `plugins.${index}.settings.`)}`,
      );
      throw new ConfigError(lines.join('\n'));
    }
    const demo = config.demo === undefined ? undefined : await demoRecording(root, config.demo, where);
    loaded.push({ plugin, settings: parsed.data, required: config.required, label: `plugins[${index}] (${plugin.name})`, ...(demo ? { demo } : {}) });
  }
  return loaded;
}

async function demoRecording(root: string, files: string | readonly string[], where: string): Promise<DemoRecording> {
  try {
    return await readDemoRecording(root, typeof files === 'string' ? [files] : files);
  } catch (error) {
    throw new ConfigError(
      `${where}: \`demo\`: ${(error as Error).message}. Point it at a recording such as \`demo/integrations/sonarqube.json\`, or remove it.`,
    );
  }
}

function firstParty(name: string, where: string): AnyPlugin {
  const plugin = FIRST_PARTY_PLUGINS.get(name);
  if (!plugin)
    throw new ConfigError(
      `${where}: there is no first-party plugin "${name}"; known: ${[...FIRST_PARTY_PLUGINS.keys()].map((n) => `\`${n}\``).join(', ')}. A local plugin is listed with \`path: ./plugins/<folder>\`.`,
    );
  return plugin;
}

async function localPlugin(root: string, path: string, where: string): Promise<AnyPlugin> {
  const base = resolve(root, path);
  if (!`${base}/`.startsWith(`${resolve(root)}/`))
    throw new ConfigError(`${where}: \`path\` must stay inside the portal repo, but is ${JSON.stringify(path)}.`);
  const candidates = isDirectory(base) ? [join(base, 'index.ts'), join(base, 'index.js')] : [base, `${base}.ts`, `${base}.js`];
  const module = candidates.find((candidate) => existsSync(candidate) && !isDirectory(candidate));
  if (!module)
    throw new ConfigError(`${where}: no plugin module at ${JSON.stringify(path)} (looked for ${candidates.map((c) => c.replace(`${root}/`, '')).join(', ')}).`);
  let exported: unknown;
  try {
    exported = ((await import(pathToFileURL(module).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new ConfigError(`${where}: the plugin module could not be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
  const problem = shapeProblem(exported);
  if (problem)
    throw new ConfigError(
      `${where}: ${problem} Export \`default definePlugin({ name, title, annotations, settings, data, collect, sections })\` (see plugins/example/).`,
    );
  return exported as AnyPlugin;
}

/** What is wrong with a module's default export as a plugin, or undefined when it looks like one. */
function shapeProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return 'the module has no default export.';
  const p = value as Record<string, unknown>;
  if (typeof p['name'] !== 'string' || !/^[a-z0-9-]+$/.test(p['name'])) return 'its `name` must be lowercase letters, digits and dashes.';
  if (typeof p['title'] !== 'string') return 'it has no `title`.';
  if (!Array.isArray(p['annotations'])) return 'its `annotations` must be a list of annotation names.';
  for (const key of ['settings', 'data'] as const) {
    const schema = p[key] as { safeParse?: unknown } | undefined;
    if (typeof schema?.safeParse !== 'function') return `its \`${key}\` must be a zod schema.`;
  }
  if (typeof p['collect'] !== 'function') return 'it has no `collect` function.';
  if (!Array.isArray(p['sections'])) return 'its `sections` must be a list.';
  return undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
