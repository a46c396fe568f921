/**
 * The workflow a template repo adds to opt in (issue 12): GitHub's create-from-template copies the
 * repo verbatim, then this workflow, started with the form's values, runs the apply-template
 * action in the new repo, which renders the skeleton and commits. The template page shows it,
 * ready to copy.
 */
import type { TemplatesConfig } from '../config/schema.ts';

/** What the page shows in place of the action when `templates.action` is not configured. */
export const ACTION_PLACEHOLDER = '<owner>/<portal repo>/.github/actions/apply-template@<ref>';

/** actions/checkout, pinned to the commit of its release tag (read from the actions/checkout repository). */
export const CHECKOUT_ACTION = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';

export function optInWorkflow(config: Pick<TemplatesConfig, 'action' | 'workflow'>): { path: string; yaml: string; actionConfigured: boolean } {
  const action = config.action ?? ACTION_PLACEHOLDER;
  // `template` picks one template of a repo that holds several; empty means the only template.yaml found.
  const yaml = [
    `# ${config.workflow}: completes "Use this template" by rendering the skeleton with the form's values.`,
    'name: Apply template',
    'on:',
    '  workflow_dispatch:',
    '    inputs:',
    '      values:',
    "        description: The template's values as JSON (the portal's form shows them)",
    '        required: true',
    '      template:',
    '        description: Path of the template.yaml to apply, when the repo holds more than one',
    '        required: false',
    "        default: ''",
    'permissions:',
    '  contents: write',
    'jobs:',
    '  apply:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    `      - uses: ${CHECKOUT_ACTION}`,
    '        with:',
    "          # Applying a template deletes this workflow and adds the skeleton's CI: pushing changes under",
    '          # .github/workflows needs a token with the `workflow` scope, which the default GITHUB_TOKEN lacks.',
    '          token: ${{ secrets.TEMPLATE_TOKEN }}',
    `      - uses: ${action}`,
    '        with:',
    '          values: ${{ inputs.values }}',
    '          template: ${{ inputs.template }}',
    '',
  ].join('\n');
  return { path: config.workflow, yaml, actionConfigured: config.action !== undefined };
}
