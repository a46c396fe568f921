/**
 * GitHub Actions files as GitHub reads them: every workflow and action this repo ships or shows,
 * and the verdict of GitHub's own parser (`@actions/workflow-parser`, from actions/languageservices:
 * the workflow and action schemas and the expression checks behind the Actions VS Code extension).
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { isMap, parseDocument } from 'yaml';
import { projectRoot } from '../../src/pipeline/project-root.ts';

export interface ActionsFile {
  /** Where it comes from: a repo path, `README.md:<line>`, or what generates it. */
  name: string;
  kind: 'workflow' | 'action';
  text: string;
}

const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');
const files = (...patterns: string[]) => globSync(patterns, { cwd: projectRoot }).sort();

/** The portal repo's own workflows and actions: what runs in this repo, or in the org's repos through it. */
export function ownActionsFiles(): ActionsFile[] {
  return [
    ...files('.github/workflows/*.yml', '.github/workflows/*.yaml').map((name) => ({ name, kind: 'workflow' as const, text: read(name) })),
    ...files('.github/actions/*/action.yml', '.github/actions/*/action.yaml').map((name) => ({ name, kind: 'action' as const, text: read(name) })),
  ];
}

/** Workflows of the demo org's repos, template skeletons included: the portal shows and links them. */
export function contentWorkflows(): ActionsFile[] {
  return files('content/**/.github/workflows/*.yml', 'content/**/.github/workflows/*.yaml').map((name) => ({ name, kind: 'workflow', text: read(name) }));
}

/** The README's ```yaml blocks that are workflows (a mapping with `jobs`), unindented when inside a list item. */
export function readmeWorkflows(): ActionsFile[] {
  const lines = read('README.md').split('\n');
  const found: ActionsFile[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```ya?ml\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let end = i + 1;
    for (; end < lines.length && !/^\s*```\s*$/.test(lines[end]!); end++) body.push(lines[end]!.slice(indent));
    const text = `${body.join('\n')}\n`;
    const document = parseDocument(text);
    if (isMap(document.contents) && document.contents.has('jobs')) found.push({ name: `README.md:${i + 2}`, kind: 'workflow', text });
    i = end;
  }
  return found;
}

/** GitHub's verdict on a file: every error, as `<name> (Line: l, Col: c): message`; none when it is valid. */
export async function actionsFileErrors(file: ActionsFile): Promise<string[]> {
  const trace = new NoOperationTraceWriter();
  const entry = { name: file.name, content: file.text };
  if (file.kind === 'action')
    return parseAction(entry, trace)
      .context.errors.getErrors()
      .map((e) => e.message);
  const parsed = parseWorkflow(entry, trace);
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value || errors.length > 0) return errors;
  // The model GitHub builds from a valid tree: job graph (`needs`), cron, concurrency, reusable-workflow calls.
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e: { Message: string }) => e.Message);
}
