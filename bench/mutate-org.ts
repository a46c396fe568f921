/**
 * Small, deterministic edits to a synthetic org, for benchmarking incremental
 * crawls: a `fraction` of the repos each get one changed file (README, a docs
 * page, or the catalog description), and their sidecar `committedDate` moves
 * forward an hour. Every call changes the files again, even with the same
 * seed, because each edit builds on the current content.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ORG_SIDECAR_FILE } from '../test/fakes/github/org-model.ts';
import { byString } from './org-names.ts';
import { sentence } from './org-prose.ts';
import { Random } from './prng.ts';

type Edit = 'readme' | 'docs' | 'catalog';

/** Returns the names of the changed repos, sorted. */
export async function touchRepos(dir: string, fraction: number, seed: number): Promise<string[]> {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`fraction must be between 0 and 1; got ${fraction}.`);
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort(byString);
  const count = fraction === 0 ? 0 : Math.min(names.length, Math.max(1, Math.round(names.length * fraction)));
  const chosen = Random.derive(seed, 'touch').sample(names, count).sort(byString);
  for (const name of chosen) await touchRepo(join(dir, name), name, Random.derive(seed, `touch:${name}`));
  await bumpCommitDates(dir, chosen);
  return chosen;
}

async function touchRepo(path: string, name: string, random: Random): Promise<void> {
  const docsPages = (await readdir(join(path, 'docs'), { recursive: true }).catch(() => [] as string[])).filter((p) => p.endsWith('.md')).sort(byString);
  const catalog = await readFile(join(path, 'catalog-info.yaml'), 'utf8').catch(() => undefined);
  // Never touch a catalog file that does not parse: the edit could repair a deliberately broken repo.
  const catalogEditable = catalog !== undefined && /^ {2}description: /m.test(catalog) && parseAllDocuments(catalog).every((d) => d.errors.length === 0);
  const edits: Edit[] = ['readme', ...(docsPages.length > 0 ? (['docs'] as const) : []), ...(catalogEditable ? (['catalog'] as const) : [])];
  const edit = random.pick(edits);
  const subject = name.replace(/-/g, ' ');
  if (edit === 'catalog') {
    const updated = catalog!.replace(/^ {2}description: (.*)$/m, (_, value: string) => {
      const parsed: unknown = (parse(`v: ${value}`) as { v?: unknown } | null)?.v;
      // The generator writes every description as a YAML string (and this edit writes it back as one).
      const text = typeof parsed === 'string' ? parsed : '';
      const match = /^(.*) \(revision (\d+)\)$/.exec(text);
      const next = match ? `${match[1]} (revision ${Number(match[2]) + 1})` : `${text} (revision 2)`;
      return `  description: ${JSON.stringify(next)}`;
    });
    await writeFile(join(path, 'catalog-info.yaml'), updated);
    return;
  }
  const file = edit === 'docs' ? join(path, 'docs', random.pick(docsPages)) : join(path, 'README.md');
  const before = await readFile(file, 'utf8').catch(() => `# ${name}\n`);
  const revision = (before.match(/^Update \d+:/gm)?.length ?? 0) + 1;
  await writeFile(file, `${before.trimEnd()}\n\nUpdate ${revision}: ${sentence(random, subject)}\n`);
}

/** Keep the sidecar telling the same story as the files: a changed repo has a newer HEAD commit. */
async function bumpCommitDates(dir: string, names: string[]): Promise<void> {
  const path = join(dir, ORG_SIDECAR_FILE);
  const raw = await readFile(path, 'utf8').catch(() => undefined);
  if (raw === undefined || names.length === 0) return;
  const sidecar = JSON.parse(raw) as { repos?: Record<string, { committedDate?: string }> };
  for (const name of names) {
    const meta = sidecar.repos?.[name];
    if (meta?.committedDate) meta.committedDate = new Date(Date.parse(meta.committedDate) + 3_600_000).toISOString().replace('.000Z', 'Z');
  }
  await writeFile(path, `${JSON.stringify(sidecar, null, 2)}\n`);
}
