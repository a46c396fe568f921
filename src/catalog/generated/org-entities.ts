/**
 * GitHub teams and their members as Group and User entities, the way
 * Backstage's GitHub org provider makes them: team slug → Group name (type
 * `team`, parent from the parent team, children computed), login → User name,
 * with the `github.com/team-slug` and `github.com/user-login` annotations.
 * With several organizations, each one's entities live in a namespace named
 * after it, as Backstage's multi-org provider does.
 */
import type { OrgPeople } from '../../sources/snapshot.ts';
import { ANNOTATION_EDIT_URL, ANNOTATION_TEAM_SLUG, ANNOTATION_USER_LOGIN } from '../../catalog-model/annotations.ts';
import { groupKind } from '../../catalog-model/kinds/group.ts';
import type { KindWithSpec } from '../../catalog-model/kinds/index.ts';
import { userKind } from '../../catalog-model/kinds/user.ts';
import { DEFAULT_NAMESPACE, stringifyEntityRef } from '../../catalog-model/refs.ts';
import type { LoadedEntity } from '../read-catalog.ts';
import { declaredRelations } from '../validate/declared-relations.ts';
import { isValidEntityName } from '../../catalog-model/formats.ts';

const nowhere = { position: () => ({ line: 0, column: 0 }), onInvalid: () => {} };

export function orgEntities(people: readonly OrgPeople[]): LoadedEntity[] {
  const entities: LoadedEntity[] = [];
  for (const org of people) {
    const namespace = people.length > 1 ? org.org.toLowerCase() : DEFAULT_NAMESPACE;
    const children = new Map<string, string[]>();
    for (const team of org.teams) if (team.parent) children.set(team.parent, [...(children.get(team.parent) ?? []), team.slug]);
    const teamsOf = new Map<string, string[]>();
    for (const team of org.teams) for (const login of team.members) teamsOf.set(login, [...(teamsOf.get(login) ?? []), team.slug]);

    for (const team of org.teams) {
      if (!isValidEntityName(team.slug)) continue;
      const spec = {
        type: 'team',
        profile: { displayName: team.name, ...(team.avatarUrl ? { picture: team.avatarUrl } : {}) },
        ...(team.parent ? { parent: team.parent } : {}),
        children: children.get(team.slug) ?? [],
        members: team.members,
      };
      const metadata = {
        name: team.slug,
        namespace,
        ...(team.description ? { description: team.description } : {}),
        annotations: { [ANNOTATION_TEAM_SLUG]: `${org.org}/${team.slug}`, ...(team.url ? { [ANNOTATION_EDIT_URL]: `${team.url}/edit` } : {}) },
      };
      entities.push(generated({ kind: 'Group', spec }, metadata, { kind: 'github-team', ...(team.url ? { url: team.url } : {}) }));
    }
    for (const user of org.users) {
      if (!isValidEntityName(user.login)) continue;
      const spec = {
        profile: {
          ...(user.name ? { displayName: user.name } : {}),
          ...(user.email ? { email: user.email } : {}),
          ...(user.avatarUrl ? { picture: user.avatarUrl } : {}),
        },
        memberOf: teamsOf.get(user.login) ?? [],
      };
      const metadata = { name: user.login, namespace, annotations: { [ANNOTATION_USER_LOGIN]: user.login } };
      entities.push(generated({ kind: 'User', spec }, metadata, { kind: 'github-user', ...(user.url ? { url: user.url } : {}) }));
    }
  }
  return entities;
}

function generated(
  typed: Extract<KindWithSpec, { kind: 'Group' | 'User' }>,
  metadata: { name: string; namespace: string } & Record<string, unknown>,
  origin: LoadedEntity['origin'],
): LoadedEntity {
  const def = typed.kind === 'Group' ? groupKind : userKind;
  const ref = stringifyEntityRef({ kind: typed.kind, namespace: metadata.namespace, name: metadata.name });
  return {
    ref,
    kind: def,
    json: { apiVersion: 'backstage.io/v1alpha1', metadata, ...typed },
    relations: declaredRelations(def, typed.spec, metadata.namespace, nowhere),
    source: { repo: '', path: '', document: 0, line: 0, column: 0 },
    ...(origin ? { origin } : {}),
  };
}
