import { describe, expect, test } from 'vitest';
import { component } from '../../test/support/backstage-entities.ts';
import { atomFeed, changeSummary, entryAnchor, type FeedOptions } from './atom-feed.ts';
import { nextChangelog } from './history.ts';

const options: FeedOptions = {
  title: 'Acme <Portal>',
  org: 'acme',
  pageUrl: 'https://acme.github.io/portal/changelog/',
  feedUrl: 'https://acme.github.io/portal/changelog/feed.xml',
  entityUrl: (ref) => (ref === 'component:default/new' ? 'https://acme.github.io/portal/catalog/default/component/new/' : undefined),
};
const first = nextChangelog({ current: [component('old')], generatedAt: '2025-01-01T03:17:00.000Z' });
const changelog = nextChangelog({
  current: [component('new', { metadata: { title: 'New & <shiny>\u0007' } }), component('kept', { spec: { owner: 'team-b' } })],
  previous: { source: 'site', entities: [component('old'), component('kept')], changelog: first },
  generatedAt: '2025-01-02T03:17:00.000Z',
});

/** Well-formed XML, as far as this feed goes: every tag closed in order, no raw `<` or `&` in text, no control characters. */
function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>\n/, '');
  for (const [, text = '', tag = ''] of body.matchAll(/([^<]*)(<[^>]*>)?/g)) {
    if (/&(?!(amp|lt|gt|quot|#39);)/.test(text)) problems.push(`raw & in ${JSON.stringify(text)}`);
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) problems.push(`control character in ${JSON.stringify(text)}`);
    if (!tag) continue;
    const name = /^<\/?([\w:]+)/.exec(tag)?.[1] ?? '';
    if (tag.startsWith('</')) {
      if (stack.pop() !== name) problems.push(`unexpected ${tag}`);
    } else if (!tag.endsWith('/>')) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}

describe('atomFeed', () => {
  const xml = atomFeed(changelog, options);

  test('is well-formed Atom with the elements RFC 4287 requires: id, title, updated, author, entries with links', () => {
    expect(wellFormedProblems(xml)).toEqual([]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(xml).toMatch(/<id>urn:uuid:[0-9a-f-]{36}<\/id>/);
    expect(xml).toContain('<title>Acme &lt;Portal&gt;: catalog changes</title>');
    expect(xml).toContain('<updated>2025-01-02T03:17:00.000Z</updated>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://acme.github.io/portal/changelog/feed.xml"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://acme.github.io/portal/changelog/#build-20250102T031700Z"/>');
    expect(xml).toContain('<title>Catalog: 1 added, 1 removed, 1 changed</title>');
  });

  test('repo content is escaped twice in the HTML content (once as HTML, once as XML text), control characters dropped', () => {
    expect(xml).toContain('New &amp;amp; &amp;lt;shiny&amp;gt;');
    expect(xml).toContain('&lt;a href=&quot;https://acme.github.io/portal/catalog/default/component/new/&quot;&gt;');
    expect(xml).not.toContain('\u0007');
  });

  test('entry ids never change: the same build gives the same id', () => {
    const id = (text: string) => /<entry>\s*<id>([^<]+)<\/id>/.exec(text)?.[1];
    expect(id(atomFeed(changelog, { ...options, pageUrl: '/portal/changelog/' }))).toBe(id(xml));
  });

  test('no entries yet: a valid feed updated at the build time', () => {
    const empty = atomFeed(first, options);
    expect(wellFormedProblems(empty)).toEqual([]);
    expect(empty).toContain('<updated>2025-01-01T03:17:00.000Z</updated>');
    expect(empty).not.toContain('<entry>');
  });
});

describe('helpers', () => {
  test('changeSummary names only what happened; entryAnchor is a valid id', () => {
    expect(changeSummary({ counts: { added: 2, removed: 0, changed: 1, before: 3, after: 5 } })).toBe('2 added, 1 changed');
    expect(entryAnchor({ generatedAt: '2025-01-02T03:17:00.123Z' })).toBe('build-20250102T031700Z');
  });
});
