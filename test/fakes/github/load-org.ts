/**
 * Builds the fake GitHub's org model, from memory (`createFakeOrg`) or from a
 * folder of repo folders plus `.github-org.json` (`loadFakeOrgFromDir`), and
 * mutates it the way pushes, deletions and renames would (`changeRepoFile`,
 * `removeRepo`, `renameRepo`, `addRepo`).
 *
 * Everything derived is deterministic: the same folder gives the same ids,
 * HEAD oids and dates on every load, so crawls of it can be compared.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  FakeRepoMetaSchema,
  ORG_SIDECAR_FILE,
  OrgSidecarSchema,
  type FakeOrg,
  type FakeRepo,
  type FakeRepoMeta,
  type FakeTeam,
  type FakeUser,
} from './org-model.ts';

/** Repos without a `createdAt` are created one minute apart from this date, in folder order. */
export const DEFAULT_CREATED_AT = Date.parse('2020-01-01T00:00:00Z');
/** HEAD commit date of repos without a `committedDate`. */
export const DEFAULT_COMMITTED_DATE = '2024-01-01T00:00:00Z';

export type FileContent = string | Uint8Array;

export interface FakeRepoInput extends Partial<FakeRepoMeta> {
  name: string;
  files?: Record<string, FileContent>;
}

export interface FakeOrgInput {
  login: string;
  repos?: FakeRepoInput[];
  teams?: FakeTeam[];
  users?: FakeUser[];
}

function sha1(...parts: (string | Uint8Array)[]): Buffer {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** Global node id of a repo: `R_` + base64url(sha1(login/name)); kept on rename. */
export function repoNodeId(login: string, name: string): string {
  return `R_${sha1(`${login}/${name}`).toString('base64url')}`;
}

/** HEAD oid: sha1 over the sorted (path, content) pairs, so any file change moves it. */
export function computeHeadOid(files: Record<string, FileContent>): string {
  const hash = createHash('sha1');
  for (const path of Object.keys(files).sort()) {
    const content = files[path]!;
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    hash.update(`${path}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function isoDate(value: string, what: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`${what} is not a date: ${JSON.stringify(value)}. Use an ISO date such as 2021-05-01T12:00:00Z.`);
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

function makeRepo(login: string, input: FakeRepoInput, index: number, taken: Set<string>): FakeRepo {
  const meta = FakeRepoMetaSchema.parse(Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'name' && key !== 'files')));
  const files = { ...input.files };
  let id = repoNodeId(login, input.name);
  for (let n = 2; taken.has(id); n++) id = repoNodeId(login, `${input.name}#${n}`);
  taken.add(id);
  const createdAt =
    meta.createdAt === undefined
      ? new Date(DEFAULT_CREATED_AT + index * 60_000).toISOString().replace('.000Z', 'Z')
      : isoDate(meta.createdAt, `createdAt of repo ${input.name}`);
  const committedDate = meta.committedDate === undefined ? DEFAULT_COMMITTED_DATE : isoDate(meta.committedDate, `committedDate of repo ${input.name}`);
  const fileDates =
    meta.fileDates &&
    Object.fromEntries(Object.entries(meta.fileDates).map(([path, date]) => [path, isoDate(date, `fileDates.${path} of repo ${input.name}`)]));
  return { ...meta, ...(fileDates ? { fileDates } : {}), id, name: input.name, createdAt, committedDate, headOid: computeHeadOid(files), files };
}

/** An org from plain data; repos are created in the given order. */
export function createFakeOrg(input: FakeOrgInput): FakeOrg {
  const taken = new Set<string>();
  return {
    login: input.login,
    repos: (input.repos ?? []).map((repo, index) => makeRepo(input.login, repo, index, taken)),
    teams: input.teams ?? [],
    users: input.users ?? [],
  };
}

/** Git's own test: a NUL byte in the first 8,000 bytes; also anything that is not UTF-8. */
function decodeFile(bytes: Buffer): FileContent {
  if (bytes.subarray(0, 8000).includes(0)) return new Uint8Array(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new Uint8Array(bytes);
  }
}

async function readRepoFiles(root: string, files: Record<string, FileContent> = {}, prefix = ''): Promise<Record<string, FileContent>> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.git') await readRepoFiles(root, files, path);
    } else if (entry.isFile()) {
      files[path] = decodeFile(await readFile(join(root, path)));
    }
  }
  return files;
}

async function readSidecar(dir: string) {
  const file = join(dir, ORG_SIDECAR_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return OrgSidecarSchema.parse({ login: basename(dir) });
    throw error;
  }
  const parsed = OrgSidecarSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}. See test/fakes/github/org-model.ts for the schema.`);
  }
  return parsed.data;
}

/**
 * Every subfolder of `dir` not starting with `.` is a repo (folder order =
 * creation order unless the sidecar sets `createdAt`); its files are read
 * whole, `.git/` skipped, binary files as Uint8Array.
 */
export async function loadFakeOrgFromDir(dir: string): Promise<FakeOrg> {
  const root = resolve(dir);
  const sidecar = await readSidecar(root);
  const folders = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  for (const name of Object.keys(sidecar.repos)) {
    if (!folders.includes(name))
      throw new Error(`${join(root, ORG_SIDECAR_FILE)}: repos.${name} has no folder ${join(root, name)}. Create the folder or remove the entry.`);
  }
  const repos: FakeRepoInput[] = [];
  for (const name of folders) repos.push({ ...sidecar.repos[name], name, files: await readRepoFiles(join(root, name)) });
  return createFakeOrg({ login: sidecar.login, repos, teams: sidecar.teams, users: sidecar.users });
}

export function findRepo(org: FakeOrg, name: string): FakeRepo {
  const repo = org.repos.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!repo) throw new Error(`Fake org ${org.login} has no repo ${name}; it has ${org.repos.map((r) => r.name).join(', ') || 'none'}.`);
  return repo;
}

/**
 * A push to the default branch: sets (or, with `null`, deletes) one file,
 * recomputes HEAD and moves the commit date one hour on (deterministic).
 * Only that file's last change moves with it; the others keep theirs.
 */
export function changeRepoFile(org: FakeOrg, repoName: string, path: string, content: FileContent | null): FakeRepo {
  const repo = findRepo(org, repoName);
  const files = { ...repo.files };
  if (content === null) delete files[path];
  else files[path] = content;
  const committedDate = new Date(Date.parse(repo.committedDate) + 3_600_000).toISOString().replace('.000Z', 'Z');
  const fileDates = Object.fromEntries(Object.keys(files).map((p) => [p, repo.fileDates?.[p] ?? repo.committedDate]));
  if (content !== null) fileDates[path] = committedDate;
  repo.files = files;
  repo.fileDates = fileDates;
  repo.headOid = computeHeadOid(files);
  repo.committedDate = committedDate;
  return repo;
}

export function removeRepo(org: FakeOrg, repoName: string): FakeRepo {
  const repo = findRepo(org, repoName);
  org.repos.splice(org.repos.indexOf(repo), 1);
  return repo;
}

/** Renames keep the node id, as on GitHub. */
export function renameRepo(org: FakeOrg, from: string, to: string): FakeRepo {
  const repo = findRepo(org, from);
  if (org.repos.some((other) => other !== repo && other.name.toLowerCase() === to.toLowerCase()))
    throw new Error(`Fake org ${org.login} already has a repo ${to}.`);
  repo.name = to;
  return repo;
}

/** A new repo, created one minute after the newest one unless `createdAt` is given. */
export function addRepo(org: FakeOrg, input: FakeRepoInput): FakeRepo {
  if (org.repos.some((other) => other.name.toLowerCase() === input.name.toLowerCase()))
    throw new Error(`Fake org ${org.login} already has a repo ${input.name}.`);
  const newest = Math.max(DEFAULT_CREATED_AT - 60_000, ...org.repos.map((repo) => Date.parse(repo.createdAt)));
  const createdAt = input.createdAt ?? new Date(newest + 60_000).toISOString().replace('.000Z', 'Z');
  const repo = makeRepo(org.login, { ...input, createdAt }, 0, new Set(org.repos.map((other) => other.id)));
  org.repos.push(repo);
  return repo;
}
