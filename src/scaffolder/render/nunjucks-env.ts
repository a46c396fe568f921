/**
 * Nunjucks configured the way Backstage's scaffolder configures it (backstage/backstage
 * `plugins/scaffolder-backend/src/lib/templating/SecureTemplater.ts`, read at commit 00c90984):
 * `autoescape: false`, `${{ }}` as the variable delimiters (blocks and comments keep nunjucks'
 * `{% %}` and `{# #}`), `trimBlocks`/`lstripBlocks` from the step input, Backstage's default
 * filters, and in `cookiecutterCompat` mode the `{{ }}` delimiters, nunjucks' Jinja compatibility
 * and a `jsonify` filter (an alias of `dump`).
 *
 * Backstage runs nunjucks inside an `isolated-vm` isolate because nunjucks is not a sandbox:
 * `${{ range.constructor("…")() }}` reaches `Function`. Here the renderer runs in the browser and
 * at build time, so the escape routes are closed instead: member lookups of `constructor`,
 * `__proto__` and `prototype`, and any member of a function, give `undefined`.
 *
 * Pure: no `node:` import, so it bundles for the browser (nunjucks' `browser` build) and Node.
 */
import nunjucks from 'nunjucks';
import { scaffolderFilters } from './filters.ts';

export interface NunjucksOptions {
  /** `fetch:template`'s `cookiecutterCompat`: `{{ }}` delimiters and Jinja compatibility. */
  cookiecutterCompat?: boolean | undefined;
  trimBlocks?: boolean | undefined;
  lstripBlocks?: boolean | undefined;
}

/** A template that failed to parse or render, with the 1-based line and column nunjucks reported. */
export class TemplateRenderError extends Error {
  override name = 'TemplateRenderError';
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

export type Renderer = (template: string, context: Record<string, unknown>) => string;

interface NunjucksInternals {
  runtime: { memberLookup: (obj: unknown, key: unknown) => unknown };
  installJinjaCompat: () => () => void;
}
const internals = nunjucks as unknown as NunjucksInternals;

const BLOCKED_MEMBERS = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

// Installed once per loaded nunjucks: compiled templates call `runtime.memberLookup` through the
// module's runtime object, so replacing the property covers every environment.
const hardened = Symbol.for('frontdoor.nunjucks.hardened');
const runtime = internals.runtime as NunjucksInternals['runtime'] & { [hardened]?: true };
if (!runtime[hardened]) {
  const original = runtime.memberLookup;
  runtime.memberLookup = function memberLookup(obj: unknown, key: unknown) {
    if (typeof obj === 'function' || BLOCKED_MEMBERS.has(String(key))) return undefined;
    return original.call(this, obj, key);
  };
  runtime[hardened] = true;
}

const environments = new Map<string, nunjucks.Environment>();

function environment(options: NunjucksOptions): nunjucks.Environment {
  const compat = options.cookiecutterCompat === true;
  const key = `${compat}/${options.trimBlocks === true}/${options.lstripBlocks === true}`;
  let env = environments.get(key);
  if (env) return env;
  env = new nunjucks.Environment(null, {
    autoescape: false,
    trimBlocks: options.trimBlocks === true,
    lstripBlocks: options.lstripBlocks === true,
    tags: { variableStart: compat ? '{{' : '${{', variableEnd: '}}' },
  });
  if (compat) {
    // Backstage's compat environment gets `jsonify` and none of the scaffolder filters.
    env.addFilter('jsonify', env.getFilter('dump'));
  } else {
    for (const [name, filter] of Object.entries(scaffolderFilters)) env.addFilter(name, filter);
  }
  environments.set(key, env);
  return env;
}

/** Parse errors carry 1-based positions; errors thrown while rendering carry 0-based ones. */
function toRenderError(error: unknown, phase: 'parse' | 'render', source: string): TemplateRenderError {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /^\([^)\n]*\)(?: \[Line (\d+), Column (\d+)\])?\n?/.exec(raw);
  const message =
    (position ? raw.slice(position[0].length) : raw)
      .trim()
      .replace(/^Error: /, '')
      .trim() || raw;
  if (!position?.[1] || !position[2]) {
    // nunjucks looks filters up when the template runs and names no position for a missing one: the first use is where to look.
    const filter = /^filter not found: (\S+)/.exec(message)?.[1];
    const at = filter === undefined ? undefined : firstFilterUse(source, filter);
    return at ? new TemplateRenderError(message, at.line, at.column) : new TemplateRenderError(message);
  }
  const offset = phase === 'render' ? 1 : 0;
  return new TemplateRenderError(message, Number(position[1]) + offset, Number(position[2]) + offset);
}

/** 1-based line and column of the filter's name in its first `| name` in `source`. */
function firstFilterUse(source: string, name: string): { line: number; column: number } | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\|\\s*${escaped}\\b`).exec(source);
  if (!match) return undefined;
  const at = match.index + match[0].length - name.length;
  const before = source.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/**
 * A renderer for one set of options. Throws `TemplateRenderError` with the template's line and
 * column when nunjucks gives them.
 */
export function createRenderer(options: NunjucksOptions = {}): Renderer {
  const env = environment(options);
  return (source, context) => {
    // Jinja compatibility patches the parser as well as the runtime, so it wraps both phases.
    const uninstall = options.cookiecutterCompat ? internals.installJinjaCompat() : undefined;
    try {
      let template: nunjucks.Template;
      try {
        template = new nunjucks.Template(source, env, undefined, true);
      } catch (error) {
        throw toRenderError(error, 'parse', source);
      }
      try {
        return template.render(context);
      } catch (error) {
        throw toRenderError(error, 'render', source);
      }
    } finally {
      uninstall?.();
    }
  };
}
