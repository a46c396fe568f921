import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { formatPretty, summaryLine } from './pretty.ts';

// Colour depends on the terminal; compare plain text.
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const display = (repo: string, path: string) => (path ? `${repo}/${path}` : repo);

const d = (path: string, line: number, severity: Diagnostic['severity'], rule: string, repo = 'shop'): Diagnostic => ({
  repo,
  path,
  line,
  column: 3,
  severity,
  rule,
  message: `${rule} message`,
});

describe('formatPretty', () => {
  it('prints each file once, with its diagnostics indented under it and a blank line between files', () => {
    const out = plain(formatPretty([d('a.yaml', 2, 'error', 'r1'), d('a.yaml', 9, 'warning', 'r2'), d('b.yaml', 1, 'info', 'r3')], display));
    expect(out.split('\n')).toEqual([
      'shop/a.yaml',
      '  2:3     error   r1 message r1',
      '  9:3     warning r2 message r2',
      '',
      'shop/b.yaml',
      '  1:3     info    r3 message r3',
    ]);
  });

  it('leaves the position blank when there is none, and names configuration problems', () => {
    const out = plain(formatPretty([d('', 0, 'error', 'location-depth', '')], display)).split('\n');
    expect(out[0]).toBe('(configuration)');
    expect(out[1]).toMatch(/^\s+error\s+location-depth message location-depth$/);
  });

  it('stops at the limit and says how many more there are, and where to see them', () => {
    const many = Array.from({ length: 5 }, (_, i) => d('a.yaml', i + 1, 'warning', `r${i}`));
    const out = plain(formatPretty(many, display, { limit: 2 }));
    expect(out.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(2);
    expect(out).toMatch(/… and 3 more .*diagnostics page/);
  });
});

describe('summaryLine', () => {
  it('counts errors and warnings, the files they are in (not info), entities and documents', () => {
    const line = plain(
      summaryLine([d('a.yaml', 1, 'error', 'x'), d('a.yaml', 2, 'warning', 'y'), d('b.yaml', 1, 'warning', 'z'), d('c.yaml', 0, 'info', 'i')], 3, 4),
    );
    expect(line).toBe('✖ 1 error, 2 warnings in 2 files (3 entities from 4 documents)');
  });

  it('marks a clean run with ✔ and uses singulars', () => {
    expect(plain(summaryLine([], 1, 1))).toBe('✔ 0 errors, 0 warnings (1 entity from 1 document)');
  });
});

describe('formatPretty with hostile values', () => {
  it('keeps each diagnostic on one line, escapes control characters, and starts no line with ::', () => {
    const hostile: Diagnostic = {
      repo: 'evil',
      path: '::error::file\u001b[2J',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'r',
      message: 'a\n::add-mask::x\r\u202eb',
    };
    const out = formatPretty([hostile], (_, path) => path);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).not.toMatch(/[\u001b\r\u202e]/);
    expect(out.split('\n').every((l) => !/^\s*::/.test(l))).toBe(true);
    expect(out).toContain('a\\n::add-mask::x\\r\\u202eb');
  });
});
