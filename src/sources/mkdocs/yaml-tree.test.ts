import { describe, expect, test } from 'vitest';
import { entryOf, parseYamlTree, stringOf, type Located } from './yaml-tree.ts';

const plain = (node: Located | undefined): unknown => {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
};

describe('parseYamlTree', () => {
  test('keeps Python and MkDocs tags opaque instead of failing', () => {
    const { root, problem } = parseYamlTree(
      [
        'markdown_extensions:',
        '  - pymdownx.emoji:',
        '      emoji_generator: !!python/name:pymdownx.emoji.to_svg',
        '  - toc:',
        '      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}',
        'site_name: !ENV [NAME, fallback]',
        'x: !relative $config_dir/x',
      ].join('\n'),
      'mkdocs.yml',
    );
    expect(problem).toBeUndefined();
    const extensions = entryOf(root, 'markdown_extensions')!.value as Extract<Located, { kind: 'seq' }>;
    const generator = entryOf(entryOf(extensions.items[0], 'pymdownx.emoji')!.value, 'emoji_generator')!.value;
    expect(generator.tag).toBe('tag:yaml.org,2002:python/name:pymdownx.emoji.to_svg');
    expect(stringOf(generator)).toBeUndefined();
    expect(entryOf(entryOf(extensions.items[1], 'toc')!.value, 'slugify')!.value.tag).toMatch(/pymdownx\.slugs\.slugify$/);
    expect(entryOf(root, 'site_name')!.value.tag).toBe('!ENV');
    expect(entryOf(root, 'x')!.value.tag).toBe('!relative');
  });

  test('reads YAML 1.1 like PyYAML: yes/no booleans, merge keys, last duplicate wins in first place', () => {
    const { root } = parseYamlTree('a: no\nbase: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\nd: 1\ne: 0\nd: 2\n', 'f.yml');
    expect(plain(root)).toEqual({ a: false, base: { x: 1, y: 2 }, m: { y: 3, x: 1 }, d: 2, e: 0 });
    expect((root as Extract<Located, { kind: 'map' }>).entries.map((e) => e.key)).toEqual(['a', 'base', 'm', 'd', 'e']);
  });

  test('resolves plain scalars with PyYAML’s rules, not the broader YAML 1.1 schema', () => {
    const { root } = parseYamlTree('a: y\nb: .\nc: 1e5\nd: 1.5e+3\ne: 017\nf: 0x1F\ng: on\nyes: 1\n', 'f.yml');
    expect(plain(root)).toEqual({ a: 'y', b: '.', c: '1e5', d: 1500, e: 15, f: 31, g: true, True: 1 });
  });

  test('places nodes at 1-based lines and columns', () => {
    const { root } = parseYamlTree('site_name: x\nnav:\n  - index.md\n', 'mkdocs.yml');
    const nav = entryOf(root, 'nav')!.value as Extract<Located, { kind: 'seq' }>;
    expect(nav.items[0]!.at).toEqual({ path: 'mkdocs.yml', line: 3, column: 5 });
  });

  test('reports a syntax error with its position', () => {
    const { root, problem } = parseYamlTree('site_name: x\nnav: [a, b\n', 'mkdocs.yml');
    expect(root).toBeUndefined();
    expect(problem?.kind).toBe('syntax');
    expect(problem?.at.line).toBeGreaterThanOrEqual(2);
  });

  test('stops a billion-laughs document instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const { problem } = parseYamlTree(lines.join('\n'), 'bomb.yml');
    expect(problem?.kind).toBe('limit');
  });

  test('stops at a nesting depth limit', () => {
    const { problem } = parseYamlTree(`nav: ${'['.repeat(300)}${']'.repeat(300)}`, 'deep.yml');
    expect(problem).toBeDefined();
  });
});
