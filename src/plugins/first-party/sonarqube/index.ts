/**
 * First-party SonarQube / SonarCloud plugin: `sonarqube.org/project-key` → the project's quality
 * gate, coverage, bugs, vulnerabilities and code smells, a link to the project, and the scorecard
 * check "Quality gate passes". Written against the public plugin API only. Docs: docs/plugins/sonarqube.md.
 */
import { z } from 'zod';
import { definePlugin, fail, notApplicable, pass, type PluginEntity } from '../../api.ts';
import { ANNOTATION_SONARQUBE_PROJECT_KEY, parseProjectKey } from './annotations.ts';
import { renderQuality } from './view.ts';
import { readProject } from './web-api.ts';

export const SonarqubeSettingsSchema = z.strictObject({
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL such as `https://sonarcloud.io`' })
    .meta({ description: 'The SonarQube server or SonarCloud.', examples: ['https://sonarcloud.io', 'https://sonar.acme.internal'] })
    .default('https://sonarcloud.io'),
  tokenEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'an environment variable name such as `SONAR_TOKEN`' })
    .meta({ description: 'The env var holding a user token with Browse permission on the projects.', examples: ['SONAR_TOKEN'] })
    .default('SONAR_TOKEN'),
  instanceName: z
    .string()
    .min(1)
    .meta({ description: 'The instance name annotations may prefix (`<instance>/<key>`, as in Backstage); others are reported.', examples: ['default'] })
    .optional(),
});
export type SonarqubeSettings = z.infer<typeof SonarqubeSettingsSchema>;

export const SonarqubeDataSchema = z.object({
  projectKey: z.string(),
  /** The project's page on the server. */
  projectUrl: z.string(),
  qualityGate: z.enum(['OK', 'WARN', 'ERROR', 'NONE']),
  failedConditions: z.array(z.object({ metric: z.string(), actual: z.string(), threshold: z.string(), comparator: z.string() })),
  coverage: z.number().optional(),
  bugs: z.number().optional(),
  vulnerabilities: z.number().optional(),
  codeSmells: z.number().optional(),
});
export type SonarqubeData = z.infer<typeof SonarqubeDataSchema>;

export const sonarqubePlugin = definePlugin<SonarqubeSettings, SonarqubeData>({
  name: 'sonarqube',
  title: 'SonarQube',
  annotations: [ANNOTATION_SONARQUBE_PROJECT_KEY],
  settings: SonarqubeSettingsSchema,
  credentials: (settings) => [settings.tokenEnv],
  data: SonarqubeDataSchema,
  async collect({ entities, settings, secrets, http }) {
    const token = secrets[settings.tokenEnv] ?? '';
    const base = settings.baseUrl.replace(/\/+$/, '');
    const read = async (entity: PluginEntity): Promise<[string, { data: SonarqubeData } | { error: string }]> => {
      const parsed = parseProjectKey(entity.annotations[ANNOTATION_SONARQUBE_PROJECT_KEY] ?? '');
      if ('error' in parsed) return [entity.ref, parsed];
      if (parsed.instance !== undefined && parsed.instance !== settings.instanceName)
        return [
          entity.ref,
          {
            error: `instance "${parsed.instance}" in the annotation is not configured (settings.instanceName is ${settings.instanceName ? `"${settings.instanceName}"` : 'not set'})`,
          },
        ];
      try {
        const reading = await readProject(http, base, token, parsed.projectKey);
        const failed = reading.status.conditions.filter((c) => c.status === 'ERROR' || c.status === 'WARN');
        return [
          entity.ref,
          {
            data: {
              projectKey: parsed.projectKey,
              projectUrl: `${base}/dashboard?id=${encodeURIComponent(parsed.projectKey)}`,
              qualityGate: reading.status.status,
              failedConditions: failed.map((c) => ({
                metric: c.metricKey,
                actual: c.actualValue ?? '',
                threshold: c.errorThreshold ?? '',
                comparator: c.comparator ?? '',
              })),
              ...(reading.measures.coverage !== undefined ? { coverage: reading.measures.coverage } : {}),
              ...(reading.measures.bugs !== undefined ? { bugs: reading.measures.bugs } : {}),
              ...(reading.measures.vulnerabilities !== undefined ? { vulnerabilities: reading.measures.vulnerabilities } : {}),
              ...(reading.measures.code_smells !== undefined ? { codeSmells: reading.measures.code_smells } : {}),
            },
          },
        ];
      } catch (error) {
        return [entity.ref, { error: (error as Error).message }];
      }
    };
    return new Map(await Promise.all(entities.map(read)));
  },
  sections: [{ id: 'quality', title: 'Code quality (SonarQube)', render: renderQuality }],
  checks: [
    {
      id: 'quality-gate',
      title: 'Quality gate passes',
      short: 'Quality gate',
      why: "SonarQube's quality gate is the team's own bar for coverage, bugs and vulnerabilities on new code.",
      kinds: ['component'],
      run(data) {
        if (data.qualityGate === 'OK') return pass(`The SonarQube quality gate of ${data.projectKey} passes.`);
        if (data.qualityGate === 'NONE') return notApplicable(`${data.projectKey} has no quality gate result in SonarQube yet.`);
        const conditions = data.failedConditions.map((c) => c.metric).join(', ');
        return fail(
          `The SonarQube quality gate of ${data.projectKey} ${data.qualityGate === 'WARN' ? 'warns' : 'fails'}${conditions ? ` on ${conditions}` : ''}.`,
          {
            text: 'Fix the failing conditions on new code, or review the gate with the team.',
            url: data.projectUrl,
            label: 'Open in SonarQube',
          },
        );
      },
    },
  ],
});
