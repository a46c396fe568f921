/**
 * The annotation the SonarQube plugin reads, named as Backstage's SonarQube plugin names it, so a
 * catalog file means the same in both: `sonarqube.org/project-key: [instanceName/]projectKey`.
 * https://github.com/backstage/community-plugins/tree/main/workspaces/sonarqube/plugins/sonarqube
 */
export const ANNOTATION_SONARQUBE_PROJECT_KEY = 'sonarqube.org/project-key';

/**
 * SonarQube's project key rule: letters, digits, `-`, `_`, `.` and `:`, with at least one
 * non-digit (https://docs.sonarsource.com/sonarqube-server/latest/analyzing-source-code/analysis-parameters/).
 */
const PROJECT_KEY = /^(?=.*[^0-9])[A-Za-z0-9_.:-]{1,400}$/;

export type ParsedProjectKey = { projectKey: string; instance?: string } | { error: string };

/** The project key (and instance name, when written `instance/key`) of an annotation value. */
export function parseProjectKey(value: string): ParsedProjectKey {
  const trimmed = value.trim();
  const slash = trimmed.indexOf('/');
  const instance = slash >= 0 ? trimmed.slice(0, slash) : undefined;
  const projectKey = slash >= 0 ? trimmed.slice(slash + 1) : trimmed;
  if (!PROJECT_KEY.test(projectKey))
    return {
      error: `annotation \`${ANNOTATION_SONARQUBE_PROJECT_KEY}\` is ${JSON.stringify(value)}, not a SonarQube project key (letters, digits, \`-\`, \`_\`, \`.\`, \`:\`, at least one non-digit; optionally \`<instance>/\` first)`,
    };
  return instance ? { projectKey, instance } : { projectKey };
}
