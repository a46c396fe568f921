/**
 * Small zod building blocks shared by the kind schemas. Every field carries a
 * description and an example through `.meta()`: the JSON Schema for editors
 * shows them as hover help, and diagnostics quote them as the fix.
 */
import { z } from 'zod';

export function text(description: string, example: string) {
  return z
    .string()
    .min(1)
    .meta({ description, examples: [example] });
}

export function ref(description: string, example: string) {
  return z
    .string()
    .min(1)
    .meta({ description, examples: [example] });
}

export function refList(description: string, example: string) {
  return z.array(z.string().min(1)).meta({ description, examples: [[example]] });
}

export function owner(what: string) {
  return ref(
    `The Group or User that owns this ${what}: a ref such as \`team-payments\` (a Group in this entity's namespace), \`group:platform/sre\` or \`user:jane.doe\`.`,
    'team-payments',
  );
}

export function system(what: string) {
  return ref(`The System this ${what} belongs to (a System ref, e.g. \`payments\`).`, 'payments');
}

export function lifecycle() {
  return text('Lifecycle state: usually `experimental`, `production` or `deprecated`.', 'production');
}

export const profile = z
  .looseObject({
    displayName: text('Name shown for people.', 'Jane Doe').optional(),
    email: text('Contact email.', 'jane@example.com').optional(),
    picture: text('URL of an avatar image.', 'https://example.com/avatar.png').optional(),
  })
  .meta({ description: 'How the group or user is shown: display name, email, picture.' });
