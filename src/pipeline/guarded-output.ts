/**
 * Astro prints its own warnings (a page route that collides with another, a
 * file it could not read), and some name files that came from repo content.
 * Its logger has no destination to plug into, so while it runs, everything
 * written to stdout and stderr goes through `guardLogLines` a whole line at a
 * time: no line can start a GitHub Actions workflow command, however the
 * writes are split. Astro's own colours are left alone.
 */
import { guardLogLines } from '../diagnostics/log-text.ts';

type Write = typeof process.stdout.write;

/** `onLine` sees every whole line written meanwhile (as written, colours included). */
export async function withGuardedOutput<T>(work: () => Promise<T>, onLine?: (line: string) => void): Promise<T> {
  const restore = [guardStream(process.stdout, onLine), guardStream(process.stderr, onLine)];
  try {
    return await work();
  } finally {
    for (const flush of restore) flush();
  }
}

/** Replace `stream.write` with a line-buffered, guarded one; returns what flushes and restores it. */
function guardStream(stream: NodeJS.WriteStream, onLine?: (line: string) => void): () => void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back as it was (a bound copy would not be), and only called with .call(stream)
  const original: Write = stream.write;
  let pending = '';
  const emit = (text: string) => {
    if (onLine) for (const line of text.split('\n')) if (line) onLine(line);
    return original.call(stream, guardLogLines(text));
  };
  stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const end = pending.lastIndexOf('\n');
    if (end >= 0) {
      emit(pending.slice(0, end + 1));
      pending = pending.slice(end + 1);
    }
    // Callers may pass a callback as the last argument; the data is taken, so call it now.
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    callback?.();
    return true;
  };
  return () => {
    stream.write = original;
    if (pending) emit(pending);
  };
}
