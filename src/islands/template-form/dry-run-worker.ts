/**
 * The dry run's worker: renders the skeleton off the page's thread, so a template that loops for a
 * long time with the values typed (a `range()` over a number from the form) stalls no keystroke,
 * and the page can stop it (./renderer.ts).
 */
import { dryRun, type DryRunResult, type DryRunTemplate } from '../../scaffolder/render/index.ts';

export interface DryRunRequest {
  id: number;
  template: DryRunTemplate;
  parameters: Record<string, unknown>;
}

export type DryRunResponse = { id: number; result: DryRunResult } | { id: number; error: string };

self.onmessage = (event: MessageEvent<DryRunRequest>) => {
  const { id, template, parameters } = event.data;
  let response: DryRunResponse;
  try {
    response = { id, result: dryRun(template, parameters) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
