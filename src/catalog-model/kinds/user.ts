import { z } from 'zod';
import { profile, refList } from '../fields.ts';
import { RELATION_MEMBER_OF } from '../relations.ts';
import { BACKSTAGE_API_VERSIONS, type KindDefinition } from './definition.ts';

export const UserSpecSchema = z.looseObject({
  profile: profile.optional(),
  memberOf: refList('Groups this user belongs to (Group refs). Required; write `memberOf: []` when there are none.', 'team-payments'),
});

export const userKind: KindDefinition<'User', typeof UserSpecSchema> = {
  kind: 'User',
  apiVersions: BACKSTAGE_API_VERSIONS,
  spec: UserSpecSchema,
  description: 'A person, who can belong to groups and own things.',
  relationFields: [{ field: 'memberOf', relation: RELATION_MEMBER_OF, defaultKind: 'Group', targetKinds: ['Group'] }],
};
