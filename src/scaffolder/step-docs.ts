/**
 * A template's steps as its page lists them: what Backstage's action would do, and what Frontdoor
 * does instead (the renderer's dry run decides each step's handling, so the page and the form agree).
 */
import { stringify } from 'yaml';
import type { StepDoc } from './page-schema.ts';
import type { DryRunStep } from './render/index.ts';

export function documentSteps(steps: readonly DryRunStep[]): StepDoc[] {
  return steps.map((step) => ({
    ...(step.id ? { id: step.id } : {}),
    ...(step.name ? { name: step.name } : {}),
    action: step.action,
    handling: step.handling,
    note: step.note,
    // Only a step done by hand needs its input spelled out; the others are Frontdoor's or GitHub's to run.
    ...(step.handling === 'manual' && step.input !== undefined ? { input: stringify(step.input, { lineWidth: 0 }).trimEnd() } : {}),
  }));
}
