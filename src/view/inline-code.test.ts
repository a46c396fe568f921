import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './inline-code.ts';

describe('splitInlineCode', () => {
  it('turns `quoted` spans into code parts', () => {
    expect(splitInlineCode('`spec.owner` is required. For example: `owner: team-a`.')).toEqual([
      { code: true, text: 'spec.owner' },
      { code: false, text: ' is required. For example: ' },
      { code: true, text: 'owner: team-a' },
      { code: false, text: '.' },
    ]);
  });
  it('keeps an unpaired backtick as text', () => {
    expect(splitInlineCode('a `b` c ` d')).toEqual([
      { code: false, text: 'a ' },
      { code: true, text: 'b' },
      { code: false, text: ' c ` d' },
    ]);
  });
  it('leaves markup-looking text as text parts (the page escapes it)', () => {
    expect(splitInlineCode('<script>alert(1)</script>')).toEqual([{ code: false, text: '<script>alert(1)</script>' }]);
  });
});
