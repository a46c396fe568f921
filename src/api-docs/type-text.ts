/** Plain-text forms of model pieces, for one-line summaries, titles and tests. */
import type { TypeRef } from './model.ts';

/** `array of Booking`, `[Place!]!`: a type expression without its links. */
export function typeText(ref: TypeRef): string {
  return ref.map((part) => part.text).join('');
}
