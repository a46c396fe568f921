/**
 * The PagerDuty section's view model: a badge for the open incidents, the service, its escalation
 * policy and who is on call (stamped with the time it was read), the open incidents, and links.
 */
import type { PluginSectionBody } from '../../api.ts';
import type { PagerdutyData, PagerdutyServiceData } from './index.ts';

type Badge = NonNullable<PluginSectionBody['badge']>;

/** Incidents listed in the table (and linked); the badge counts them all. */
const SHOWN_INCIDENTS = 10;

/** `2025-06-03 06:00 UTC`: the same on every build machine, whatever its time zone. */
export function formatUtc(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Cut service-provided text to what the view model allows. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function badgeOf(data: PagerdutyServiceData): Badge {
  const { status } = data.service;
  if (status === 'disabled') return { label: 'Service disabled', tone: 'neutral' };
  if (status === 'maintenance') return { label: 'In maintenance', tone: 'neutral' };
  const open = data.incidents.length;
  if (open === 0) return { label: 'No open incidents', tone: 'good' };
  const count = `${open}${data.moreIncidents ? '+' : ''} open incident${open === 1 && !data.moreIncidents ? '' : 's'}`;
  const highTriggered = data.incidents.some((incident) => incident.status === 'triggered' && incident.urgency === 'high');
  return { label: count, tone: status === 'critical' || highTriggered ? 'bad' : 'warning' };
}

export function renderOncall(data: PagerdutyData): PluginSectionBody {
  if (data.source === 'integration-key')
    return {
      facts: [{ label: 'Alerts', value: 'Sent to PagerDuty (Events API integration)' }],
      notices: [
        {
          tone: 'info',
          text: 'Add the `pagerduty.com/service-id` annotation (the id at the end of the service URL) to show who is on call and the open incidents here.',
        },
      ],
    };
  const { service, escalationPolicy: policy } = data;
  const now = data.oncall.filter((entry) => entry.level === Math.min(...data.oncall.map((e) => e.level)));
  const shown = data.incidents.slice(0, SHOWN_INCIDENTS);
  const hidden = data.incidents.length - shown.length;
  return {
    badge: badgeOf(data),
    facts: [
      { label: 'Service', value: clip(service.name, 200) },
      {
        label: 'Status',
        value: service.status,
        ...(service.status === 'critical' ? { tone: 'bad' as const } : service.status === 'warning' ? { tone: 'warning' as const } : {}),
      },
      { label: 'Escalation policy', value: clip(policy.name, 200) },
      {
        label: `On call at ${formatUtc(data.readAt)}`,
        value: now.length > 0 ? clip([...new Set(now.map((entry) => entry.user))].join(', '), 200) : 'nobody',
        ...(now.length === 0 ? { tone: 'bad' as const } : {}),
      },
      {
        label: 'Open incidents',
        value: `${data.incidents.length}${data.moreIncidents ? '+' : ''}`,
        ...(data.incidents.length > 0 ? { tone: 'bad' as const } : {}),
      },
    ],
    tables: [
      ...(data.oncall.length > 0
        ? [
            {
              caption: `On call at ${formatUtc(data.readAt)}`,
              columns: ['Level', 'Person', 'Schedule', 'Until'],
              rows: data.oncall
                .slice(0, 50)
                .map((entry) => [
                  String(entry.level),
                  clip(entry.user, 300),
                  clip(entry.schedule ?? 'paged directly', 300),
                  entry.until ? formatUtc(entry.until) : '—',
                ]),
            },
          ]
        : []),
      ...(shown.length > 0
        ? [
            {
              caption: 'Open incidents',
              columns: ['#', 'Title', 'Status', 'Urgency', 'Opened'],
              rows: shown.map((incident) => [
                `#${incident.number}`,
                clip(incident.title, 300),
                incident.status,
                incident.urgency,
                formatUtc(incident.createdAt),
              ]),
            },
          ]
        : []),
    ],
    links: [
      ...(service.url ? [{ label: clip(`Open ${service.name} in PagerDuty`, 120), url: service.url }] : []),
      ...(policy.url ? [{ label: clip(`Escalation policy: ${policy.name}`, 120), url: policy.url }] : []),
      ...shown.flatMap((incident) => (incident.url ? [{ label: clip(`Incident #${incident.number}: ${incident.title}`, 120), url: incident.url }] : [])),
    ],
    notices: [
      ...(hidden > 0 || data.moreIncidents
        ? [
            {
              tone: 'info' as const,
              text: `Showing the ${shown.length} newest open incidents; ${service.url ? 'the service page in PagerDuty lists them all' : 'PagerDuty lists them all'}.`,
            },
          ]
        : []),
    ],
  };
}
