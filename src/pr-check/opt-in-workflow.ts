/**
 * The workflow a repo of the org adds to have its catalog files checked in every pull request:
 * a few lines calling the portal's reusable workflow (.github/workflows/validate-catalog.yml). The
 * README shows it, and each entity page's "Source" facts, ready to copy.
 */

/** Shown in place of what the portal cannot know about itself (its repo, its public address). */
export const PORTAL_REPO_PLACEHOLDER = '<owner>/<portal repo>';
export const PORTAL_URL_PLACEHOLDER = 'https://<owner>.github.io/<portal repo>/';

export const PR_CHECK_WORKFLOW_PATH = '.github/workflows/catalog.yml';

export interface PrCheckWorkflowOptions {
  /** The portal's repo, `owner/name`. */
  portalRepo?: string | undefined;
  /** The portal's public address (site URL and base). */
  portalUrl?: string | undefined;
  /** A catalog file other than the portal's default catalog paths. */
  file?: string | undefined;
}

export function prCheckWorkflow(options: PrCheckWorkflowOptions = {}): string {
  const file = options.file && options.file !== 'catalog-info.yaml' ? options.file : undefined;
  return [
    `# ${PR_CHECK_WORKFLOW_PATH}: check catalog files and TechDocs in pull requests against the whole org.`,
    'name: Catalog',
    'on: pull_request',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  catalog:',
    `    uses: ${options.portalRepo ?? PORTAL_REPO_PLACEHOLDER}/.github/workflows/validate-catalog.yml@main`,
    '    with:',
    `      portal-url: ${options.portalUrl ?? PORTAL_URL_PLACEHOLDER}`,
    ...(file ? [`      files: ${JSON.stringify(file)}`] : []),
    '',
  ].join('\n');
}
