import { describe, expect, it } from 'vitest';
import { isolate, isolateAsync, repoFailed } from './isolate.ts';

describe('isolate', () => {
  it('passes the value through when nothing throws', () => {
    expect(isolate({ repo: 'shop', stage: 'parsing catalog files' }, () => 42)).toEqual({ ok: true, value: 42 });
  });

  it('turns an exception into a repo-failed error naming the repo, the stage, the file and the entity', () => {
    const result = isolate({ repo: 'shop', stage: 'building page data', path: 'catalog-info.yaml', line: 3, column: 1, ref: 'component:default/web' }, () => {
      throw new RangeError('Invalid time value');
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({
      rule: 'repo-failed',
      severity: 'error',
      repo: 'shop',
      path: 'catalog-info.yaml',
      line: 3,
      column: 1,
      ref: 'component:default/web',
    });
    expect(result.diagnostic.message).toBe(
      'Frontdoor failed while building page data (catalog-info.yaml): RangeError: Invalid time value. The entity component:default/web is left out of the portal; the rest of the org is built. Change the content named here, or report a Frontdoor bug if it looks valid.',
    );
  });

  it('escapes the error message and keeps it to one bounded line', () => {
    const diagnostic = repoFailed({ repo: 'evil', stage: 'reading docs' }, new Error(`\n::error::pwned\u001b[2J${'x'.repeat(1000)}`));
    expect(diagnostic.message).not.toMatch(/[\n\u001b]/);
    expect(diagnostic.message).toContain('\\n::error::pwned\\x1b[2J');
    expect(diagnostic.message.length).toBeLessThan(600);
    expect(diagnostic.ref).toBeUndefined();
  });

  it('accepts anything thrown, not only Errors', () => {
    const result = isolate({ repo: '', stage: 'generating groups and users from GitHub teams' }, () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a thrown non-Error is what this test is about
      throw 'a string';
    });
    expect(!result.ok && result.diagnostic.message).toMatch(
      /^Frontdoor failed while generating groups and users from GitHub teams: a string\. What this stage makes is left out/,
    );
  });
});

describe('isolateAsync', () => {
  it('catches rejections too', async () => {
    const result = await isolateAsync({ repo: 'shop', stage: 'copying docs assets' }, () => Promise.reject(new Error('EACCES')));
    expect(!result.ok && result.diagnostic).toMatchObject({ rule: 'repo-failed', repo: 'shop' });
  });
});
