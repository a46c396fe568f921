/**
 * `$text`, `$json` and `$yaml` placeholders, as Backstage's PlaceholderProcessor
 * applies them: an object with exactly one key naming a resolver is replaced
 * by the content of the file it names, anywhere in the entity; resolved
 * content is not scanned again. Frontdoor reads only files of the entity's own
 * repo from the snapshot, and never fetches other hosts at build time.
 */
import { parseAllDocuments } from 'yaml';
import type { RuleId } from '../../diagnostics/rules.ts';
import type { Repo } from '../../sources/snapshot.ts';
import { readRepoFile, resolveTarget } from '../../sources/repo-files.ts';
import type { JsonPath } from '../yaml/locate.ts';

export interface PlaceholderProblem {
  rule: RuleId;
  path: JsonPath;
  message: string;
}

export interface PlaceholderResult {
  value: unknown;
  problems: PlaceholderProblem[];
  /** Paths of placeholders that failed: schema errors under them are noise. */
  failedPaths: JsonPath[];
}

type Resolver = 'text' | 'json' | 'yaml';
const resolvers = new Set<string>(['text', 'json', 'yaml']);

export interface PlaceholderContext {
  repo: Repo;
  fromFile: string;
  maxAliasCount: number;
}

function placeholderKey(value: unknown): Resolver | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !keys[0]!.startsWith('$')) return undefined;
  const name = keys[0]!.slice(1);
  return resolvers.has(name) ? (name as Resolver) : undefined;
}

export function resolvePlaceholders(value: unknown, ctx: PlaceholderContext): PlaceholderResult {
  const problems: PlaceholderProblem[] = [];
  const failedPaths: JsonPath[] = [];

  const walk = (node: unknown, path: JsonPath): unknown => {
    const resolver = placeholderKey(node);
    if (resolver) {
      const outcome = resolveOne(resolver, (node as Record<string, unknown>)[`$${resolver}`], ctx);
      if ('problem' in outcome) {
        problems.push({ ...outcome.problem, path });
        if (outcome.problem.rule !== 'placeholder-external') failedPaths.push(path);
      }
      return 'value' in outcome ? outcome.value : node;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = walk(v, [...path, k]);
      return out;
    }
    return node;
  };

  return { value: walk(value, []), problems, failedPaths };
}

type Outcome = { value: unknown } | { problem: Omit<PlaceholderProblem, 'path'> } | { value: unknown; problem: Omit<PlaceholderProblem, 'path'> };

function resolveOne(resolver: Resolver, target: unknown, ctx: PlaceholderContext): Outcome {
  const name = `$${resolver}`;
  if (typeof target !== 'string') {
    return {
      problem: {
        rule: 'placeholder-invalid',
        message: `Placeholder \`${name}\` must name a file as a string, but it is ${target === null ? 'empty' : typeof target}. Write e.g. \`${name}: ./openapi.yaml\`.`,
      },
    };
  }
  const resolved = resolveTarget(ctx.repo, ctx.fromFile, target);
  switch (resolved.kind) {
    case 'outside-repo':
      if (resolved.reason === 'git-dir')
        return {
          problem: {
            rule: 'file-in-git-dir',
            message: `Placeholder \`${name}: ${target}\` leads into the repository's git folder, which is never read or published. Point it at a file of this repository.`,
          },
        };
      return {
        problem: {
          rule: 'placeholder-outside-repo',
          message: `Placeholder \`${name}: ${target}\` points outside the repository. Placeholders may only read files of the entity's own repo; move the file into this repo and use a path relative to ${ctx.fromFile}.`,
        },
      };
    case 'other-repo':
      return {
        problem: {
          rule: 'placeholder-outside-repo',
          message: `Placeholder \`${name}: ${target}\` reads another repository. Backstage (and Frontdoor) only allow files from the entity's own repo; copy the file into this repo and reference it by a relative path.`,
        },
      };
    case 'external':
      return {
        value: resolver === 'text' ? target : {},
        problem: {
          rule: 'placeholder-external',
          message: `Placeholder \`${name}: ${target}\` names a URL on another host. Backstage fetches it at runtime, but a static portal never fetches at build time, so the value shown is ${resolver === 'text' ? 'the URL itself' : 'empty'}. Commit the file to this repo and reference it by a relative path to show its content.`,
        },
      };
    case 'repo-path':
      return readAndParse(resolver, target, resolved.path, ctx);
  }
}

function readAndParse(resolver: Resolver, target: string, path: string, ctx: PlaceholderContext): Outcome {
  const name = `$${resolver}`;
  const file = readRepoFile(ctx.repo, path);
  switch (file.status) {
    case 'missing':
      return {
        problem: {
          rule: 'placeholder-not-found',
          message: `Placeholder \`${name}: ${target}\` names ${path}, which does not exist in this repo${target.startsWith('/') ? ' (a leading `/` means the repository root)' : ''}. Fix the path (it is relative to ${ctx.fromFile}) or add the file.`,
        },
      };
    case 'outside-repo':
      if (file.gitDir)
        return {
          problem: {
            rule: 'file-in-git-dir',
            message: `Placeholder \`${name}: ${target}\` resolves into the repository's git folder (${file.reason}), which is never read. Replace the symlink with the file itself.`,
          },
        };
      return {
        problem: {
          rule: 'placeholder-outside-repo',
          message: `Placeholder \`${name}: ${target}\` resolves outside the repository (${file.reason}). Replace the symlink with the file itself.`,
        },
      };
    case 'binary':
      return {
        problem: { rule: 'placeholder-invalid', message: `Placeholder \`${name}: ${target}\` names a binary file (or UTF-16 text). Save it as UTF-8 text.` },
      };
    case 'too-large':
      return {
        problem: {
          rule: 'file-too-large',
          message: `Placeholder \`${name}: ${target}\` names a file of ${file.size} bytes, over the ${file.limit}-byte limit. Shrink or split it, or raise \`limits.maxFileBytes\` in portal.config.yaml.`,
        },
      };
    case 'unreadable':
      return { problem: { rule: 'file-unreadable', message: `Placeholder \`${name}: ${target}\` could not be read: ${file.reason}.` } };
    case 'text':
      break;
  }
  const text = file.text;
  if (resolver === 'text') return { value: text };
  if (resolver === 'json') {
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return {
        problem: {
          rule: 'placeholder-invalid',
          message: `Placeholder \`$json: ${target}\`: ${path} is not valid JSON (${(error as Error).message}). Fix the file, or use \`$text\` to include it as text.`,
        },
      };
    }
  }
  const documents = parseAllDocuments(text, { merge: false });
  const docs = Array.isArray(documents) ? documents : [];
  if (docs.length !== 1) {
    return {
      problem: {
        rule: 'placeholder-invalid',
        message: `Placeholder \`$yaml: ${target}\`: ${path} holds ${docs.length} YAML documents, but \`$yaml\` needs exactly one. Split the file, or use \`$text\`.`,
      },
    };
  }
  const doc = docs[0]!;
  if (doc.errors.length > 0) {
    return {
      problem: {
        rule: 'placeholder-invalid',
        message: `Placeholder \`$yaml: ${target}\`: ${path} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}). Fix the file, or use \`$text\`.`,
      },
    };
  }
  try {
    return { value: doc.toJS({ json: true, maxAliasCount: ctx.maxAliasCount }) };
  } catch (error) {
    return { problem: { rule: 'placeholder-invalid', message: `Placeholder \`$yaml: ${target}\`: ${path} could not be read: ${(error as Error).message}.` } };
  }
}
