/**
 * What a plugin's entity-page section may show: a constrained view model, not HTML. One generic
 * component (src/components/plugins/PluginSection.astro) renders every plugin's sections, and
 * Astro escapes every value, so a plugin (first-party or local) can add facts, tables, links and
 * sparklines but never markup or script. Links are http(s) only, checked like catalog links.
 */
import { z } from 'zod';

/** Text from a service: kept to a size a page can show. */
const text = (max: number) => z.string().max(max);

/** An absolute http(s) URL; anything else (javascript:, data:, relative paths) is refused. */
export const HttpUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => isHttpUrl(value), { error: 'an absolute http(s) URL' });

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export const ToneSchema = z.enum(['good', 'warning', 'bad', 'neutral']);
export type Tone = z.infer<typeof ToneSchema>;

/** What a plugin's `render` returns for one section of one entity. */
export const PluginSectionBodySchema = z.strictObject({
  /** The headline status: "Passed", "Failed", "3 open incidents". */
  badge: z.strictObject({ label: text(60), tone: ToneSchema }).optional(),
  /** Key-value facts, in order: Coverage → 81.2%. */
  facts: z
    .array(z.strictObject({ label: text(80), value: text(200), tone: ToneSchema.optional() }))
    .max(30)
    .default([]),
  /** Tables of text cells; every row has one cell per column. */
  tables: z
    .array(
      z
        .strictObject({ caption: text(120), columns: z.array(text(80)).min(1).max(8), rows: z.array(z.array(text(300))).max(50) })
        .refine((t) => t.rows.every((row) => row.length === t.columns.length), { error: 'every row must have one cell per column' }),
    )
    .max(5)
    .default([]),
  links: z
    .array(z.strictObject({ label: text(120), url: HttpUrlSchema }))
    .max(20)
    .default([]),
  /** Small trends drawn as inline SVG at build time (no JavaScript). */
  sparklines: z
    .array(z.strictObject({ label: text(80), points: z.array(z.number().finite()).min(2).max(200), unit: text(20).optional() }))
    .max(5)
    .default([]),
  notices: z
    .array(z.strictObject({ tone: z.enum(['info', 'warning']), text: text(500) }))
    .max(10)
    .default([]),
});
export type PluginSectionBody = z.input<typeof PluginSectionBodySchema>;

/**
 * How fresh a section's data is: read this build (`fresh`), the last good data after a failed
 * read (`stale`, shown as "data from <time>"), none at all (`unavailable`, with the reason), or
 * recorded responses replayed in demo mode (`demo`, labelled "demo data": not the service's).
 */
export const FreshnessSchema = z.enum(['fresh', 'stale', 'unavailable', 'demo']);

/** One section as PortalData carries it on an entity (`EntityRecord.plugins`). */
export const PluginSectionViewSchema = PluginSectionBodySchema.extend({
  /** `plugin:<plugin name>:<section id>`, the entity-page section registry's id. */
  id: z.string().regex(/^plugin:[a-z0-9-]+:[a-z0-9-]+$/),
  /** The section's heading. */
  title: text(120),
  /** The plugin's display name ("SonarQube"). */
  pluginTitle: text(80),
  freshness: FreshnessSchema,
  /** When the data shown was read (ISO time); absent when unavailable. */
  asOf: z.iso.datetime().optional(),
  /** Why the latest read failed (stale or unavailable). */
  reason: text(500).optional(),
});
export type PluginSectionView = z.infer<typeof PluginSectionViewSchema>;
