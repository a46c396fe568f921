/**
 * GitHub Actions workflow commands written to stdout, escaped the way `@actions/core` escapes them
 * (actions/toolkit `packages/core/src/command.ts`): in data `%`, CR and LF; in properties also `:`
 * and `,`. Unescaped, a newline in a message would end the command and let the rest of the line be
 * read as another one.
 */
import type { RenderProblem } from '../render/types.ts';

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,col=…,title=…::message`, an annotation on the file when there is one. */
export function errorCommand(problem: RenderProblem): string {
  const properties: string[] = [];
  if (problem.file) properties.push(`file=${escapeProperty(problem.file)}`);
  if (problem.line !== undefined) properties.push(`line=${problem.line}`);
  if (problem.column !== undefined) properties.push(`col=${problem.column}`);
  if (problem.step) properties.push(`title=${escapeProperty(`step ${problem.step}`)}`);
  const message = problem.fix ? `${problem.message} (${problem.fix})` : problem.message;
  return `::error${properties.length > 0 ? ` ${properties.join(',')}` : ''}::${escapeData(message)}`;
}
