import { z } from 'zod';
import { owner, refList, system, text } from '../fields.ts';
import { dependencyOfField, dependsOnField, ownerField, systemField } from '../relations.ts';
import { BACKSTAGE_API_VERSIONS, type KindDefinition } from './definition.ts';

export const ResourceSpecSchema = z.looseObject({
  type: text('What kind of resource: `database`, `s3-bucket`, `queue`, …', 'database'),
  owner: owner('resource'),
  dependsOn: refList('Components or Resources this one depends on. Write the kind: `resource:vpc`.', 'resource:vpc').optional(),
  system: system('resource').optional(),
});

export const resourceKind: KindDefinition<'Resource', typeof ResourceSpecSchema> = {
  kind: 'Resource',
  apiVersions: BACKSTAGE_API_VERSIONS,
  spec: ResourceSpecSchema,
  description: 'Infrastructure a component needs at runtime: a database, bucket, queue…',
  relationFields: [ownerField, dependsOnField, dependencyOfField, systemField],
};
