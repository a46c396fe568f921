/** The docs Markdown renderer; see `render-markdown.ts`. */
export { renderMarkdown } from './render-markdown.ts';
export type * from './types.ts';
