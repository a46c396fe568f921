/** The skeleton a fetch step names is in the template repo, so it can be shown, tested and rendered by the action. */
import { report, type TemplateCheck } from './check.ts';

export const skeletonPresent: TemplateCheck = {
  id: 'template-skeleton-missing',
  rules: ['template-skeleton-missing', 'template-skeleton-remote'],
  title: 'The skeleton named by each fetch step exists',
  run(context) {
    return context.sources.flatMap((source) => {
      const step = context.template.steps[source.step]!;
      const name = `step ${JSON.stringify(step.id ?? step.name ?? source.step + 1)} (\`${step.action}\`)`;
      if (source.kind === 'elsewhere')
        return [
          report(
            context,
            'template-skeleton-remote',
            `The ${name} fetches ${JSON.stringify(source.url)}, which is not a folder of this repo: Frontdoor does not fetch it, so the page, the dry run and the build's checks leave it out, and the apply-template action cannot render it. Move the skeleton into this repo and name it with a relative path, e.g. \`url: ./skeleton\`.`,
          ),
        ];
      const skeleton = context.template.skeletons[source.dir];
      if (skeleton && skeleton.files.length > 0) return [];
      return [
        report(
          context,
          'template-skeleton-missing',
          `The ${name} names the skeleton folder \`${source.dir}/\`, but it holds no file in ${context.repo.name}. Create the folder with the files new projects start from, or fix \`input.url\` (it is relative to the template file).`,
        ),
      ];
    });
  },
};
