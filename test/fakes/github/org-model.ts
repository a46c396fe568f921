/**
 * The organization a fake GitHub serves, and the sidecar file that describes
 * one on disk. A synthetic org (bench/synthetic-org.ts) is written as a
 * folder of repo folders, like `--source local:<dir>` reads, plus
 * `.github-org.json` with what only GitHub knows: teams, people and repo
 * metadata. The fake server loads the folder, so the same org can be built
 * through the local source and through the GitHub crawler and compared.
 */
import { z } from 'zod';

export const ORG_SIDECAR_FILE = '.github-org.json';

export const FakeTeamSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string().optional(),
  /** Slug of the parent team. */
  parent: z.string().optional(),
  members: z.array(z.object({ login: z.string(), role: z.enum(['MEMBER', 'MAINTAINER']) })),
});
export type FakeTeam = z.infer<typeof FakeTeamSchema>;

export const FakeUserSchema = z.object({
  login: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  avatarUrl: z.string().optional(),
  /** Role in the organization (`membersWithRole` edges); MEMBER when absent. */
  role: z.enum(['ADMIN', 'MEMBER']).optional(),
});
export type FakeUser = z.infer<typeof FakeUserSchema>;

/** Per-repo metadata the sidecar may set; everything has a default. */
export const FakeRepoMetaSchema = z.object({
  description: z.string().optional(),
  topics: z.array(z.string()).default([]),
  visibility: z.enum(['PUBLIC', 'PRIVATE', 'INTERNAL']).default('PUBLIC'),
  isArchived: z.boolean().default(false),
  isFork: z.boolean().default(false),
  isTemplate: z.boolean().default(false),
  primaryLanguage: z.string().optional(),
  defaultBranch: z.string().default('main'),
  /** ISO date; also the listing order (GitHub lists by CREATED_AT here). */
  createdAt: z.string().optional(),
  /** ISO date of the HEAD commit. */
  committedDate: z.string().optional(),
  /** ISO date of the last commit touching a file, by repo path (`Commit.history(path:)`); files not listed changed at `committedDate`. */
  fileDates: z.record(z.string(), z.string()).optional(),
});
export type FakeRepoMeta = z.infer<typeof FakeRepoMetaSchema>;

export const OrgSidecarSchema = z.object({
  login: z.string(),
  teams: z.array(FakeTeamSchema).default([]),
  users: z.array(FakeUserSchema).default([]),
  repos: z.record(z.string(), FakeRepoMetaSchema.partial()).default({}),
});
export type OrgSidecar = z.infer<typeof OrgSidecarSchema>;

export interface FakeRepo extends FakeRepoMeta {
  /** GitHub global node id, stable across renames (e.g. `R_<base64>`). */
  id: string;
  name: string;
  createdAt: string;
  committedDate: string;
  /** HEAD commit oid of the default branch: changes whenever any file changes. */
  headOid: string;
  /** Every file of the default branch, by repo-relative path. */
  files: Record<string, string | Uint8Array>;
}

export interface FakeOrg {
  login: string;
  repos: FakeRepo[];
  teams: FakeTeam[];
  users: FakeUser[];
}
