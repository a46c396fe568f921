/**
 * Syntax highlighting of a definition's source at build time, with shiki.
 * Colors come as CSS variables for a light and a dark theme
 * (`--shiki-light`, `--shiki-dark`); SourceCode.astro's style picks one with
 * `prefers-color-scheme`, so the page needs no script. One highlighter is
 * created per build and shared by every page.
 */
import { createHighlighter, type Highlighter } from 'shiki';
import type { ApiFormat } from '../../api-docs/index.ts';

export type SourceLanguage = 'yaml' | 'json' | 'graphql' | 'proto' | 'text';

/** Larger sources are shown as plain text: highlighting them costs build time and page weight. */
const MAX_HIGHLIGHT_CHARS = 300_000;

/**
 * GitHub's "default" themes: the only bundled pair whose every token color keeps
 * 4.5:1 contrast (WCAG AA) on the page background (white / #14181d), as axe checks.
 */
const LIGHT_THEME = 'github-light-default';
const DARK_THEME = 'github-dark-default';

let highlighter: Promise<Highlighter> | undefined;

function shared(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [LIGHT_THEME, DARK_THEME], langs: ['yaml', 'json', 'graphql', 'proto'] });
  return highlighter;
}

/** The language of a definition: from its format, or guessed from the text when the format is unknown. */
export function sourceLanguage(format: ApiFormat | 'unknown', text: string): SourceLanguage {
  const start = text.trimStart();
  if (format === 'graphql') return 'graphql';
  if (format === 'grpc') return 'proto';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (format === 'openapi' || format === 'asyncapi') return 'yaml';
  if (/^\s*(syntax|edition)\s*=\s*["']/m.test(text)) return 'proto';
  if (/^[\w"'-]+\s*:(\s|$)/m.test(start)) return 'yaml';
  return 'text';
}

/**
 * The source as shiki's HTML (`<pre class="shiki">…`), or undefined when it is
 * too large or the language is plain text. Shiki escapes the text itself.
 */
export async function highlightSource(text: string, lang: SourceLanguage): Promise<string | undefined> {
  if (lang === 'text' || text.length > MAX_HIGHLIGHT_CHARS) return undefined;
  const shiki = await shared();
  return shiki.codeToHtml(text, {
    lang,
    themes: { light: LIGHT_THEME, dark: DARK_THEME },
    defaultColor: false,
    // Very long lines (minified JSON) are left untokenized rather than slowing the build.
    tokenizeMaxLineLength: 2_000,
    tokenizeTimeLimit: 500,
  });
}
