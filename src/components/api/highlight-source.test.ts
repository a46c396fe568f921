import { describe, expect, test } from 'vitest';
import { highlightSource, sourceLanguage } from './highlight-source.ts';

describe('sourceLanguage', () => {
  test('follows the format, and tells JSON from YAML', () => {
    expect(sourceLanguage('openapi', 'openapi: 3.0.0')).toBe('yaml');
    expect(sourceLanguage('openapi', '  {"openapi": "3.0.0"}')).toBe('json');
    expect(sourceLanguage('graphql', 'type Query { a: Int }')).toBe('graphql');
    expect(sourceLanguage('grpc', 'syntax = "proto3";')).toBe('proto');
  });

  test('guesses for unknown formats', () => {
    expect(sourceLanguage('unknown', 'syntax = "proto3";\nmessage A {}')).toBe('proto');
    expect(sourceLanguage('unknown', 'name: x\nitems: []')).toBe('yaml');
    expect(sourceLanguage('unknown', 'just some words')).toBe('text');
  });
});

describe('highlightSource', () => {
  test('escapes the source and colors it with light and dark CSS variables', async () => {
    const html = await highlightSource('description: "<script>alert(1)</script>"\n', 'yaml');
    expect(html).toMatch(/^<pre class="shiki shiki-themes github-light-default github-dark-default"/);
    expect(html).toContain('--shiki-light:');
    expect(html).toContain('--shiki-dark:');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;script>');
  });

  test('leaves plain text and huge sources to the caller', async () => {
    expect(await highlightSource('anything', 'text')).toBeUndefined();
    expect(await highlightSource('a: b\n'.repeat(100_000), 'yaml')).toBeUndefined();
  });
});
