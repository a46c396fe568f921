/**
 * Software templates, `scaffolder.backstage.io/v1beta3` only (the schema of
 * `plugins/scaffolder-common/src/Template.v1beta3.schema.json`). The older
 * `backstage.io/v1alpha1` Template is a foreign kind to Backstage, and here.
 */
import { z } from 'zod';
import { lifecycle, owner, text } from '../fields.ts';
import { ownerField } from '../relations.ts';
import type { KindDefinition } from './definition.ts';

const permissions = z.looseObject({ tags: z.array(z.string()).optional() });
const condition = z.union([z.string(), z.boolean()]);

const StepSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  action: z.string().meta({ description: 'The scaffolder action to run, e.g. `fetch:template`.', examples: ['fetch:template'] }),
  input: z.looseObject({}).optional(),
  if: condition.optional(),
  'backstage:permissions': permissions.optional(),
});

export const TemplateSpecSchema = z.looseObject({
  type: text('What the template creates: `service`, `website`, `library`, `documentation`, …', 'service'),
  owner: owner('template').optional(),
  lifecycle: lifecycle().optional(),
  parameters: z
    .union([
      z.looseObject({ 'backstage:permissions': permissions.optional() }),
      z.array(z.looseObject({ when: condition.optional(), 'backstage:permissions': permissions.optional() })),
    ])
    .meta({ description: 'The form: one JSON Schema object, or a list of them (one per step of the form).' })
    .optional(),
  secrets: z.looseObject({ schema: z.looseObject({}).optional() }).optional(),
  presentation: z
    .looseObject({
      buttonLabels: z
        .looseObject({ backButtonText: z.string().optional(), createButtonText: z.string().optional(), reviewButtonText: z.string().optional() })
        .optional(),
    })
    .optional(),
  EXPERIMENTAL_recovery: z.looseObject({ EXPERIMENTAL_strategy: z.string().optional() }).optional(),
  formDecorators: z.array(z.looseObject({ id: z.string().optional(), input: z.looseObject({}).optional() })).optional(),
  EXPERIMENTAL_formDecorators: z.array(z.looseObject({ id: z.string().optional(), input: z.looseObject({}).optional() })).optional(),
  steps: z.array(StepSchema).meta({ description: 'The actions the template runs, in order.' }),
  output: z
    .object({
      links: z
        .array(
          z.looseObject({
            if: condition.optional(),
            url: z.string().min(1).optional(),
            entityRef: z.string().min(1).optional(),
            title: z.string().min(1).optional(),
            icon: z.string().min(1).optional(),
          }),
        )
        .optional(),
      text: z
        .array(
          z.looseObject({
            if: condition.optional(),
            title: z.string().min(1).optional(),
            icon: z.string().min(1).optional(),
            content: z.string().optional(),
          }),
        )
        .optional(),
    })
    .catchall(z.string())
    .optional(),
});

export const templateKind: KindDefinition<'Template', typeof TemplateSpecSchema> = {
  kind: 'Template',
  apiVersions: ['scaffolder.backstage.io/v1beta3'],
  spec: TemplateSpecSchema,
  description: 'A software template: a form and the steps that create a new project from it.',
  relationFields: [ownerField],
};
