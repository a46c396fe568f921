/**
 * An API's definition parses: the check reads the reading the build made once
 * (`parsedDefinition`, src/portal-data), the same one its pages render, so a
 * pass here means the page shows operations, not an error.
 */
import { apiFormatOf } from '../../api-docs/index.ts';
import { editLink, fail, notApplicable, pass, type Check } from '../check.ts';

export const apiDefinitionValid: Check = {
  id: 'api-definition-valid',
  title: 'API definition is valid',
  short: 'API definition',
  why: 'Consumers read the definition; one that does not parse cannot be browsed or used to generate clients.',
  kinds: ['api'],
  run(entity) {
    // `kinds` runs it for APIs only; this narrows the record to an API's.
    if (entity.kind !== 'API') return notApplicable('Only APIs have a definition.');
    const type = entity.spec.type.trim();
    const parsed = entity.parsedDefinition;
    const fix = (text: string) => ({ text, ...editLink(entity) });
    if (!type) return fail('No API type: `spec.type` is not set.', fix('Set `spec.type` to openapi, asyncapi, graphql or grpc.'));
    if (!apiFormatOf(type)) return notApplicable(`Definitions of type ${type} are not checked (only openapi, asyncapi, graphql and grpc).`);
    if (!parsed)
      return fail('No definition: `spec.definition` is empty.', fix('Set `spec.definition`, e.g. `$text: ./openapi.yaml` to read it from a file in the repo.'));
    if (parsed.ok) return pass(`The ${type} definition is valid.`);
    const where = parsed.line ? ` (line ${parsed.line})` : '';
    return fail(`The ${type} definition is not valid${where}: ${parsed.error}`, fix('Fix the definition (or the file its `$text` points to) so it parses.'));
  },
};
