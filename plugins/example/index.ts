/**
 * An example local plugin: the seed of a team's own integration. List it in portal.config.yaml:
 *
 *   plugins:
 *     - path: ./plugins/example
 *       settings: { statusUrl: https://status.acme.internal/api/services }
 *
 * For every entity with the `acme.example/runbook` annotation (a URL), it shows a "Runbook" section
 * with the link and, when `statusUrl` is set, the service's status read from that JSON endpoint
 * (`{ "<entity name>": "operational" | "degraded" | … }`) through the build's HTTP client; and it
 * adds the scorecard check "Runbook is linked". It needs no credentials, so it always runs.
 */
import { z } from 'zod';
import { definePlugin, fail, pass, type Collected } from '../../src/plugins/api.ts';

export const ANNOTATION_RUNBOOK = 'acme.example/runbook';

const RunbookDataSchema = z.object({ runbook: z.string(), status: z.string().optional() });
type RunbookData = z.infer<typeof RunbookDataSchema>;

export default definePlugin({
  name: 'example-runbook',
  title: 'Runbooks',
  annotations: [ANNOTATION_RUNBOOK],
  settings: z.strictObject({
    /** A JSON map of service name → status; optional. */
    statusUrl: z.url({ protocol: /^https?$/ }).optional(),
  }),
  data: RunbookDataSchema,
  async collect({ entities, settings, http }) {
    const statuses = settings.statusUrl
      ? z
          .record(z.string(), z.string())
          .catch({})
          .parse(await http.getJson(settings.statusUrl))
      : {};
    return new Map(
      entities.map((entity): [string, Collected<RunbookData>] => {
        const runbook = entity.annotations[ANNOTATION_RUNBOOK] ?? '';
        if (!/^https?:\/\//.test(runbook))
          return [entity.ref, { error: `\`${ANNOTATION_RUNBOOK}\` must be an http(s) URL, but is ${JSON.stringify(runbook)}` }];
        const status = statuses[entity.name];
        return [entity.ref, { data: status === undefined ? { runbook } : { runbook, status } }];
      }),
    );
  },
  sections: [
    {
      id: 'runbook',
      title: 'Runbook',
      render: (data) => ({
        ...(data.status ? { badge: { label: data.status, tone: data.status === 'operational' ? 'good' : 'warning' } } : {}),
        links: [{ label: 'Open the runbook', url: data.runbook }],
      }),
    },
  ],
  checks: [
    {
      id: 'runbook-linked',
      title: 'Runbook is linked',
      short: 'Runbook',
      why: 'Whoever is paged at night needs the runbook one click away.',
      kinds: ['component'],
      run: (data) => (data.runbook ? pass(`Runbook: ${data.runbook}`) : fail('No runbook.', { text: `Add the \`${ANNOTATION_RUNBOOK}\` annotation.` })),
    },
  ],
});
