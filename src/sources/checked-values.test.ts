import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parseWebUrl, showValue } from './checked-values.ts';

describe('parseDate', () => {
  it.each([
    ['2024-05-01T12:30:00Z', '2024-05-01T12:30:00.000Z'], // GitHub
    ['2024-02-01T10:00:00+02:00', '2024-02-01T08:00:00.000Z'], // git %cI
    ['2024-02-01T10:00:00-0130', '2024-02-01T11:30:00.000Z'],
    ['2024-02-01T10:00Z', '2024-02-01T10:00:00.000Z'],
    ['2024-02-01T10:00:00.123456Z', '2024-02-01T10:00:00.123Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'], // not 1950, as Date.UTC would have it
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
    ['9999-12-31T23:00:00+05:00', '9999-12-31T18:00:00.000Z'],
  ])('%j → %j', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    '10000-01-01T00:00:00+00:00', // git, for a commit dated @253402300800
    '3170843-11-07T09:46:39+00:00',
    '+010000-01-01T00:00:00.000Z',
    '-000001-01-01T00:00:00.000Z',
    '9999-12-31T23:00:00-05:00', // year 10000 in UTC
    '0000-01-01T00:00:00+01:00', // year -1 in UTC
    '2024-13-45',
    '2024-02-30',
    '2023-02-29',
    '2024-00-10',
    '2024-01-00',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:60:00Z',
    '2024-01-01T10:00:60Z',
    '2024-01-01T10:00:00+24:00',
    '2024-01-01T10:00:00+01:60',
    '2024-01-01T10:00:00', // no zone: local time, a different date on every machine
    '2024-01-01 10:00:00 +0200',
    ' 2024-01-01',
    '2024-01-01\n',
    'yesterday',
    '',
    '1714566600',
    'NaN',
  ])('%j is no date', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it.each([undefined, null, 20240101, {}, ['2024-01-01']])('%j (not a string) is no date', (value) => {
    expect(parseDate(value)).toBeUndefined();
  });

  it('never throws, and what it accepts survives new Date(x).toISOString() unchanged (fast-check)', () => {
    const isoLike = fc
      .tuple(
        fc.integer({ min: -5, max: 12000 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        fc.integer({ min: -1, max: 25 }),
        fc.integer({ min: -1, max: 61 }),
        fc.constantFrom('Z', '+00:00', '-05:00', '+14:00', '+23:59', '-2400', ''),
      )
      .map(
        ([y, mo, d, h, mi, zone]) =>
          `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00${zone}`,
      );
    fc.assert(
      fc.property(
        fc.oneof(
          isoLike,
          fc.string(),
          fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid' : d.toISOString())),
        ),
        (text) => {
          const parsed = parseDate(text);
          if (parsed === undefined) return;
          expect(new Date(parsed).toISOString()).toBe(parsed);
          expect(parseDate(parsed)).toBe(parsed);
          expect(parsed).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('accepts every valid date in range, whatever the zone (fast-check)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }), (date) => {
        expect(parseDate(date.toISOString())).toBe(date.toISOString());
      }),
    );
  });
});

describe('parseWebUrl', () => {
  it.each([
    ['https://github.com/acme/pay', 'https://github.com/acme/pay'],
    ['http://ghe.example.com:8080/acme/pay', 'http://ghe.example.com:8080/acme/pay'],
    ['https://GitHub.com/acme', 'https://github.com/acme'],
    ['https://avatars.githubusercontent.com/u/1?v=4', 'https://avatars.githubusercontent.com/u/1?v=4'],
    ['https://github.com', 'https://github.com/'],
    ['https://[::1]/x', 'https://[::1]/x'],
    ['https://127.0.0.1/x', 'https://127.0.0.1/x'],
    ['https://bücher.example/x', 'https://xn--bcher-kva.example/x'],
    ['https://internal_host.corp/x', 'https://internal_host.corp/x'],
  ])('%j → %j', (text, url) => {
    expect(parseWebUrl(text)).toBe(url);
  });

  it.each([
    'https://exa mple.com/org/repo',
    'https://[bad/x',
    'git@:org/repo',
    'git@github.com:acme/pay.git',
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'ssh://git@github.com/acme/pay',
    'ftp://example.com/x',
    'https://user:token@github.com/acme',
    'https://token@github.com/acme',
    'https://github.com/acme\n',
    'https://github.com/\u0000',
    'https://github.com\\@evil.com/',
    'https://a..b/x',
    'https://-bad-.com/x',
    'https://a$b.com/x',
    'https://example.com./x',
    'https:///x',
    'https://',
    '/acme/pay',
    'github.com/acme',
    '',
    `https://x.com/${'a'.repeat(3000)}`,
  ])('%j is no web URL', (text) => {
    expect(parseWebUrl(text)).toBeUndefined();
  });

  it('never throws, and what it accepts is http(s) with a host, no credentials, and survives new URL(x) unchanged (fast-check)', () => {
    const urlish = fc.oneof(
      fc.webUrl({ withFragments: true, withQueryParameters: true, authoritySettings: { withUserInfo: true, withPort: true, withIPv4: true, withIPv6: true } }),
      fc
        .tuple(fc.constantFrom('https://', 'http://', 'ssh://', 'javascript:', 'https://user@', ''), fc.string(), fc.constantFrom('', '/', '/x?y#z'))
        .map((parts) => parts.join('')),
      fc.string(),
    );
    fc.assert(
      fc.property(urlish, (text) => {
        const parsed = parseWebUrl(text);
        if (parsed === undefined) return;
        const url = new URL(parsed);
        expect(url.href).toBe(parsed);
        expect(['https:', 'http:']).toContain(url.protocol);
        expect(url.hostname).not.toBe('');
        expect(url.username + url.password).toBe('');
        expect(parseWebUrl(parsed)).toBe(parsed);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('showValue', () => {
  it('quotes, escapes every control character (C1 and line separators too) and caps', () => {
    expect(showValue('::error::x\n\u001b[31m\u009b\u2028')).toBe('"：:error::x\\n\\x1b[31m\\x9b\\u2028"');
    expect(showValue('a'.repeat(200), 10)).toBe(`"${'a'.repeat(10)}…"`);
  });
});
