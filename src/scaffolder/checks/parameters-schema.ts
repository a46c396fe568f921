/**
 * `spec.parameters` compile as JSON Schema (draft-07, what react-jsonschema-form validates with
 * ajv, as Backstage's form does). `ui:*` keys and Backstage's own keywords are allowed.
 */
import { Ajv } from 'ajv';
import { parameterSteps } from '../parameter-docs.ts';
import { report, type TemplateCheck } from './check.ts';

export const parametersSchema: TemplateCheck = {
  id: 'template-parameters-invalid',
  rules: ['template-parameters-invalid'],
  title: '`spec.parameters` are a valid JSON Schema',
  run(context) {
    // Not strict: the scaffolder's schemas carry `ui:*` keys, `enumNames` and `backstage:permissions`.
    // One instance per template: two templates may use the same `$id`.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    return parameterSteps(context.template.parameters).flatMap((step, index) => {
      try {
        ajv.compile(step);
        return [];
      } catch (error) {
        const title = typeof step['title'] === 'string' ? ` ("${step['title']}")` : '';
        return [
          report(
            context,
            'template-parameters-invalid',
            `Form step ${index + 1}${title} of \`spec.parameters\` is not a valid JSON Schema: ${(error as Error).message}. The form cannot be built until it is fixed; see https://json-schema.org/understanding-json-schema/.`,
          ),
        ];
      }
    });
  },
};
