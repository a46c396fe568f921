import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { logTextKeepingNewlines } from '../../diagnostics/log-text.ts';
import { formatGithub } from './github.ts';

const base: Diagnostic = {
  repo: 'shop',
  path: 'catalog-info.yaml',
  line: 12,
  column: 5,
  severity: 'error',
  rule: 'entity-name-format',
  ref: 'component:default/web',
  message: 'Bad name.',
};
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

describe('formatGithub cannot be broken by what a repo writes', () => {
  const text = fc.string({
    unit: fc.oneof(
      fc.constantFrom(':', ':', ',', '%', '#', '[', '\n', '\r', '\u001b', '\u2028', '\u202e', ' ', 'x'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 30,
  });
  /** How the runner reads a command: `::name props::data`, the first `::` after the props ending them. */
  const COMMAND = /^::(error|warning|notice) ([^:\r\n]*)::(.*)$/;
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

  it('prints exactly one command per diagnostic, whose data is the escaped message and nothing else (property)', () => {
    fc.assert(
      fc.property(text, text, text, text, (message, repo, path, ref) => {
        const out = formatGithub([{ ...base, message, repo, path, ref }], display);
        const lines = out.split(/\r\n|[\r\n\u2028\u2029]/);
        const parsed = COMMAND.exec(out);
        return (
          lines.length === 1 &&
          parsed !== null &&
          parsed[1] === 'error' &&
          !out.includes('##[') &&
          !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(out) &&
          unescapeData(parsed[3]!) === logTextKeepingNewlines(message)
        );
      }),
    );
  });

  it('keeps a message that is itself a workflow command inside the data', () => {
    const line = one({ message: '::add-mask::secret\n::stop-commands::x\n##[error]y' });
    expect(line).toBe(
      '::error file=shop/catalog-info.yaml,line=12,col=5,title=entity-name-format (component%3Adefault/web)::\uff1a:add-mask::secret%0A\uff1a:stop-commands::x%0A##\uff3berror]y',
    );
    expect(line.split('\n')).toHaveLength(1);
  });
});
