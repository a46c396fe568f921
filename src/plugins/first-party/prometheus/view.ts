/** The Prometheus / Grafana section's view model: alert badge and table, dashboard links, sparklines. */
import type { PluginSectionBody } from '../../api.ts';
import type { MonitoringAlert, PrometheusData } from './index.ts';

const ORDER: Record<MonitoringAlert['state'], number> = { firing: 0, pending: 1, silenced: 2, inactive: 3 };
const STATE: Record<MonitoringAlert['state'], string> = { firing: 'Firing', pending: 'Pending', silenced: 'Silenced', inactive: 'OK' };
const MAX_DASHBOARD_LINKS = 12;
const MAX_ALERT_LINKS = 5;

/** Cut to the view model's limits, marking the cut. */
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** `2025-06-02T06:49:30Z` → `2025-06-02 06:49 UTC`: the time a page reader compares with "as of". */
export function showTime(iso: string | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? clip(iso, 40) : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function renderMonitoring(data: PrometheusData): PluginSectionBody {
  const count = (state: MonitoringAlert['state']) => data.alerts.filter((alert) => alert.state === state).length;
  const [firing, pending, silenced] = [count('firing'), count('pending'), count('silenced')];
  const alerts = [...data.alerts].sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.name.localeCompare(b.name) || a.source.localeCompare(b.source));
  const badge: PluginSectionBody['badge'] = !data.watchesAlerts
    ? { label: 'No alerts watched', tone: 'neutral' }
    : firing > 0
      ? { label: `${firing} firing`, tone: 'bad' }
      : pending > 0
        ? { label: `${pending} pending`, tone: 'warning' }
        : { label: 'No firing alerts', tone: 'good' };
  const alertLinks = alerts
    .filter((alert) => alert.url && alert.state !== 'inactive')
    .slice(0, MAX_ALERT_LINKS)
    .map((alert) => ({ label: clip(`${alert.source === 'Prometheus' ? 'Runbook' : 'Rule'}: ${alert.name}`, 120), url: alert.url ?? '' }));
  return {
    badge,
    facts: [
      ...(data.watchesAlerts
        ? [
            { label: 'Alerts watched', value: String(data.alerts.length) },
            { label: 'Firing', value: String(firing), ...(firing > 0 ? { tone: 'bad' as const } : {}) },
            { label: 'Pending', value: String(pending), ...(pending > 0 ? { tone: 'warning' as const } : {}) },
            ...(silenced > 0 ? [{ label: 'Silenced', value: String(silenced) }] : []),
          ]
        : []),
      ...(data.dashboards.length > 0 ? [{ label: 'Dashboards', value: String(data.dashboards.length) }] : []),
    ],
    tables:
      alerts.length > 0
        ? [
            {
              caption: 'Alerts',
              columns: ['Alert', 'State', 'Severity', 'Active since', 'Summary', 'Source'],
              rows: alerts
                .slice(0, 50)
                .map((alert) => [
                  clip(alert.name, 300),
                  STATE[alert.state],
                  clip(alert.severity ?? '—', 300),
                  showTime(alert.since),
                  clip(alert.summary ?? '', 300),
                  alert.source,
                ]),
            },
          ]
        : [],
    links: [
      ...data.dashboards.slice(0, MAX_DASHBOARD_LINKS).map((d) => ({ label: clip(d.folder ? `${d.title} (${d.folder})` : d.title, 120), url: d.url })),
      ...alertLinks,
      ...data.alertPages,
    ].slice(0, 20),
    sparklines: data.sparklines
      .slice(0, 5)
      .map((s) => ({ label: `${clip(s.label, 80 - s.window.length - 8)} (last ${s.window})`, points: s.points.slice(0, 200) })),
    notices: [
      ...(data.missingRules.length > 0
        ? [
            {
              tone: 'warning' as const,
              text: clip(`Prometheus has no alerting rule named ${data.missingRules.join(', ')}: check \`prometheus.io/alert\`.`, 500),
            },
          ]
        : []),
      ...(data.dashboards.length > MAX_DASHBOARD_LINKS
        ? [{ tone: 'info' as const, text: `Showing ${MAX_DASHBOARD_LINKS} of ${data.dashboards.length} dashboards.` }]
        : []),
      ...data.notices.map((text) => ({ tone: 'info' as const, text: clip(text, 500) })),
    ].slice(0, 10),
  };
}
