/**
 * The two SonarQube Web API calls the plugin makes, and the parts of their answers it reads,
 * following the Web API of SonarQube Server 10.x / SonarCloud (`api/…`, "v1"):
 * - GET api/qualitygates/project_status?projectKey=… → { projectStatus: { status, conditions[] } }
 * - GET api/measures/component?component=…&metricKeys=… → { component: { key, measures[] } }
 * Both need the Browse permission on the project. Authentication is a user token in
 * `Authorization: Bearer <token>` (SonarQube 10.0+ and SonarCloud; 9.x took it as the Basic user name).
 * https://docs.sonarsource.com/sonarqube-server/10.2/extension-guide/web-api/ and each server's
 * own /web_api page.
 */
import { z } from 'zod';
import { HttpError, type HttpClient } from '../../http-client.ts';

export const METRIC_KEYS = ['coverage', 'bugs', 'vulnerabilities', 'code_smells'] as const;

export const ProjectStatusResponseSchema = z.object({
  projectStatus: z.object({
    status: z.enum(['OK', 'WARN', 'ERROR', 'NONE']),
    conditions: z
      .array(
        z.object({
          status: z.string(),
          metricKey: z.string(),
          comparator: z.string().optional(),
          errorThreshold: z.string().optional(),
          actualValue: z.string().optional(),
        }),
      )
      .default([]),
  }),
});

export const MeasuresResponseSchema = z.object({
  component: z.object({
    key: z.string(),
    measures: z.array(z.object({ metric: z.string(), value: z.string().optional() })).default([]),
  }),
});

export interface SonarReading {
  status: z.infer<typeof ProjectStatusResponseSchema>['projectStatus'];
  measures: Partial<Record<(typeof METRIC_KEYS)[number], number>>;
}

/** Read one project's quality gate and measures; throws an Error whose message says what to do. */
export async function readProject(http: HttpClient, baseUrl: string, token: string, projectKey: string): Promise<SonarReading> {
  const headers = { authorization: `Bearer ${token}` };
  const base = baseUrl.replace(/\/+$/, '');
  const key = encodeURIComponent(projectKey);
  const [status, measures] = await Promise.all([
    get(http, `${base}/api/qualitygates/project_status?projectKey=${key}`, headers, ProjectStatusResponseSchema, projectKey),
    get(http, `${base}/api/measures/component?component=${key}&metricKeys=${METRIC_KEYS.join(',')}`, headers, MeasuresResponseSchema, projectKey),
  ]);
  const values: SonarReading['measures'] = {};
  for (const measure of measures.component.measures) {
    const value = measure.value === undefined ? Number.NaN : Number(measure.value);
    if ((METRIC_KEYS as readonly string[]).includes(measure.metric) && Number.isFinite(value)) values[measure.metric as (typeof METRIC_KEYS)[number]] = value;
  }
  return { status: status.projectStatus, measures: values };
}

async function get<T>(http: HttpClient, url: string, headers: Record<string, string>, schema: z.ZodType<T>, projectKey: string): Promise<T> {
  let body: unknown;
  try {
    body = await http.getJson(url, { headers });
  } catch (error) {
    if (error instanceof HttpError && error.kind === 'status') {
      if (error.status === 401)
        throw new Error(`SonarQube refused the token (HTTP 401): check that the token env var holds a valid user token`, { cause: error });
      if (error.status === 403)
        throw new Error(`the token may not browse project "${projectKey}" (HTTP 403): give its user the Browse permission`, { cause: error });
      if (error.status === 404) throw new Error(`project "${projectKey}" was not found (HTTP 404): check the annotation's project key`, { cause: error });
    }
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new Error(
      `unexpected answer from ${new URL(url).pathname}: ${parsed.error.issues[0]?.path.join('.') || 'body'} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    );
  return parsed.data;
}
