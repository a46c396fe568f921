/**
 * The snapshot: everything the pipeline knows about an organization's repos,
 * as one serializable value. Every source (a local folder of repos, the GitHub
 * GraphQL crawler) produces this same shape, so the catalog, graph and docs
 * stages never care where the bytes came from, and a crawl can be cached in
 * `.cache/` and reused.
 */
import { z } from 'zod';
import { parseDate, parseWebUrl } from './checked-values.ts';

/** A date `new Date(x).toISOString()` takes without a throw (years 0000–9999); see checked-values.ts. */
const IsoDateSchema = z.string().refine((s) => parseDate(s) !== undefined, 'an ISO 8601 date between years 0000 and 9999');
/** An http(s) URL `new URL(x)` takes without a throw, with a valid host and no credentials; see checked-values.ts. */
const WebUrlSchema = z.string().refine((s) => parseWebUrl(s) !== undefined, 'an http(s) URL with a valid host and no credentials');

/** What reading one repo file gave. Files are only ever read by repo-relative path. */
export const RepoFileSchema = z.discriminatedUnion('status', [
  z
    .object({ status: z.literal('text'), text: z.string(), size: z.number().int().nonnegative(), lossy: z.boolean().optional() })
    .describe('UTF-8 text. `lossy` is set when invalid UTF-8 bytes were replaced with U+FFFD.'),
  z.object({ status: z.literal('binary'), size: z.number().int().nonnegative() }).describe('Contains NUL bytes (a binary file, or UTF-16 text): never parsed.'),
  z
    .object({ status: z.literal('too-large'), size: z.number().int().nonnegative(), limit: z.number().int().positive() })
    .describe('Larger than the configured limit: not read at all.'),
  z.object({ status: z.literal('missing') }),
  z
    .object({ status: z.literal('outside-repo'), reason: z.string(), gitDir: z.literal(true).optional() })
    .describe('The path (or a symlink on it) leads out of the repository, or (`gitDir`) into its git folder: refused, never read. See repo-path.ts.'),
  z.object({ status: z.literal('unreadable'), reason: z.string() }),
]);
export type RepoFile = z.infer<typeof RepoFileSchema>;

/** Something about a repo the source could not take as given; the catalog stage reports each with its rule. */
export const RepoProblemSchema = z.object({
  rule: z.enum(['repo-failed', 'repo-date-invalid', 'repo-url-invalid']),
  message: z.string(),
  /** The repo file it is about, when there is one. */
  path: z.string().optional(),
});
export type RepoProblem = z.infer<typeof RepoProblemSchema>;

/** A folder read whole. */
export const RepoTreeRecordSchema = z.object({
  /** Its files that were read (repo-relative). */
  paths: z.array(z.string()),
  /** True when files were left out (the cap, or a read that failed): then `paths` is not every file there. */
  truncated: z.boolean(),
  /** How many listed files the cap (`limits.maxDocsFiles`) left out: index pages, nav targets and Markdown pages were kept first. */
  omitted: z.number().int().nonnegative().optional(),
  /** The folder held more entries than were even listed (20 × the cap): `omitted` is a lower bound. */
  unlisted: z.boolean().optional(),
});

export const RepoVisibilitySchema = z.enum(['public', 'internal', 'private']);

export const RepoSchema = z.object({
  /** Repository name, unique within the snapshot (for GitHub: the repo name in the org). */
  name: z.string().min(1),
  /** Web URL of the repository, e.g. https://github.com/acme/payments (absent for plain local folders). */
  url: WebUrlSchema.optional(),
  /** Folder on disk for the local source; used to print clickable paths. */
  localPath: z.string().optional(),
  defaultBranch: z.string().optional(),
  head: z.object({ commit: z.string(), date: IsoDateSchema.optional() }).optional(),
  description: z.string().optional(),
  topics: z.array(z.string()).default([]),
  language: z.string().optional(),
  visibility: RepoVisibilitySchema.default('public'),
  archived: z.boolean().default(false),
  isTemplate: z.boolean().default(false),
  /** Catalog files found at the configured catalog paths (repo-relative, `/`-separated). */
  catalogFiles: z.array(z.string()),
  /** Every file read for this repo, by repo-relative path. Includes misses, so a consumer can tell "missing" from "not asked". */
  files: z.record(z.string(), RepoFileSchema),
  /** Glob patterns used by Location targets, with the repo paths they matched. */
  globs: z.record(z.string(), z.array(z.string())).default({}),
  /** Folders read whole (TechDocs docs_dir, glob bases): their file paths, and whether the listing was capped. */
  trees: z.record(z.string(), RepoTreeRecordSchema).default({}),
  /**
   * When each TechDocs page last changed: repo path → ISO date of the newest commit that touched it
   * (e.g. `{ "docs/index.md": "2024-05-01T12:30:00Z" }`), for the Markdown pages of docs folders only
   * (see `docsPagePaths`). A page without an entry (uncommitted, not a git repo, or the date could not
   * be read) has no known date: show `head.date` instead.
   */
  fileDates: z.record(z.string(), IsoDateSchema).optional(),
  /** GitHub's node id: the key an incremental crawl matches repos by (survives renames). */
  githubId: z.string().optional(),
  /** Set when this run could not read the repo: its files are the last good ones, from the previous crawl. */
  stale: z.object({ reason: z.string(), since: z.string() }).optional(),
  /** What the source could not take as given: a date or URL that was invalid (left out), a read that failed. */
  problems: z.array(RepoProblemSchema).optional(),
});
export type Repo = z.infer<typeof RepoSchema>;

/** People of a GitHub organization: teams (with hierarchy) and their members become Groups and Users. */
export const OrgPeopleSchema = z.object({
  org: z.string(),
  /** Web URL of the organization, e.g. https://github.com/acme. */
  url: WebUrlSchema.optional(),
  teams: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      description: z.string().optional(),
      parent: z.string().optional(),
      members: z.array(z.string()),
      url: WebUrlSchema.optional(),
      avatarUrl: WebUrlSchema.optional(),
    }),
  ),
  users: z.array(
    z.object({
      login: z.string(),
      name: z.string().optional(),
      email: z.string().optional(),
      avatarUrl: WebUrlSchema.optional(),
      url: WebUrlSchema.optional(),
    }),
  ),
});
export type OrgPeople = z.infer<typeof OrgPeopleSchema>;

export const SnapshotSchema = z.object({
  version: z.literal(1),
  /** `local:<dir>` or `github:<org>`; never contains a token. */
  source: z.string(),
  /** Organization name shown in the portal. */
  org: z.string(),
  createdAt: z.string(),
  repos: z.array(RepoSchema),
  /** Teams and people, for sources that have them (GitHub). */
  people: z.array(OrgPeopleSchema).default([]),
  /** Source-level warnings (a listing that stopped early, teams that could not be read). */
  notes: z.array(z.string()).default([]),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
