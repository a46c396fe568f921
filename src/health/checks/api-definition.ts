/**
 * An API's definition parses with the same code that renders it on its page
 * (src/api-docs), so a pass here means the page shows operations, not an error.
 */
import { apiFormatOf } from '../../api-docs/index.ts';
import { editLink, fail, notApplicable, pass, type Check } from '../check.ts';

export const apiDefinitionValid: Check = {
  id: 'api-definition-valid',
  title: 'API definition is valid',
  short: 'API definition',
  why: 'Consumers read the definition; one that does not parse cannot be browsed or used to generate clients.',
  kinds: ['api'],
  run(entity, { parseApi }) {
    const type = typeof entity.spec['type'] === 'string' ? entity.spec['type'].trim() : '';
    const text = definitionText(entity.spec['definition']);
    const fix = (text: string) => ({ text, ...editLink(entity) });
    if (!type) return fail('No API type: `spec.type` is not set.', fix('Set `spec.type` to openapi, asyncapi, graphql or grpc.'));
    if (!apiFormatOf(type)) return notApplicable(`Definitions of type ${type} are not checked (only openapi, asyncapi, graphql and grpc).`);
    if (!text) return fail('No definition: `spec.definition` is empty.', fix('Set `spec.definition`, e.g. `$text: ./openapi.yaml` to read it from a file in the repo.'));
    let parsed: ReturnType<typeof parseApi>;
    try {
      parsed = parseApi(type, text);
    } catch (error) {
      parsed = { ok: false, error: (error as Error).message };
    }
    if (parsed.ok) return pass(`The ${type} definition is valid.`);
    const where = parsed.line ? ` (line ${parsed.line})` : '';
    return fail(`The ${type} definition is not valid${where}: ${parsed.error}`, fix('Fix the definition (or the file its `$text` points to) so it parses.'));
  },
};

/** spec.definition as text: a string as it is; an inline YAML mapping as JSON (which is YAML too). */
function definitionText(definition: unknown): string | undefined {
  if (typeof definition === 'string') return definition.trim() === '' ? undefined : definition;
  if (definition !== null && typeof definition === 'object') return JSON.stringify(definition, null, 2);
  return undefined;
}
