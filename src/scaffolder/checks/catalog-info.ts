/**
 * The rendered `catalog-info.yaml` is an entity the catalog accepts (the same validator the build
 * runs on every catalog file), and the skeleton has one at all: a project without it never
 * appears in the catalog.
 */
import { validateDocument } from '../../catalog/validate/validate-document.ts';
import { parseDocuments } from '../../sources/parse-documents.ts';
import type { Repo } from '../../sources/snapshot.ts';
import { repoPathOf } from '../launch-data.ts';
import { renderedWith, report, type TemplateCheck } from './check.ts';

const CATALOG_FILE = /^catalog-info\.ya?ml$/i;

export const catalogInfo: TemplateCheck = {
  id: 'template-output-catalog-invalid',
  rules: ['template-output-catalog-invalid', 'template-no-catalog-info'],
  title: 'The rendered catalog-info.yaml is a valid entity',
  run(context) {
    const { dryRun } = context;
    const skeletons = Object.values(context.template.skeletons).filter((s) => s.files.length > 0);
    if (skeletons.length === 0) return [];
    const catalogFiles = dryRun.files.filter((f) => CATALOG_FILE.test(f.path));
    const skeletonHasOne = skeletons.some((s) => s.files.some((f) => /(^|\/)catalog-info\.ya?ml$/i.test(f.path)));
    if (catalogFiles.length === 0) {
      // A skeleton file that failed to render is the render check's to report.
      if (skeletonHasOne) return [];
      return [
        report(
          context,
          'template-no-catalog-info',
          `The skeleton (${skeletons.map((s) => `\`${s.dir}/\``).join(', ')}) has no \`catalog-info.yaml\` at the root of the new repo: projects created from this template will not appear in the catalog. Add one that names the new component, e.g. \`metadata.name: \${{ values.name }}\` and \`spec.owner: \${{ values.owner }}\`.`,
        ),
      ];
    }
    return catalogFiles.flatMap((file) => {
      if (file.text === undefined) return [];
      const path = repoPathOf(file.skeleton, file.source);
      // The new repo, as the crawl would read it: the file at its rendered path.
      const newRepo: Repo = {
        name: context.repo.name,
        topics: [],
        visibility: 'public',
        archived: false,
        isTemplate: false,
        catalogFiles: [file.path],
        files: { [file.path]: { status: 'text', text: file.text, size: file.size } },
        globs: {},
        trees: {},
      };
      const parsed = parseDocuments(file.text, { maxDocuments: context.limits.maxDocumentsPerFile, maxAliasCount: context.limits.maxAliasCount });
      return parsed.documents.flatMap((doc) => {
        // Syntax is the output-syntax check's to report.
        if (doc.problem || !doc.value) return [];
        const verdict = validateDocument(doc, { repo: newRepo, path: file.path, file: parsed, maxAliasCount: context.limits.maxAliasCount });
        return verdict.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) =>
            report(
              context,
              'template-output-catalog-invalid',
              `Rendered with ${renderedWith(context)}, \`${file.path}\` would not load in the catalog (line ${d.line} of the rendered file, rule \`${d.rule}\`): ${d.message}`,
              { path, line: d.line, column: d.column },
            ),
          );
      });
    });
  },
};
