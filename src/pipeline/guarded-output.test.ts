import { afterEach, describe, expect, it, vi } from 'vitest';
import { withGuardedOutput } from './guarded-output.ts';

describe('withGuardedOutput', () => {
  const written: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    written.length = 0;
  });

  it('guards every line written while the work runs, however the writes are split, then restores the stream', async () => {
    const original = process.stderr.write;
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const value = await withGuardedOutput(async () => {
      process.stderr.write('[WARN] file docs/a\n:');
      process.stderr.write(':error::owned\n\u001b[33m[WARN]\u001b[39m ok ##[');
      process.stderr.write(Buffer.from('add-mask]x'));
      return 42;
    });
    expect(value).toBe(42);
    expect(written.join('')).toBe('[WARN] file docs/a\n\uff1a:error::owned\n\u001b[33m[WARN]\u001b[39m ok ##\uff3badd-mask]x');
    expect(process.stderr.write).toBe(spy);
    expect(process.stderr.write).not.toBe(original);
  });

  it('restores the streams when the work throws', async () => {
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await expect(withGuardedOutput(() => Promise.reject(new Error('astro failed')))).rejects.toThrow('astro failed');
    expect(process.stdout.write).toBe(spy);
  });
});
