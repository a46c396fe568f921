/** The SonarQube section's view model: gate badge, the four measures, failing conditions, the project link. */
import type { PluginSectionBody } from '../../api.ts';
import type { SonarqubeData } from './index.ts';

const GATE: Record<SonarqubeData['qualityGate'], NonNullable<PluginSectionBody['badge']>> = {
  OK: { label: 'Quality gate passed', tone: 'good' },
  WARN: { label: 'Quality gate warning', tone: 'warning' },
  ERROR: { label: 'Quality gate failed', tone: 'bad' },
  NONE: { label: 'No quality gate', tone: 'neutral' },
};

const count = (n: number | undefined) => (n === undefined ? '—' : String(n));

export function renderQuality(data: SonarqubeData): PluginSectionBody {
  return {
    badge: GATE[data.qualityGate],
    facts: [
      { label: 'Coverage', value: data.coverage === undefined ? '—' : `${data.coverage.toFixed(1)}%` },
      { label: 'Bugs', value: count(data.bugs), ...(data.bugs ? { tone: 'bad' as const } : {}) },
      { label: 'Vulnerabilities', value: count(data.vulnerabilities), ...(data.vulnerabilities ? { tone: 'bad' as const } : {}) },
      { label: 'Code smells', value: count(data.codeSmells) },
    ],
    tables:
      data.failedConditions.length > 0
        ? [
            {
              caption: 'Failing conditions',
              columns: ['Metric', 'Actual', 'Threshold'],
              rows: data.failedConditions.map((c) => [c.metric, c.actual, `${c.comparator} ${c.threshold}`.trim()]),
            },
          ]
        : [],
    links: [{ label: `Open ${data.projectKey} in SonarQube`, url: data.projectUrl }],
  };
}
