/**
 * The changelog as an Atom feed (RFC 4287), so a team can follow the catalog's changes in a feed
 * reader. Ids are `urn:uuid:`s derived from the feed's identity and each build's time, so they
 * never change, even when the site moves. Links are absolute when the site's URL is known, else
 * absolute paths under the base, which readers resolve against the feed's own URL.
 */
import { nameBasedUuid } from '../static-api/index.ts';
import type { Changelog, ChangelogEntry, ChangedEntitySummary } from './schema.ts';

export interface FeedOptions {
  /** The portal's title. */
  title: string;
  /** Names the feed (its id): the org. */
  org: string;
  /** URL of the /changelog/ page and of the feed (absolute, or an absolute path under the base). */
  pageUrl: string;
  feedUrl: string;
  /** URL of an entity's page, when it still has one. */
  entityUrl: (ref: string) => string | undefined;
}

export function atomFeed(changelog: Changelog, options: FeedOptions): string {
  const feedId = `urn:uuid:${nameBasedUuid(`frontdoor-changelog:${options.org}`)}`;
  const updated = changelog.entries[0]?.generatedAt ?? changelog.generatedAt;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${feedId}</id>`,
    `  <title>${xml(`${options.title}: catalog changes`)}</title>`,
    `  <subtitle>Entities added, removed and changed in the catalog, build by build.</subtitle>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <author><name>${xml(options.title)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(options.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(options.pageUrl)}"/>`,
    `  <generator>Frontdoor</generator>`,
    ...changelog.entries.flatMap((entry) => entryLines(entry, feedId, options)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/** The anchor of an entry on the /changelog/ page: `build-20250102T031700Z`. */
export function entryAnchor(entry: Pick<ChangelogEntry, 'generatedAt'>): string {
  return `build-${entry.generatedAt.replace(/[-:]|\.\d+/g, '')}`;
}

/** "3 added, 1 removed, 2 changed" (only the kinds of change that happened). */
export function changeSummary(entry: Pick<ChangelogEntry, 'counts'>): string {
  const { added, removed, changed } = entry.counts;
  const parts = [added && `${added} added`, removed && `${removed} removed`, changed && `${changed} changed`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

function entryLines(entry: ChangelogEntry, feedId: string, options: FeedOptions): string[] {
  const link = `${options.pageUrl}#${entryAnchor(entry)}`;
  return [
    '  <entry>',
    `    <id>urn:uuid:${nameBasedUuid(`${feedId}#${entry.generatedAt}`)}</id>`,
    `    <title>${xml(`Catalog: ${changeSummary(entry)}`)}</title>`,
    `    <updated>${xml(entry.generatedAt)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
    `    <content type="html">${xml(entryHtml(entry, options))}</content>`,
    '  </entry>',
  ];
}

/** The entry's lists as HTML (then escaped once more as the element's text, as type="html" requires). */
function entryHtml(entry: ChangelogEntry, options: FeedOptions): string {
  const item = (e: ChangedEntitySummary, extra = '') => {
    const url = options.entityUrl(e.ref);
    const name = html(e.title ? `${e.title} (${e.ref})` : e.ref);
    return `<li>${url ? `<a href="${html(url)}">${name}</a>` : name}${extra}</li>`;
  };
  const section = (heading: string, count: number, items: string[]) =>
    count === 0 ? '' : `<h3>${heading} (${count})</h3><ul>${items.join('')}${count > items.length ? `<li>and ${count - items.length} more</li>` : ''}</ul>`;
  return [
    section(
      'Added',
      entry.counts.added,
      entry.added.map((e) => item(e)),
    ),
    section(
      'Removed',
      entry.counts.removed,
      entry.removed.map((e) => item(e)),
    ),
    section(
      'Changed',
      entry.counts.changed,
      entry.changed.map((e) => item(e, `: ${html(e.changes.map((c) => c.field).join(', '))}`)),
    ),
  ].join('');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Text for XML: markup escaped, and characters XML 1.0 forbids (control characters from repo content) dropped. */
function xml(text: string): string {
  return html(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}
