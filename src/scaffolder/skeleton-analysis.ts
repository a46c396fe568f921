/**
 * What a skeleton gives a new project, read from its file list: the file tree, the main language,
 * and the golden path's "what you get" checklist (CI, catalog entry, docs, container, owners, tests).
 */
import type { ChecklistItem, TreeRow } from './page-schema.ts';

export interface SkeletonEntry {
  /** Path in the new repo (the fetch step's targetPath applied), as written: templated names unresolved. */
  path: string;
  size?: number;
  binary?: boolean;
}

/** Depth-first rows, folders before files, each folder once. */
export function fileTree(entries: readonly SkeletonEntry[]): TreeRow[] {
  const rows: TreeRow[] = [];
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const paths = [...byPath.keys()].sort(comparePaths);
  const seenDirs = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length - 1; depth++) {
      const dir = parts.slice(0, depth + 1).join('/');
      if (seenDirs.has(dir)) continue;
      seenDirs.add(dir);
      rows.push({ path: `${dir}/`, name: parts[depth]!, depth, dir: true, ...templated(parts[depth]!) });
    }
    const entry = byPath.get(path)!;
    const name = parts[parts.length - 1]!;
    rows.push({
      path,
      name,
      depth: parts.length - 1,
      dir: false,
      ...(entry.size !== undefined ? { size: entry.size } : {}),
      ...(entry.binary ? { binary: true } : {}),
      ...templated(name),
    });
  }
  return rows;
}

const templated = (name: string) => (name.includes('${{') ? { templatedName: true } : {});

/** Folders before files at each level, then by name: the order file browsers use. */
function comparePaths(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const aIsDir = i < pa.length - 1;
    const bIsDir = i < pb.length - 1;
    if (pa[i] !== pb[i]) {
      if (aIsDir !== bIsDir) return aIsDir ? -1 : 1;
      return pa[i]!.localeCompare(pb[i]!, 'en');
    }
  }
  return pa.length - pb.length;
}

const LANGUAGES: Record<string, string> = {
  java: 'Java',
  kt: 'Kotlin',
  kts: 'Kotlin',
  scala: 'Scala',
  ts: 'TypeScript',
  tsx: 'TypeScript',
  mts: 'TypeScript',
  js: 'JavaScript',
  jsx: 'JavaScript',
  mjs: 'JavaScript',
  cjs: 'JavaScript',
  py: 'Python',
  go: 'Go',
  rb: 'Ruby',
  rs: 'Rust',
  cs: 'C#',
  fs: 'F#',
  php: 'PHP',
  swift: 'Swift',
  c: 'C',
  h: 'C',
  cpp: 'C++',
  cc: 'C++',
  hpp: 'C++',
  ex: 'Elixir',
  exs: 'Elixir',
  dart: 'Dart',
  tf: 'HCL',
  proto: 'Protocol Buffers',
  vue: 'Vue',
  svelte: 'Svelte',
};

/** The most common programming language among the files (by extension); undefined when none is code (docs only). */
export function skeletonLanguage(paths: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const path of paths) {
    // Drop templating suffixes (`index.ts.njk`) and expressions in the name before reading the extension.
    const name = (path.split('/').pop() ?? '').replace(/\.(njk|j2|jinja2?)$/i, '');
    const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
    const language = ext ? LANGUAGES[ext] : undefined;
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best?.[0];
}

const CHECKLIST: { id: string; label: string; matches: (path: string) => boolean }[] = [
  {
    id: 'ci',
    label: 'CI workflow',
    matches: (p) =>
      /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(p) || /(^|\/)(\.gitlab-ci\.yml|Jenkinsfile|\.circleci\/config\.yml|azure-pipelines\.yml)$/.test(p),
  },
  { id: 'catalog-info', label: 'catalog-info.yaml (registered by the nightly crawl)', matches: (p) => /^catalog-info\.ya?ml$/i.test(p) },
  { id: 'docs', label: 'TechDocs (mkdocs.yml)', matches: (p) => /^mkdocs\.ya?ml$/i.test(p) },
  { id: 'dockerfile', label: 'Dockerfile', matches: (p) => /(^|\/)(Dockerfile|Containerfile)(\.[^/]*)?$/.test(p) },
  { id: 'codeowners', label: 'CODEOWNERS', matches: (p) => /^(\.github\/|docs\/)?CODEOWNERS$/.test(p) },
  {
    id: 'tests',
    label: 'Tests',
    matches: (p) =>
      /(^|\/)(tests?|__tests__|spec)\//i.test(p) ||
      /(^|\/)src\/test\//.test(p) ||
      /[._-](test|spec)\.[a-z0-9]+$/i.test(p) ||
      /(^|\/)test_[^/]+\.py$/.test(p) ||
      /_test\.go$/.test(p),
  },
];

/** The golden path's promise, item by item, with the files that keep it. */
export function checklist(paths: readonly string[]): ChecklistItem[] {
  return CHECKLIST.map(({ id, label, matches }) => {
    const files = paths.filter(matches);
    return { id, label, present: files.length > 0, files };
  });
}
