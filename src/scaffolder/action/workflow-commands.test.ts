import { describe, expect, it } from 'vitest';
import { errorCommand, escapeData, escapeProperty } from './workflow-commands.ts';

describe('workflow commands', () => {
  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext');
    expect(escapeProperty('a: b, c%')).toBe('a%3A b%2C c%25');
  });

  it('annotates a problem on its file, line and column', () => {
    expect(errorCommand({ file: 'skeleton/a,b.yaml', line: 3, column: 7, step: 'fetch', message: 'unexpected token: %}\n::add-mask::x', fix: 'Fix it.' })).toBe(
      '::error file=skeleton/a%2Cb.yaml,line=3,col=7,title=step fetch::unexpected token: %25}%0A::add-mask::x (Fix it.)',
    );
    expect(errorCommand({ message: 'no template.yaml' })).toBe('::error::no template.yaml');
  });
});
