/**
 * Software templates as the /create/ pages read them, looked up once per build (module scope):
 * the gallery's cards in gallery order, the template pages, and the launch data by page.
 */
import { getCollection } from 'astro:content';
import type { TemplateCard, TemplatePage } from '../scaffolder/page-schema.ts';
import type { TemplateLaunchData } from '../scaffolder/schema.ts';

/** Recommended first, then by title (decided in src/scaffolder/gallery.ts). */
export const templateCards: readonly TemplateCard[] = (await getCollection('templateCards')).sort((a, b) => a.id.localeCompare(b.id)).map((e) => e.data);

export const templatePages: readonly TemplatePage[] = (await getCollection('templatePages')).map((e) => e.data);

/** Launch data (template.json) by Template ref. */
export const templateLaunchByRef: ReadonlyMap<string, TemplateLaunchData> = new Map((await getCollection('templateLaunch')).map((e) => [e.data.ref, e.data]));

/** Template ref → its /create/ page path, for links from the catalog's Template pages. */
export const templatePagePathByRef: ReadonlyMap<string, string> = new Map(templatePages.map((p) => [p.ref, p.path]));

/** The distinct values of a card field, sorted, for the gallery's filters. */
export function filterValues(cards: readonly TemplateCard[], pick: (card: TemplateCard) => readonly string[]): string[] {
  return [...new Set(cards.flatMap(pick))].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}
