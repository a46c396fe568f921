import { describe, expect, it } from 'vitest';
import { findCodeowners, repoOwners } from './codeowners.ts';

describe('CODEOWNERS', () => {
  it('takes the owners of the last catch-all rule', () => {
    const text = '# default owners\n* @acme/platform\n/docs/ @acme/writers\n*.js @jane\n/ @acme/payments @bob # both\n';
    expect(repoOwners(text)).toEqual([
      { kind: 'team', org: 'acme', slug: 'payments' },
      { kind: 'user', login: 'bob' },
    ]);
  });

  it('has no whole-repo owner when no rule covers everything', () => {
    expect(repoOwners('/src/ @acme/backend\n*.md @acme/docs\n')).toEqual([]);
  });

  it('reads owners written as emails, and lowercases team slugs', () => {
    expect(repoOwners('* dev@acme.example @Acme/Web-Team\n')).toEqual([
      { kind: 'email', email: 'dev@acme.example' },
      { kind: 'team', org: 'Acme', slug: 'web-team' },
    ]);
  });

  it('finds the file where GitHub looks first: .github/, then the root, then docs/', () => {
    const text = (t: string) => ({ status: 'text' as const, text: t, size: t.length });
    expect(findCodeowners({ CODEOWNERS: text('* @a'), '.github/CODEOWNERS': text('* @b') })?.path).toBe('.github/CODEOWNERS');
    expect(findCodeowners({ 'docs/CODEOWNERS': text('* @c') })?.path).toBe('docs/CODEOWNERS');
    expect(findCodeowners({})).toBeUndefined();
  });
});
