/**
 * The text of a published JSON file: indented, one value per line, with a final newline, so a
 * line diff of two nightly builds (git, `diff`) names the entities and fields that changed.
 */
export function stableJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An endpoint's response for a published JSON file (a web-standard Response: no Astro here). */
export function jsonFileResponse(value: unknown): Response {
  return new Response(stableJsonText(value), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
