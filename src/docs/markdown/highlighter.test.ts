import { describe, expect, it } from 'vitest';
import { loadLanguages, tokenize } from './highlighter.ts';

const python = [
  'x = 1',
  ...Array.from({ length: 8 }, (_, i) => `y${i} = f(${i})`),
  'doc = """',
  ...Array.from({ length: 40 }, (_, i) => `still a string ${i}`),
  '"""',
  'def g(): pass',
].join('\n');

describe('tokenize', () => {
  it('carries the grammar state from one chunk of lines to the next', async () => {
    await loadLanguages(['python']);
    const lines = tokenize(python, 'python')!;
    expect(lines).toHaveLength(python.split('\n').length);
    // Line 40 is deep inside the docstring, chunks away from where it opened.
    expect(lines[40]!.map((t) => t.className)).toEqual(['s']);
    expect(lines[lines.length - 1]!.find((t) => t.content === 'def')?.className).toBe('kd');
  });

  it('lets the checkpoint stop it between chunks, and the next call is unaffected', async () => {
    await loadLanguages(['python']);
    const before = tokenize(python, 'python');
    let calls = 0;
    const stop = new Error('out of time');
    expect(() =>
      tokenize(python, 'python', () => {
        if (++calls === 2) throw stop;
      }),
    ).toThrow(stop);
    expect(tokenize(python, 'python')).toEqual(before);
  });
});
