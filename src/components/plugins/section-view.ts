/**
 * What PluginSection.astro shows besides the plugin's own view model, computed outside the
 * component so it runs in unit tests: the freshness line ("data from <time>", "unavailable: …"),
 * the badge's class, the links that may become hrefs, and each sparkline's SVG path.
 */
import type { PluginSectionView, Tone } from '../../entity-record/plugin-section.ts';
import { isHttpUrl } from '../../entity-record/plugin-section.ts';

export interface FreshnessLine {
  tone: 'info' | 'warning';
  text: string;
}

/** "As of <time>" for fresh data, "Data from <time> …" after a failed read, "Unavailable: …" without data, "Demo data: …" in demo mode. */
export function freshnessLine(view: Pick<PluginSectionView, 'freshness' | 'asOf' | 'reason' | 'pluginTitle'>): FreshnessLine {
  const when = view.asOf ? shownTime(view.asOf) : undefined;
  switch (view.freshness) {
    case 'fresh':
      return { tone: 'info', text: `Read from ${view.pluginTitle} at build time, ${when ?? 'time unknown'}.` };
    case 'stale':
      return { tone: 'warning', text: `Data from ${when ?? 'an earlier build'}: the latest read failed (${view.reason ?? 'no reason given'}).` };
    case 'unavailable':
      return { tone: 'warning', text: `Unavailable: ${view.reason ?? 'no data'}.` };
    case 'demo':
      return { tone: 'info', text: `Demo data: recorded ${view.pluginTitle} responses replayed at build time, not read from a live service.` };
  }
}

/** `2025-05-01 06:00 UTC`: builds run anywhere, so times are UTC. */
export function shownTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const badgeClass: Record<Tone, string> = { good: 'badge-lifecycle', warning: 'badge-warning', bad: 'badge-error', neutral: 'badge-info' };

/** Links that may become hrefs (the schema already refused the rest; checked again where the href is made). */
export function safeLinks(view: Pick<PluginSectionView, 'links'>): { label: string; url: string }[] {
  return view.links.filter((link) => isHttpUrl(link.url));
}

export const SPARKLINE = { width: 120, height: 28 } as const;

/** The polyline points of a sparkline in a SPARKLINE-sized box (a flat series is drawn mid-height). */
export function sparklinePoints(values: readonly number[]): string {
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = 2;
  const h = SPARKLINE.height - pad * 2;
  const x = (i: number) => (i * SPARKLINE.width) / (values.length - 1);
  const y = (v: number) => (max === min ? SPARKLINE.height / 2 : pad + h - ((v - min) / (max - min)) * h);
  return values.map((v, i) => `${round(x(i))},${round(y(v))}`).join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;
