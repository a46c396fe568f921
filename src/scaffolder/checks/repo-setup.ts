/**
 * The template repo is set up for Frontdoor's create flow: GitHub's "Template repository" flag (so
 * GitHub has a create-from-template page for it) and the opt-in workflow that runs the
 * apply-template action in the new repo.
 */
import { report, type TemplateCheck } from './check.ts';

export const repoSetup: TemplateCheck = {
  id: 'template-no-workflow',
  rules: ['template-no-workflow', 'template-repo-not-template'],
  title: 'The template repo is a GitHub template repository with the opt-in workflow',
  run(context) {
    const { repo, config } = context;
    const out = [];
    if (!repo.isTemplate)
      out.push(
        report(
          context,
          'template-repo-not-template',
          `${repo.name} is not a GitHub template repository, so "Create" has no GitHub page to open for ${context.template.ref}. In the repo's Settings → General, check "Template repository".`,
          { path: '' },
        ),
      );
    // A file the source did not read counts as missing: the crawl reads the workflow of every template repo.
    if (repo.files[config.workflow]?.status !== 'text')
      out.push(
        report(
          context,
          'template-no-workflow',
          `${repo.name} has no \`${config.workflow}\`: a repo created from ${context.template.ref} is GitHub's verbatim copy, with the skeleton unrendered. Add the workflow the template page shows under "Opt-in workflow"; it renders the skeleton with the form's values and commits.`,
          { path: config.workflow },
        ),
      );
    return out;
  },
};
