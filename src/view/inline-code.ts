/**
 * Diagnostic messages mark fields and values with `backticks`. Split them into
 * text and code parts so pages render <code> without ever treating repo
 * content as HTML (Astro escapes each part).
 */
export interface MessagePart {
  code: boolean;
  text: string;
}

export function splitInlineCode(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const pieces = message.split('`');
  // An odd number of backticks leaves the last one unpaired: keep it as text.
  const paired = pieces.length % 2 === 1 ? pieces : [...pieces.slice(0, -2), `${pieces[pieces.length - 2]}\`${pieces[pieces.length - 1]}`];
  paired.forEach((text, i) => {
    if (text !== '') parts.push({ code: i % 2 === 1, text });
  });
  return parts;
}
