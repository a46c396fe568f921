import { describe, expect, it } from 'vitest';
import { initialRepoUrl, parseRepoUrl, repoUrlErrors, repoUrlOptions, serializeRepoUrl } from './repo-url.ts';

describe('RepoUrlPicker value', () => {
  it('uses Backstage’s host?owner=…&repo=… format both ways', () => {
    const value = serializeRepoUrl({ host: 'github.com', owner: 'fernway', repoName: 'loyalty-service' });
    expect(value).toBe('github.com?owner=fernway&repo=loyalty-service');
    expect(parseRepoUrl(value)).toEqual({ host: 'github.com', owner: 'fernway', repoName: 'loyalty-service' });
    expect(parseRepoUrl(undefined)).toEqual({ host: '', owner: '', repoName: '' });
  });

  it('starts on the first allowed host and owner, else github.com and this org', () => {
    expect(initialRepoUrl(repoUrlOptions({ allowedHosts: ['github.com'], allowedOwners: ['acme', 'other'] }), 'fernway')).toBe('github.com?owner=acme');
    expect(initialRepoUrl(repoUrlOptions(undefined), 'fernway')).toBe('github.com?owner=fernway');
    expect(initialRepoUrl(repoUrlOptions(undefined), 'fernway', 'github.com?owner=x&repo=y')).toBe('github.com?owner=x&repo=y');
  });

  it('says what is missing or not allowed', () => {
    const options = repoUrlOptions({ allowedHosts: ['github.com'], allowedOwners: ['fernway'] });
    expect(repoUrlErrors('github.com?owner=fernway', options)).toEqual(['Incomplete repository location provided: enter the repository name']);
    expect(repoUrlErrors('github.com?owner=evil&repo=x', options)).toEqual(['The owner must be one of: fernway']);
    expect(repoUrlErrors('gitlab.com?owner=fernway&repo=x', options)).toEqual(['The host must be one of: github.com']);
    expect(repoUrlErrors('github.com?owner=fernway&repo=has space', options)[0]).toMatch(/letters, digits/);
    expect(repoUrlErrors('github.com?owner=fernway&repo=ok.name_1', options)).toEqual([]);
    expect(repoUrlErrors(undefined, options)).toEqual([]);
  });
});
