/**
 * The Fernway demo org as SonarQube sees it: one project per `sonarqube.org/project-key` in content/.
 * The fake serves it in tests; `demo/integrations/sonarqube.json` holds the fake's answers to the
 * requests below, which the demo build shows when no SONAR token is configured.
 */
import type { SonarCondition, SonarProject } from './server.ts';

const ANALYSED = '2025-06-02T07:41:13+0000';

function condition(metricKey: string, comparator: 'GT' | 'LT', errorThreshold: string, actualValue: string): SonarCondition {
  const failing = comparator === 'LT' ? Number(actualValue) < Number(errorThreshold) : Number(actualValue) > Number(errorThreshold);
  return { status: failing ? 'ERROR' : 'OK', metricKey, comparator, errorThreshold, actualValue };
}

/** The built-in "Sonar way" gate: conditions on new code (ratings 1 = A … 5 = E). */
function sonarWay(newCoverage: string, reliability: string, security: string): SonarCondition[] {
  return [
    condition('new_reliability_rating', 'GT', '1', reliability),
    condition('new_security_rating', 'GT', '1', security),
    condition('new_maintainability_rating', 'GT', '1', '1'),
    condition('new_coverage', 'LT', '80', newCoverage),
    condition('new_duplicated_lines_density', 'GT', '3', '0.8'),
    condition('new_security_hotspots_reviewed', 'LT', '100', '100.0'),
  ];
}

function project(key: string, name: string, measures: Record<string, string>, conditions: SonarCondition[], tags: string[] = []): SonarProject {
  const failing = conditions.some((condition) => condition.status === 'ERROR');
  return { key, name, qualityGate: failing ? 'ERROR' : 'OK', conditions, measures, analysisDate: ANALYSED, visibility: 'private', tags };
}

export const demoProjects: SonarProject[] = [
  project(
    'fernway_payments-gateway',
    'Payments Gateway',
    { coverage: '86.2', bugs: '0', vulnerabilities: '0', code_smells: '14', ncloc: '18412' },
    sonarWay('88.9', '1', '1'),
    ['pci-dss'],
  ),
  project(
    'fernway_booking-service',
    'Booking Service',
    { coverage: '71.5', bugs: '3', vulnerabilities: '1', code_smells: '96', ncloc: '42307' },
    sonarWay('64.3', '3', '1'),
  ),
  project(
    'fernway_search-service',
    'Search Service',
    { coverage: '79.8', bugs: '1', vulnerabilities: '0', code_smells: '41', ncloc: '23950' },
    sonarWay('82.0', '1', '1'),
  ),
  project(
    'fernway_pricing-engine',
    'Pricing Engine',
    { coverage: '83.0', bugs: '0', vulnerabilities: '0', code_smells: '22', ncloc: '15688' },
    sonarWay('91.2', '1', '1'),
  ),
  project(
    'fernway_supplier-gateway',
    'Supplier Gateway',
    { coverage: '58.7', bugs: '5', vulnerabilities: '2', code_smells: '133', ncloc: '31044' },
    sonarWay('47.5', '3', '4'),
  ),
  project(
    'fernway_design-system',
    'Fernway UI (design system)',
    { coverage: '92.4', bugs: '0', vulnerabilities: '0', code_smells: '8', ncloc: '12876' },
    sonarWay('95.1', '1', '1'),
  ),
  project('fernway_go-kit', 'go-kit', { coverage: '88.1', bugs: '0', vulnerabilities: '0', code_smells: '5', ncloc: '6204' }, sonarWay('90.0', '1', '1')),
];

export const DEMO_METRICS = 'coverage,bugs,vulnerabilities,code_smells';

/** The requests the sonarqube plugin makes per project: recorded into the demo fixtures. */
export const demoRequests: string[] = demoProjects.flatMap(({ key }) => [
  `/api/qualitygates/project_status?projectKey=${key}`,
  `/api/measures/component?component=${key}&metricKeys=${DEMO_METRICS}`,
  `/api/components/show?component=${key}`,
]);
