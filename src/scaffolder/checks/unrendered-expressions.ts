/** No `${{` is left in a rendered file, outside the paths `copyWithoutTemplating` copies as they are. */
import { repoPathOf } from '../launch-data.ts';
import { problemPath, renderedWith, report, type TemplateCheck } from './check.ts';

export const unrenderedExpressions: TemplateCheck = {
  id: 'template-unrendered-expression',
  rules: ['template-unrendered-expression'],
  title: 'No `${{` is left unrendered',
  run(context) {
    // A file nunjucks failed on is listed with its text as written; the render check reports it.
    const failed = new Set(context.dryRun.problems.map((p) => problemPath(context, p)));
    return context.dryRun.files.flatMap((file) => {
      if (!file.templated || file.text === undefined || failed.has(repoPathOf(file.skeleton, file.source))) return [];
      const index = file.text.indexOf('${{');
      if (index === -1) return [];
      const before = file.text.slice(0, index);
      const line = before.split('\n').length;
      const column = index - before.lastIndexOf('\n');
      const excerpt = file.text.slice(index, file.text.indexOf('\n', index) === -1 ? undefined : file.text.indexOf('\n', index)).slice(0, 80);
      return [
        report(
          context,
          'template-unrendered-expression',
          `Rendered with ${renderedWith(context)}, \`${file.path}\` still contains \`${excerpt}\` (line ${line}): nunjucks left it as text, so the new repo would too. Usually the expression is escaped or split; if the file should be copied as it is (a GitHub workflow using \`\${{ secrets.X }}\`), list it in the fetch step's \`copyWithoutTemplating\`.`,
          { path: repoPathOf(file.skeleton, file.source), line, column },
        ),
      ];
    });
  },
};
