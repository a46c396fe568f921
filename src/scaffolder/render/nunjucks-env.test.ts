import { describe, expect, it } from 'vitest';
import { createRenderer, TemplateRenderError } from './nunjucks-env.ts';

const render = createRenderer();

function renderError(source: string, context: Record<string, unknown> = {}): TemplateRenderError {
  try {
    render(source, context);
  } catch (error) {
    if (error instanceof TemplateRenderError) return error;
    throw error;
  }
  throw new Error('rendered without an error');
}

describe('nunjucks as Backstage configures it', () => {
  it('renders ${{ }} and leaves {{ }} (GitHub Actions, other templating) as it is', () => {
    expect(render('name: ${{ values.name }}, ci: {{ matrix.os }}', { values: { name: 'web' } })).toBe('name: web, ci: {{ matrix.os }}');
  });

  it('keeps {% %} blocks and does not escape HTML', () => {
    expect(render('{% if values.on %}<b>${{ values.name }}</b>{% endif %}', { values: { on: true, name: 'a & b' } })).toBe('<b>a & b</b>');
  });

  it('renders an undefined value as empty text', () => {
    expect(render('[${{ values.missing }}]', { values: {} })).toBe('[]');
  });

  it('offers Backstage filters in ${{ }}', () => {
    expect(render('${{ values.repoUrl | projectSlug }}', { values: { repoUrl: 'github.com?owner=acme&repo=web' } })).toBe('acme/web');
  });

  it('honours trimBlocks and lstripBlocks', () => {
    const source = 'a\n  {% if true %}\nb\n  {% endif %}\nc';
    expect(createRenderer()(source, {})).toBe('a\n  \nb\n  \nc');
    expect(createRenderer({ trimBlocks: true, lstripBlocks: true })(source, {})).toBe('a\nb\nc');
  });

  it('switches to {{ }}, Jinja compatibility and jsonify in cookiecutterCompat mode', () => {
    const compat = createRenderer({ cookiecutterCompat: true });
    expect(
      compat('{{ cookiecutter.name }} {{ cookiecutter.tags | jsonify }} {{ cookiecutter.tags[0:1] }}', { cookiecutter: { name: 'x', tags: ['a', 'b'] } }),
    ).toBe('x ["a","b"] a');
  });

  it('reports a syntax error with its 1-based line and column', () => {
    const error = renderError('line one\nline two ${{ values.name }');
    expect(error).toMatchObject({ line: 2, column: 26 });
    expect(error.message).toBe('expected variable end');
  });

  it('reports an error raised while rendering with its 1-based line', () => {
    const error = renderError('a\n\n  ${{ values.x.y() }}', { values: {} });
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/Unable to call `values\["x"\]\["y"\]`/);
  });

  it('reports an unknown filter at its first use (nunjucks names no position for it)', () => {
    const error = renderError('# Title\n\nRuns ${{ values.x |  nope }} daily.\n');
    expect(error.message).toBe('filter not found: nope');
    expect([error.line, error.column]).toEqual([3, 22]);
  });

  it('closes the route from a template to Function (Backstage sandboxes nunjucks instead)', () => {
    expect(render('${{ range.constructor }}|${{ values.constructor }}|${{ values["__proto__"] }}', { values: {} })).toBe('||');
    const error = renderError('${{ range.constructor("return 1")() }}');
    expect(error.message).toMatch(/Unable to call/);
    expect(render('${{ cycler.call }}', {})).toBe('');
  });

  it('still calls methods of strings and arrays', () => {
    expect(render('${{ values.name.toUpperCase() }} ${{ values.tags.join("+") }}', { values: { name: 'web', tags: ['a', 'b'] } })).toBe('WEB a+b');
  });
});
