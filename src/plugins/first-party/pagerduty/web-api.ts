/**
 * The PagerDuty REST API v2 calls the plugin makes, and the parts of their answers it reads
 * (https://developer.pagerduty.com/api-reference/, schema: https://github.com/PagerDuty/api-schema):
 * - GET /services/{id} → { service: { name, status, html_url, escalation_policy: reference } }
 * - GET /oncalls?escalation_policy_ids[]=…&earliest=true → { oncalls: [{ escalation_level, user, schedule, start, end }], more }
 * - GET /incidents?service_ids[]=…&statuses[]=triggered&statuses[]=acknowledged → { incidents, more }
 * Lists page with `limit` (default 25) and `offset`; `more` says another page exists. The first page's
 * URL is exactly the one above, so recorded demo responses (test/fakes/pagerduty/demo-model.ts) match it.
 * Auth: `Authorization: Token token=<REST API key>`; the version is chosen by
 * `Accept: application/vnd.pagerduty+json;version=2`. Every call is a read.
 */
import { z } from 'zod';
import { HttpError, type HttpClient } from '../../http-client.ts';

/** A reference to another object: `summary` is its name. */
const ReferenceSchema = z.object({ id: z.string(), summary: z.string().default(''), html_url: z.string().nullish() });

export const ServiceResponseSchema = z.object({
  service: z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'warning', 'critical', 'maintenance', 'disabled']),
    html_url: z.string().nullish(),
    escalation_policy: ReferenceSchema,
  }),
});

const OncallSchema = z.object({
  escalation_level: z.number().int(),
  user: ReferenceSchema,
  /** Null when the escalation rule targets the user directly. */
  schedule: ReferenceSchema.nullish(),
  start: z.string().nullish(),
  end: z.string().nullish(),
});

const IncidentSchema = z.object({
  id: z.string(),
  incident_number: z.number().int(),
  title: z.string(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.enum(['high', 'low']),
  created_at: z.string(),
  html_url: z.string().nullish(),
});

export type PdService = z.infer<typeof ServiceResponseSchema>['service'];
export type PdOncall = z.infer<typeof OncallSchema>;
export type PdIncident = z.infer<typeof IncidentSchema>;

export interface PdReading {
  service: PdService;
  oncalls: PdOncall[];
  incidents: PdIncident[];
  /** More open incidents exist than the pages read. */
  moreIncidents: boolean;
}

/** Pages read per list at most (25 items each): enough for one service's on-call and open incidents. */
const MAX_PAGES = 4;

/** Who is on call, by escalation policy id: services of one team share a policy, so it is read once per build. */
export type OncallMemo = Map<string, Promise<{ items: PdOncall[] }>>;

/** Read one service, who is on call for its escalation policy, and its open incidents; throws an Error that says what to do. */
export async function readService(http: HttpClient, baseUrl: string, token: string, serviceId: string, oncallMemo: OncallMemo = new Map()): Promise<PdReading> {
  const api = pagerDutyApi(http, baseUrl, token, serviceId);
  const { service } = await api.get(`/services/${encodeURIComponent(serviceId)}`, ServiceResponseSchema);
  const policy = service.escalation_policy.id;
  const id = encodeURIComponent(service.id);
  let oncall = oncallMemo.get(policy);
  if (!oncall) {
    oncall = api.list(`/oncalls?escalation_policy_ids[]=${encodeURIComponent(policy)}&earliest=true`, 'oncalls', OncallSchema);
    oncallMemo.set(policy, oncall);
  }
  const [oncalls, incidents] = await Promise.all([
    oncall,
    api.list(`/incidents?service_ids[]=${id}&statuses[]=triggered&statuses[]=acknowledged`, 'incidents', IncidentSchema),
  ]);
  return { service, oncalls: oncalls.items, incidents: incidents.items, moreIncidents: incidents.more };
}

function pagerDutyApi(http: HttpClient, baseUrl: string, token: string, serviceId: string) {
  const base = baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Token token=${token}`, accept: 'application/vnd.pagerduty+json;version=2' };

  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    let body: unknown;
    try {
      body = await http.getJson(base + path, { headers });
    } catch (error) {
      if (error instanceof HttpError && error.kind === 'status') {
        if (error.status === 401)
          throw new Error('PagerDuty refused the API key (HTTP 401): check that the token env var holds a REST API key (not an integration key)', {
            cause: error,
          });
        if (error.status === 403)
          throw new Error(`the API key may not read service "${serviceId}" (HTTP 403): use a General Access REST API key, or a user key whose user sees it`, {
            cause: error,
          });
        if (error.status === 404 && path.startsWith('/services/'))
          throw new Error(`service "${serviceId}" was not found (HTTP 404): check the annotation's service id`, { cause: error });
      }
      throw error;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`unexpected answer from ${path.split('?')[0]}: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim());
    }
    return parsed.data;
  }

  /** Follows `more` with `offset` for up to MAX_PAGES pages. */
  async function list<T>(path: string, key: string, item: z.ZodType<T>): Promise<{ items: T[]; more: boolean }> {
    const schema = z.object({ [key]: z.array(item), more: z.boolean().nullish() });
    const items: T[] = [];
    for (let pages = 1; ; pages++) {
      const body = (await get(pages === 1 ? path : `${path}&offset=${items.length}`, schema)) as { more?: boolean | null } & Record<string, T[]>;
      const got = body[key] ?? [];
      items.push(...got);
      const more = body.more === true && got.length > 0;
      if (!more || pages >= MAX_PAGES) return { items, more };
    }
  }

  return { get, list };
}
