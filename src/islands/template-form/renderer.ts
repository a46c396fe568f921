/**
 * The form's one link to the shared renderer (src/scaffolder/render, the same code the
 * apply-template action runs), in a worker (./dry-run-worker.ts) started on first use, after the
 * form is on screen: nunjucks is the island's largest dependency and the form works without it.
 *
 * A template is repo content, and what it renders depends on what the visitor types: a render that
 * runs past DRY_RUN_LIMIT_MS is stopped (the worker is ended; the next render starts a new one) and
 * reported, instead of freezing the page.
 */
import type { DryRunResult, DryRunTemplate } from '../../scaffolder/render/index.ts';
import type { DryRunRequest, DryRunResponse } from './dry-run-worker.ts';

export type { DryRunResult, DryRunStep, DryRunTemplate, RenderedFile, RenderProblem } from '../../scaffolder/render/index.ts';
export type DryRun = (template: DryRunTemplate, parameters: Record<string, unknown>) => Promise<DryRunResult>;

export const DRY_RUN_LIMIT_MS = 5_000;

let worker: Worker | undefined;
let nextId = 0;

function startWorker(): Worker {
  worker ??= new Worker(new URL('./dry-run-worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

const render: DryRun = (template, parameters) =>
  new Promise((resolve, reject) => {
    const running = startWorker();
    const id = ++nextId;
    const timer = setTimeout(() => {
      running.terminate();
      if (worker === running) worker = undefined;
      reject(new Error(`rendering took longer than ${DRY_RUN_LIMIT_MS / 1000} s with these values, and was stopped`));
    }, DRY_RUN_LIMIT_MS);
    const onMessage = (event: MessageEvent<DryRunResponse>) => {
      if (event.data.id !== id) return;
      clearTimeout(timer);
      running.removeEventListener('message', onMessage);
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data.result);
    };
    running.addEventListener('message', onMessage);
    running.postMessage({ id, template, parameters } satisfies DryRunRequest);
  });

/** Resolves once a render can be asked for; rendering itself happens in the worker. */
export function loadDryRun(): Promise<DryRun> {
  return Promise.resolve(render);
}
