/** Steps Frontdoor does not run (custom actions) are said out loud: the new project needs them done by hand. */
import { report, type TemplateCheck } from './check.ts';

export const manualSteps: TemplateCheck = {
  id: 'template-step-manual',
  rules: ['template-step-manual'],
  title: 'Every step is run, or listed to do by hand',
  run(context) {
    return context.dryRun.steps
      .filter((step) => step.handling === 'manual')
      .map((step) =>
        report(
          context,
          'template-step-manual',
          `Step ${JSON.stringify(step.id ?? step.name ?? step.action)} runs \`${step.action}\`, an action Frontdoor does not run (no scaffolder backend runs custom actions). The template page lists the step with its input, rendered with the sample values: whoever creates a project does it by hand.`,
        ),
      );
  },
};
