/** Rendered YAML and JSON files parse: a template that writes a broken config file breaks every project made from it. */
import { parseAllDocuments } from 'yaml';
import { repoPathOf } from '../launch-data.ts';
import { renderedWith, report, type TemplateCheck } from './check.ts';

export const outputSyntax: TemplateCheck = {
  id: 'template-output-syntax',
  rules: ['template-output-syntax'],
  title: 'Rendered YAML and JSON parse',
  run(context) {
    return context.dryRun.files.flatMap((file) => {
      if (file.text === undefined) return [];
      const error = /\.ya?ml$/i.test(file.path) ? yamlError(file.text) : /\.json$/i.test(file.path) ? jsonError(file.text) : undefined;
      if (!error) return [];
      return [
        report(
          context,
          'template-output-syntax',
          `Rendered with ${renderedWith(context)}, \`${file.path}\` is not valid ${/\.json$/i.test(file.path) ? 'JSON' : 'YAML'} (line ${error.line} of the rendered file): ${error.message}. Check the expressions around that line: a value with a colon or quote may need quoting.`,
          { path: repoPathOf(file.skeleton, file.source), line: error.line, column: error.column },
        ),
      ];
    });
  },
};

interface SyntaxError {
  line: number;
  column: number;
  message: string;
}

function yamlError(text: string): SyntaxError | undefined {
  for (const doc of parseAllDocuments(text, { prettyErrors: true })) {
    const error = doc.errors[0];
    if (error)
      return {
        line: error.linePos?.[0].line ?? 0,
        column: error.linePos?.[0].col ?? 0,
        message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      };
  }
  return undefined;
}

function jsonError(text: string): SyntaxError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    // V8: "… in JSON at position 42 (line 3 column 5)".
    const at = /line (\d+) column (\d+)/.exec(message);
    return { line: at ? Number(at[1]) : 0, column: at ? Number(at[2]) : 0, message: message.replace(/ \(line \d+ column \d+\)$/, '') };
  }
}
