import { z } from 'zod';
import { text } from '../fields.ts';
import { BACKSTAGE_API_VERSIONS, type KindDefinition } from './definition.ts';

export const LocationSpecSchema = z.looseObject({
  type: text('How targets are read; defaults to the type of the file holding this Location (`url`).', 'url').optional(),
  target: text('One more catalog file to read, relative to this file (e.g. `./apis.yaml`).', './apis.yaml').optional(),
  targets: z
    .array(z.string().min(1))
    .meta({ description: 'More catalog files to read, relative to this file.', examples: [['./groups.yaml', './users.yaml']] })
    .optional(),
  presence: z.enum(['required', 'optional']).meta({ description: '`required` (default): a missing target is an error. `optional`: it is skipped.' }).optional(),
});

export const locationKind: KindDefinition<'Location', typeof LocationSpecSchema> = {
  kind: 'Location',
  apiVersions: BACKSTAGE_API_VERSIONS,
  spec: LocationSpecSchema,
  description: 'A pointer to more catalog files to read.',
  relationFields: [],
};
