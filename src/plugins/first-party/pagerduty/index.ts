/**
 * First-party PagerDuty plugin: `pagerduty.com/service-id` → the service's link and status, its
 * escalation policy, who is on call now (as of the build), and its open incidents; the scorecard
 * check "On-call rotation". `pagerduty.com/integration-key` alone only says the entity is wired for
 * alerts (see annotations.ts). Written against the public plugin API. Docs: docs/plugins/pagerduty.md.
 */
import { z } from 'zod';
import { definePlugin, fail, notApplicable, pass, type PluginEntity } from '../../api.ts';
import { ANNOTATION_PAGERDUTY_INTEGRATION_KEY, ANNOTATION_PAGERDUTY_SERVICE_ID, parseServiceId } from './annotations.ts';
import { renderOncall } from './view.ts';
import { readService, type OncallMemo, type PdReading } from './web-api.ts';

export const PagerdutySettingsSchema = z.strictObject({
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL such as `https://api.pagerduty.com`' })
    .meta({ description: "PagerDuty's REST API: `https://api.pagerduty.com`, or `https://api.eu.pagerduty.com` for EU accounts." })
    .default('https://api.pagerduty.com'),
  tokenEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'an environment variable name such as `PAGERDUTY_TOKEN`' })
    .meta({ description: 'The env var holding a read-only REST API key.', examples: ['PAGERDUTY_TOKEN'] })
    .default('PAGERDUTY_TOKEN'),
});
export type PagerdutySettings = z.infer<typeof PagerdutySettingsSchema>;

/** A link from PagerDuty's answer: absent when it sent none (or anything but http(s)). */
const LinkSchema = z.string().optional();

export const PagerdutyDataSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('service'),
    /** When on-call was read: who is on call changes by the hour. */
    readAt: z.iso.datetime(),
    service: z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(['active', 'warning', 'critical', 'maintenance', 'disabled']),
      url: LinkSchema,
    }),
    escalationPolicy: z.object({ id: z.string(), name: z.string(), url: LinkSchema }),
    /** By escalation level, then name. */
    oncall: z.array(z.object({ level: z.number().int(), user: z.string(), schedule: z.string().optional(), until: z.string().optional() })),
    /** Triggered and acknowledged, newest first. */
    incidents: z.array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        status: z.enum(['triggered', 'acknowledged']),
        urgency: z.enum(['high', 'low']),
        createdAt: z.string(),
        url: LinkSchema,
      }),
    ),
    /** More open incidents exist than were read. */
    moreIncidents: z.boolean(),
  }),
  /** Only an integration key: nothing to read (annotations.ts says why). */
  z.object({ source: z.literal('integration-key') }),
]);
export type PagerdutyData = z.infer<typeof PagerdutyDataSchema>;
export type PagerdutyServiceData = Extract<PagerdutyData, { source: 'service' }>;

export const pagerdutyPlugin = definePlugin<PagerdutySettings, PagerdutyData>({
  name: 'pagerduty',
  title: 'PagerDuty',
  annotations: [ANNOTATION_PAGERDUTY_SERVICE_ID, ANNOTATION_PAGERDUTY_INTEGRATION_KEY],
  settings: PagerdutySettingsSchema,
  credentials: (settings) => [settings.tokenEnv],
  data: PagerdutyDataSchema,
  async collect({ entities, settings, secrets, http, now }) {
    const token = secrets[settings.tokenEnv] ?? '';
    const oncallMemo: OncallMemo = new Map();
    const read = async (entity: PluginEntity): Promise<[string, { data: PagerdutyData } | { error: string }]> => {
      const value = entity.annotations[ANNOTATION_PAGERDUTY_SERVICE_ID];
      if (value === undefined) return [entity.ref, { data: { source: 'integration-key' } }];
      const parsed = parseServiceId(value);
      if ('error' in parsed) return [entity.ref, parsed];
      try {
        return [entity.ref, { data: toData(await readService(http, settings.baseUrl, token, parsed.serviceId, oncallMemo), now) }];
      } catch (error) {
        return [entity.ref, { error: (error as Error).message }];
      }
    };
    return new Map(await Promise.all(entities.map(read)));
  },
  sections: [{ id: 'oncall', title: 'On call (PagerDuty)', render: renderOncall }],
  checks: [
    {
      id: 'oncall-rotation',
      title: 'On-call rotation',
      short: 'On-call',
      why: 'A service in production needs someone to answer its pages, from a schedule the team shares rather than one person paged for ever.',
      kinds: ['component'],
      run(data) {
        if (data.source === 'integration-key')
          return notApplicable(`Only \`${ANNOTATION_PAGERDUTY_INTEGRATION_KEY}\` is set; add \`${ANNOTATION_PAGERDUTY_SERVICE_ID}\` to check on-call.`);
        const { service, escalationPolicy: policy } = data;
        if (service.status === 'disabled') return notApplicable(`The PagerDuty service ${service.name} is disabled.`);
        const fix = (text: string) => ({ text, ...(policy.url ? { url: policy.url, label: `Open ${policy.name} in PagerDuty` } : {}) });
        if (data.oncall.length === 0)
          return fail(
            `Nobody is on call for ${service.name}: its escalation policy ${policy.name} reaches no one.`,
            fix('Add a schedule, or people, to the first level of the escalation policy.'),
          );
        const scheduled = data.oncall.find((entry) => entry.schedule !== undefined);
        if (!scheduled)
          return fail(
            `${service.name} pages ${names(data.oncall)} directly: its escalation policy ${policy.name} has no on-call schedule.`,
            fix('Put an on-call schedule the team rotates through on the escalation policy.'),
          );
        return pass(`${scheduled.user} is on call for ${service.name} (${scheduled.schedule}, level ${scheduled.level}).`);
      },
    },
  ],
});

const names = (oncall: readonly { user: string }[]) => [...new Set(oncall.map((entry) => entry.user))].join(', ');

/** An http(s) URL from an answer, or nothing: the page only links to http(s). */
function httpUrl(value: string | null | undefined): { url?: string } {
  if (!value) return {};
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:' ? { url: value } : {};
  } catch {
    return {};
  }
}

function toData(reading: PdReading, now: Date): PagerdutyData {
  const { service, oncalls, incidents } = reading;
  return {
    source: 'service',
    readAt: now.toISOString(),
    service: { id: service.id, name: service.name, status: service.status, ...httpUrl(service.html_url) },
    escalationPolicy: {
      id: service.escalation_policy.id,
      name: service.escalation_policy.summary || service.escalation_policy.id,
      ...httpUrl(service.escalation_policy.html_url),
    },
    oncall: oncalls
      .map((entry) => ({
        level: entry.escalation_level,
        user: entry.user.summary || entry.user.id,
        ...(entry.schedule ? { schedule: entry.schedule.summary || entry.schedule.id } : {}),
        ...(entry.end ? { until: entry.end } : {}),
      }))
      .sort((a, b) => a.level - b.level || a.user.localeCompare(b.user)),
    incidents: incidents
      .filter((incident) => incident.status !== 'resolved')
      .map((incident) => ({
        number: incident.incident_number,
        title: incident.title,
        status: incident.status as 'triggered' | 'acknowledged',
        urgency: incident.urgency,
        createdAt: incident.created_at,
        ...httpUrl(incident.html_url),
      }))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
    moreIncidents: reading.moreIncidents,
  };
}
