import { z } from 'zod';
import { profile, ref, refList, text } from '../fields.ts';
import { RELATION_CHILD_OF, RELATION_HAS_MEMBER, RELATION_PARENT_OF } from '../relations.ts';
import { BACKSTAGE_API_VERSIONS, type KindDefinition } from './definition.ts';

export const GroupSpecSchema = z.looseObject({
  type: text('What kind of group: `team`, `department`, `organization`, …', 'team'),
  profile: profile.optional(),
  parent: ref('The parent Group (a Group ref).', 'engineering').optional(),
  children: refList('Child Groups (Group refs). Required; write `children: []` when there are none.', 'team-payments'),
  members: refList('Users in this group (User refs).', 'jane.doe').optional(),
});

export const groupKind: KindDefinition<'Group', typeof GroupSpecSchema> = {
  kind: 'Group',
  apiVersions: BACKSTAGE_API_VERSIONS,
  spec: GroupSpecSchema,
  description: 'A team, department or other group of people that can own things.',
  relationFields: [
    { field: 'parent', relation: RELATION_CHILD_OF, defaultKind: 'Group', targetKinds: ['Group'] },
    { field: 'children', relation: RELATION_PARENT_OF, defaultKind: 'Group', targetKinds: ['Group'] },
    { field: 'members', relation: RELATION_HAS_MEMBER, defaultKind: 'User', targetKinds: ['User'] },
  ],
};
