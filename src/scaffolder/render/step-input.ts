/**
 * Step inputs templated the way Backstage's workflow runner templates them (backstage/backstage
 * `plugins/scaffolder-backend/src/scaffolder/tasks/NunjucksWorkflowRunner.ts` at 00b75a4b, `render`
 * and `isSingleTemplateString`; `isTruthy` from `tasks/helper.ts` at 0e452ad6):
 * - every string in the input is rendered, walking the JSON tree;
 * - a string that is one `${{ }}` expression and nothing else keeps the JSON type of its value
 *   (`${{ parameters.tags }}` stays an array): it is rendered as `${{ (…) | dump }}` and parsed back;
 * - a string that renders to `''` becomes `undefined`, so the key disappears.
 * Where Backstage keeps a string that fails to render as it was, this keeps it too and reports why.
 */
import nunjucks from 'nunjucks';
import type { Renderer } from './nunjucks-env.ts';

interface ParserInternals {
  parser: { parse(source: string, extensions: unknown, options: nunjucks.ConfigureOptions): { children: { children?: unknown[] }[] } };
  nodes: { TemplateData: abstract new (...args: never[]) => unknown };
}
const { parser, nodes } = nunjucks as unknown as ParserInternals;

function isSingleTemplateString(input: string): boolean {
  const parsed = parser.parse(input, {}, { autoescape: false, tags: { variableStart: '${{', variableEnd: '}}' } });
  return parsed.children.length === 1 && !(parsed.children[0]?.children?.[0] instanceof nodes.TemplateData);
}

/** Handlebars' truthiness, which Backstage uses for `if`: `[]` is false too. */
export function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

export interface StepInputError {
  /** The string as written in the template. */
  value: string;
  error: unknown;
}

/**
 * Render a step input (any JSON) against the workflow context. Errors are collected in `errors`;
 * the failing string is kept unrendered, as Backstage keeps it.
 */
export function renderStepInput<T>(input: T, context: Record<string, unknown>, render: Renderer, errors: StepInputError[] = []): T {
  if (input === undefined) return input;
  return JSON.parse(JSON.stringify(input), (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    try {
      if (isSingleTemplateString(value)) {
        const dumped = render(value.replace(/\${{(.+)}}/g, '${{ ( $1 ) | dump }}'), context);
        return dumped === '' ? undefined : (JSON.parse(dumped) as unknown);
      }
    } catch {
      // Backstage logs this and falls back to rendering the string as text.
    }
    try {
      const rendered = render(value, context);
      return rendered === '' ? undefined : rendered;
    } catch (error) {
      errors.push({ value, error });
      return value;
    }
  }) as T;
}
