import { describe, expect, it } from 'vitest';
import { createRenderer } from './nunjucks-env.ts';
import { isTruthy, renderStepInput, type StepInputError } from './step-input.ts';

const render = createRenderer();
const context = { parameters: { name: 'web', tags: ['a', 'b'], port: 8080, on: false, repoUrl: 'github.com?owner=acme&repo=web' } };

describe('step inputs, templated like NunjucksWorkflowRunner', () => {
  it('keeps the JSON type of a lone ${{ }} expression', () => {
    const input = renderStepInput(
      { tags: '${{ parameters.tags }}', port: '${{ parameters.port }}', on: '${{ parameters.on }}', repo: '${{ parameters.repoUrl | parseRepoUrl }}' },
      context,
      render,
    );
    expect(input).toEqual({ tags: ['a', 'b'], port: 8080, on: false, repo: { host: 'github.com', owner: 'acme', repo: 'web' } });
  });

  it('renders a string with text around the expression as text', () => {
    expect(renderStepInput({ description: 'This is ${{ parameters.name }}', tags: 'tags: ${{ parameters.tags }}' }, context, render)).toEqual({
      description: 'This is web',
      tags: 'tags: a,b',
    });
  });

  it('walks nested arrays and objects', () => {
    expect(renderStepInput({ values: { list: ['${{ parameters.name }}', 1, true] } }, context, render)).toEqual({ values: { list: ['web', 1, true] } });
  });

  it('drops a key whose value renders to nothing', () => {
    expect(renderStepInput({ a: '${{ parameters.missing }}', b: 'x' }, context, render)).toEqual({ b: 'x' });
  });

  it('keeps a string that does not render, and says why', () => {
    const errors: StepInputError[] = [];
    expect(renderStepInput({ a: '${{ parameters.name | nope }}' }, context, render, errors)).toEqual({ a: '${{ parameters.name | nope }}' });
    expect(errors).toHaveLength(1);
  });

  it('treats an empty list as false, like Backstage', () => {
    expect([isTruthy([]), isTruthy(['x']), isTruthy(''), isTruthy('false'), isTruthy(0)]).toEqual([false, true, false, true, false]);
  });
});
