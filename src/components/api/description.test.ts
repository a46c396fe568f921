import { describe, expect, test } from 'vitest';
import { describeText } from './description.ts';

describe('describeText', () => {
  test('paragraphs with code, strong, emphasis and safe links', () => {
    expect(
      describeText('A booking is made from an **offer** (`offerId`), see the *Booking events* API.\nSecond line.\n\nSee [docs](https://example.com/x).'),
    ).toEqual([
      {
        kind: 'p',
        inlines: [
          { kind: 'text', text: 'A booking is made from an ' },
          { kind: 'strong', text: 'offer' },
          { kind: 'text', text: ' (' },
          { kind: 'code', text: 'offerId' },
          { kind: 'text', text: '), see the ' },
          { kind: 'em', text: 'Booking events' },
          { kind: 'text', text: ' API.\nSecond line.' },
        ],
      },
      {
        kind: 'p',
        inlines: [
          { kind: 'text', text: 'See ' },
          { kind: 'link', text: 'docs', href: 'https://example.com/x' },
          { kind: 'text', text: '.' },
        ],
      },
    ]);
  });

  test('bullet lists, with continuation lines, and fenced code', () => {
    expect(describeText('Intro:\n- `a`: first\n  continued\n* second\n\n```json\n{"a": 1}\n```\nAfter')).toEqual([
      { kind: 'p', inlines: [{ kind: 'text', text: 'Intro:' }] },
      {
        kind: 'ul',
        items: [
          [
            { kind: 'code', text: 'a' },
            { kind: 'text', text: ': first\ncontinued' },
          ],
          [{ kind: 'text', text: 'second' }],
        ],
      },
      { kind: 'pre', text: '{"a": 1}' },
      { kind: 'p', inlines: [{ kind: 'text', text: 'After' }] },
    ]);
  });

  test('javascript: and relative links stay text; snake_case is not emphasis; HTML is text', () => {
    expect(describeText('[x](javascript:alert(1)) and [y](/rel) and payment_method_id <b>hi</b>')).toEqual([
      { kind: 'p', inlines: [{ kind: 'text', text: '[x](javascript:alert(1)) and [y](/rel) and payment_method_id <b>hi</b>' }] },
    ]);
  });
});
