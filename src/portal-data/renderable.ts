/**
 * A record is only published when the site can render it: it must pass the
 * schema the content loader parses PortalData with (one bad record there fails
 * the whole Astro build), and every date and URL in it must survive what pages
 * do with them (`new Date(x).toISOString()` throws a RangeError past year
 * 9999, `new URL(x)` a TypeError on a bad host). The source checks these where
 * they enter the snapshot; this is the last gate, per entity, so anything that
 * slips through costs one page, with a diagnostic, never the build.
 */
import { z } from 'zod';
import { RepoRecordSchema, type RepoRecord } from './schema.ts';
import { EntityRecordSchema, type EntityRecord } from '../entity-record/schema.ts';

export class NotRenderableError extends Error {
  override name = 'NotRenderableError';
}

/** Throws a NotRenderableError that names the field, when the site could not render `record`. */
export function assertRenderableEntity(record: EntityRecord): void {
  assertSchema(EntityRecordSchema, record);
  const { repo, source, origin } = record;
  assertDates({ 'repo.lastCommit.date': repo?.lastCommit?.date, 'repo.staleSince': repo?.staleSince });
  assertUrls({
    'repo.url': repo?.url,
    'source.repoUrl': source.repoUrl,
    'source.fileUrl': source.fileUrl,
    'source.editUrl': source.editUrl,
    'origin.url': origin?.url,
    'origin.registerUrl': origin?.registerUrl,
  });
}

export function assertRenderableRepo(record: RepoRecord): void {
  assertSchema(RepoRecordSchema, record);
  assertDates({ 'head.date': record.head?.date });
  assertUrls({ url: record.url });
}

function assertSchema(schema: z.ZodType, record: unknown): void {
  const parsed = schema.safeParse(record);
  if (!parsed.success)
    throw new NotRenderableError(`its page data does not match the site's schema: ${z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; ')}`);
}

function assertDates(fields: Record<string, string | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const time = new Date(value).getTime();
    // toISOString() throws beyond ±275760 years, and pages print 4-digit years only.
    if (Number.isNaN(time) || !/^\d{4}-/.test(new Date(time).toISOString()))
      throw new NotRenderableError(`\`${field}\` is ${JSON.stringify(value)}, not a date between years 0000 and 9999`);
  }
}

function assertUrls(fields: Record<string, string | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!URL.canParse(value)) throw new NotRenderableError(`\`${field}\` is ${JSON.stringify(value)}, not a URL`);
  }
}
