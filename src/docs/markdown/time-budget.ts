/**
 * The time one page's render may take (`limits.maxPageRenderMs`). Repo
 * content is untrusted, and a page that finds a slow path in the renderer
 * or in a library under it must not stall the whole build.
 *
 * JavaScript cannot stop a running synchronous function from the same
 * thread, except through Node's `vm` timeout: its watchdog terminates the
 * script it runs, and that works for main-realm functions called from such
 * a script. So the synchronous parts of a render run through `run`, and the
 * parts that await (or run WebAssembly, which must never be cut short) call
 * `check` between steps. Time spent in `exclude` (loading grammars, shared
 * by every later page) does not count.
 */
import { createContext, Script } from 'node:vm';

export class RenderTimeout extends Error {
  readonly limitMs: number;
  constructor(limitMs: number) {
    super(`the render took longer than ${limitMs} ms`);
    this.name = 'RenderTimeout';
    this.limitMs = limitMs;
  }
}

export interface TimeBudget {
  /** Run `fn` with what is left of the budget; throws RenderTimeout when it runs out, even mid-`fn`. */
  run<T>(fn: () => T): T;
  /** Throws RenderTimeout when the budget is spent. */
  check(): void;
  /** Await `work` without counting the time it takes. */
  exclude<T>(work: Promise<T>): Promise<T>;
}

// One context for every run: creating one costs more than a small page's render.
const context = createContext({ run: undefined as (() => unknown) | undefined });
const script = new Script('run()');
// The vm's timeout is a uint32 of milliseconds.
const MAX_TIMEOUT = 2 ** 31;

/** `now` is a millisecond clock (tests pass their own). */
export function timeBudget(limitMs: number, now: () => number = () => performance.now()): TimeBudget {
  const started = now();
  let excluded = 0;
  const left = () => limitMs - (now() - started - excluded);
  const check = () => {
    if (!(left() > 0)) throw new RenderTimeout(limitMs);
  };
  return {
    run(fn) {
      check();
      context['run'] = fn;
      try {
        const result = script.runInContext(context, { timeout: Math.min(MAX_TIMEOUT, Math.max(1, Math.ceil(left()))) }) as ReturnType<typeof fn>;
        // The watchdog's termination can be lost inside a native call (performance.now() in a loop),
        // and the script then returns normally: seen once in the full suite, where a 10 s spin
        // returned after 20 ms. A result that arrives after the budget ran out is a timeout all the same.
        check();
        return result;
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new RenderTimeout(limitMs);
        throw error;
      } finally {
        context['run'] = undefined;
      }
    },
    check,
    async exclude(work) {
      const before = now();
      try {
        return await work;
      } finally {
        excluded += now() - before;
      }
    },
  };
}
