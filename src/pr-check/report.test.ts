import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { cell, stepSummary } from './report.ts';

const display = (_repo: string, path: string) => path;
const problem: Diagnostic = { repo: 'r', path: 'catalog-info.yaml', line: 3, column: 5, severity: 'error', rule: 'yaml-syntax', message: 'bad | <b>x</b>' };

describe('stepSummary', () => {
  it('counts errors, warnings and changes, and lists problems with their place', () => {
    const summary = stepSummary(
      [problem],
      [{ type: 'added', ref: 'component:default/a', place: { path: 'catalog-info.yaml', line: 1, column: 1 } }],
      { status: 'skipped', reason: 'offline' },
      display,
    );
    expect(summary).toContain('| 1 | 0 | 1 |');
    expect(summary).toContain('| ❌ error | catalog-info.yaml:3:5 | yaml-syntax | bad &#124; &#60;b&#62;x&#60;/b&#62; |');
    expect(summary).toContain('References to other repos were not checked: offline.');
    expect(summary).toContain('| added | component:default/a | added component:default/a |');
  });
});

describe('cell', () => {
  it('keeps untrusted text inside one cell, as text', () => {
    expect(cell('a|b\n<script>`x`')).toBe('a&#124;b&#92;n&#60;script&#62;&#96;x&#96;');
  });
});
