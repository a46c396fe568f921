/**
 * Repos without a catalog file still appear: as an inferred Component, named
 * after the repo, owned by the repo's CODEOWNERS when one team or person owns
 * it all, and marked inferred. Its page links to GitHub's new-file page with
 * a catalog-info.yaml prefilled, so registering the repo is one pull request.
 */
import { stringify } from 'yaml';
import type { Repo } from '../../sources/snapshot.ts';
import { ANNOTATION_INFERRED, ANNOTATION_PROJECT_SLUG } from '../../catalog-model/annotations.ts';
import { suggestEntityName, suggestTag, isValidEntityName, isValidTag } from '../../catalog-model/formats.ts';
import { componentKind } from '../../catalog-model/kinds/component.ts';
import { DEFAULT_NAMESPACE, stringifyEntityRef } from '../../catalog-model/refs.ts';
import type { LoadedEntity } from '../read-catalog.ts';
import { repoSlugOf } from '../../sources/repo-files.ts';
import { declaredRelations } from '../validate/declared-relations.ts';
import { findCodeowners, repoOwners } from './codeowners.ts';

export function inferredComponent(repo: Repo, multiOrg: boolean): LoadedEntity | undefined {
  const name = isValidEntityName(repo.name) ? repo.name : suggestEntityName(repo.name);
  if (!name) return undefined;
  const owner = ownerOf(repo, multiOrg);
  const slug = repo.url ? repoSlugOf(repo.url) : undefined;
  const metadata = {
    name,
    namespace: DEFAULT_NAMESPACE,
    ...(repo.description ? { description: repo.description } : {}),
    tags: repo.topics.map((t) => (isValidTag(t) ? t : suggestTag(t))).filter((t): t is string => !!t),
    annotations: { [ANNOTATION_INFERRED]: 'true', ...(slug ? { [ANNOTATION_PROJECT_SLUG]: slug } : {}) },
  };
  const spec = { type: repo.isTemplate ? 'template' : 'unknown', lifecycle: repo.archived ? 'deprecated' : 'unknown', ...(owner ? { owner } : {}) };
  const registerUrl = repo.url ? newFileUrl(repo, catalogInfoFor(name, repo.description, slug, owner)) : undefined;
  return {
    ref: stringifyEntityRef({ kind: 'Component', namespace: DEFAULT_NAMESPACE, name }),
    kind: componentKind,
    json: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata, spec },
    relations: declaredRelations(componentKind, spec, DEFAULT_NAMESPACE, { position: () => ({ line: 0, column: 0 }), onInvalid: () => {} }),
    source: { repo: repo.name, path: '', document: 0, line: 0, column: 0 },
    origin: { kind: 'inferred', ...(registerUrl ? { registerUrl } : {}) },
  };
}

/** The one team or person CODEOWNERS gives the whole repo to, as a ref; none when it is not clear. */
function ownerOf(repo: Repo, multiOrg: boolean): string | undefined {
  const file = findCodeowners(repo.files);
  if (!file) return undefined;
  const owners = repoOwners(file.text).filter((o) => o.kind !== 'email');
  if (owners.length !== 1) return undefined;
  const owner = owners[0]!;
  if (owner.kind === 'team') return multiOrg ? `group:${owner.org.toLowerCase()}/${owner.slug}` : `group:${owner.slug}`;
  if (owner.kind === 'user') return multiOrg ? undefined : `user:${owner.login}`;
  return undefined;
}

/** A starting catalog-info.yaml for the repo, with what is known filled in. */
export function catalogInfoFor(name: string, description: string | undefined, slug: string | undefined, owner: string | undefined): string {
  const doc = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...(description ? { description } : {}), ...(slug ? { annotations: { [ANNOTATION_PROJECT_SLUG]: slug } } : {}) },
    spec: { type: 'service', lifecycle: 'production', owner: owner ?? 'REPLACE-WITH-OWNING-TEAM' },
  };
  return `# Registers this repository in the developer portal. Check type, lifecycle and owner.\n${stringify(doc)}`;
}

/** GitHub's "create new file" page, prefilled: a click, a commit message, a pull request. */
function newFileUrl(repo: Repo, content: string): string {
  const branch = repo.defaultBranch ?? 'main';
  return `${repo.url!.replace(/\/+$/, '')}/new/${encodeURIComponent(branch)}?filename=catalog-info.yaml&value=${encodeURIComponent(content)}`;
}
