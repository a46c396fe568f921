/**
 * Dates and web URLs from git and GitHub, parsed and checked once, where they
 * enter the snapshot. Git accepts any commit date a committer sets (year
 * 10000, or 3170843), and a clone's remote can name any host, so these are
 * repo content like any other. What passes here can be given to
 * `new Date(x).toISOString()` and `new URL(x)` anywhere downstream without a
 * throw; what fails becomes "unknown", and the caller says so in a diagnostic.
 */
import { logText } from '../diagnostics/log-text.ts';

/** ISO 8601 as git (`%cI`) and GitHub print it: a date, or a date and time with a zone. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * A date between years 0000 and 9999 (after moving to UTC), as `toISOString()`
 * writes it (`2024-02-01T08:00:00.000Z`); undefined for anything else:
 * `10000-01-01T00:00:00Z`, `+010000-01-01`, `2024-13-45`, a time without a zone.
 */
export function parseDate(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zoneMinutes(m[8] ?? 'Z');
  if (offset === undefined) return undefined;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return undefined; // 2023-02-30 rolled over into March
  date.setUTCHours(hour, minute - offset, second, millis);
  const iso = date.toISOString();
  // After the zone is applied, 9999-12-31T23:00-05:00 is year 10000 and 0000-01-01T00:00+01:00 is year -1.
  return /^\d{4}-/.test(iso) ? iso : undefined;
}

function zoneMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(-2));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Whitespace, control characters and `\` (which URL parsing silently turns into `/`) never belong in a web URL as written. */
const BAD_URL_CHARS = /[\s\u0000-\u001f\u007f-\u009f\\]/;
/** A DNS label (with `_`, which some internal hosts use); `new URL` has already lowercased and punycoded it. */
const HOST_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * An `https:` or `http:` URL with a valid host and no credentials, as
 * `new URL(text).href` writes it; undefined for anything else
 * (`https://exa mple.com/x`, `https://[bad/x`, `javascript:…`, `https://token@host/`).
 */
export function parseWebUrl(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length > 2048 || BAD_URL_CHARS.test(text)) return undefined;
  // Written out in full: URL parsing would also make a host of `https:x` and `https:///x`.
  if (!/^https?:\/\/[^/]/i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || !isValidHost(url.hostname)) return undefined;
  return url.href;
}

function isValidHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return hostname.endsWith(']'); // IPv6, already checked by the URL parser
  if (hostname.length === 0 || hostname.length > 253) return false;
  return hostname.split('.').every((label) => HOST_LABEL.test(label));
}

/**
 * A value from repo content or a source, for a message: quoted, escaped by the log escaper (control
 * characters, bidi, line separators, a leading `::`), so it can never forge a log line, and capped.
 */
export function showValue(value: unknown, max = 120): string {
  const raw = String(value);
  // The one log escaper: a message quoting repo content may be printed as it is.
  return `"${logText(raw.length > max ? `${raw.slice(0, max)}…` : raw)}"`;
}
