/**
 * Per-repo isolation: every stage that handles one repo's content runs it
 * through `isolate`, so an exception (a bug, or input nobody foresaw) costs
 * that repo that part of its portal, with a `repo-failed` diagnostic, and
 * never the nightly build of the whole org. `validate` runs the same stages,
 * so the repo that would have broken the build fails its own PR check, with
 * a message instead of a stack trace.
 */
import type { Diagnostic } from './diagnostic.ts';
import { logText } from './log-text.ts';
import { makeDiagnostic } from './make.ts';

export interface FailurePlace {
  /** The repo whose content was being handled ('' when not one repo's, e.g. the GitHub teams). */
  repo: string;
  /** What was being done, for people: `parsing catalog files`, `building page data`, … */
  stage: string;
  /** The file, when the failure is tied to one. */
  path?: string;
  line?: number;
  column?: number;
  /** The entity, when the failure is tied to one: the diagnostic then shows on its page. */
  ref?: string;
  /** What the failure costs, when more precise than the entity or the repo's part: `This document`. */
  leftOut?: string;
}

export type Isolated<T> = { ok: true; value: T } | { ok: false; diagnostic: Diagnostic };

/** Messages are one line and bounded: a thrown value can be anything, of any size. */
const MAX_MESSAGE = 300;

/** The `repo-failed` diagnostic for `error`, thrown while doing `place.stage`. */
export function repoFailed(place: FailurePlace, error: unknown): Diagnostic {
  const raw = describeError(error);
  const message = logText(raw.length > MAX_MESSAGE ? `${raw.slice(0, MAX_MESSAGE)}…` : raw);
  const lost = place.leftOut ?? (place.ref ? `The entity ${place.ref}` : place.repo ? `What this stage makes of ${place.repo}` : 'What this stage makes');
  const what = `${lost} is left out of the portal`;
  return makeDiagnostic(
    'repo-failed',
    { repo: place.repo, path: place.path ?? '', line: place.line ?? 0, column: place.column ?? 0 },
    `Frontdoor failed while ${place.stage}${place.path ? ` (${place.path})` : ''}: ${message}. ${what}; the rest of the org is built. Change the content named here, or report a Frontdoor bug if it looks valid.`,
    place.ref,
  );
}

/** Run one repo's (or entity's) part of a stage; an exception becomes a `repo-failed` diagnostic. */
export function isolate<T>(place: FailurePlace, run: () => T): Isolated<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, diagnostic: repoFailed(place, error) };
  }
}

/** `isolate` for asynchronous work. */
export async function isolateAsync<T>(place: FailurePlace, run: () => Promise<T>): Promise<Isolated<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, diagnostic: repoFailed(place, error) };
  }
}

/** Anything can be thrown, even a value whose `toString` throws: the guard itself must not. */
function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an exception that cannot be described';
  }
}
