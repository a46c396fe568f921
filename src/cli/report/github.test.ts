import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { formatGithub } from './github.ts';

const base: Diagnostic = { repo: 'shop', path: 'catalog-info.yaml', line: 12, column: 5, severity: 'error', rule: 'entity-name-format', ref: 'component:default/web', message: 'Bad name.' };
const display = (repo: string, path: string) => (path ? `${repo}/${path}` : repo);
const one = (d: Partial<Diagnostic>) => formatGithub([{ ...base, ...d }], display);

describe('formatGithub', () => {
  it('prints a workflow command with file, line, col and a title of rule and entity', () => {
    expect(one({})).toBe('::error file=shop/catalog-info.yaml,line=12,col=5,title=entity-name-format (component%3Adefault/web)::Bad name.');
  });

  it.each([
    ['error', '::error '],
    ['warning', '::warning '],
    ['info', '::notice '],
  ] as const)('maps severity %s to %s', (severity, prefix) => {
    expect(one({ severity })).toMatch(new RegExp(`^${prefix}`));
  });

  it('escapes %, CR and LF in the message', () => {
    expect(one({ message: '100% wrong\r\nnext line\nlast' })).toMatch(/::100%25 wrong%0D%0Anext line%0Alast$/);
  });

  it('escapes : and , (and %) in properties, so a path cannot end the property list', () => {
    const line = one({ repo: 'a,b', path: 'c:d%.yaml', ref: undefined, rule: 'r' });
    expect(line).toBe('::error file=a%2Cb/c%3Ad%25.yaml,line=12,col=5,title=r::Bad name.');
  });

  it('leaves out line and col when there is no position, and the ref when there is no entity', () => {
    expect(one({ line: 0, column: 0, ref: undefined, path: '', rule: 'repo-no-catalog' })).toBe('::error file=shop,title=repo-no-catalog::Bad name.');
  });

  it('prints one line per diagnostic, and nothing for none', () => {
    expect(formatGithub([base, { ...base, severity: 'warning', message: 'a\nb' }], display).split('\n')).toHaveLength(2);
    expect(formatGithub([], display)).toBe('');
  });
});
