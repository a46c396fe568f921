import { describe, expect, it } from 'vitest';
import { inMemorySnapshot } from '../../test/support/in-memory-source.ts';
import { editUrlOf } from './edit-url.ts';
import { loadDocsSite } from './site/index.ts';

const repoWith = (mkdocs: string) => {
  const [repo] = inMemorySnapshot([
    { name: 'pay', url: 'https://github.com/acme/pay', catalogFiles: [], files: { 'mkdocs.yml': mkdocs, 'docs/guide/setup.md': '# Setup' } },
  ]).repos;
  repo!.defaultBranch = 'trunk';
  return { repo: repo!, site: loadDocsSite({ files: repo!.files, dir: '', entityName: 'pay' }) };
};
const page = { src: 'guide/setup.md', repoPath: 'docs/guide/setup.md' };

describe('"Edit this page"', () => {
  it('follows repo_url + edit_uri written in mkdocs.yml', () => {
    const { repo, site } = repoWith('site_name: Pay\nrepo_url: https://github.com/acme/pay-docs\nedit_uri: edit/main/content/\n');
    expect(editUrlOf(repo, site, page)).toBe('https://github.com/acme/pay-docs/edit/main/content/guide/setup.md');
  });

  it("uses the repo's real default branch rather than MkDocs' edit/master/ default", () => {
    const { repo, site } = repoWith('site_name: Pay\nrepo_url: https://github.com/acme/pay\n');
    expect(site.config).toMatchObject({ editUri: 'edit/master/docs/', editUriIsDefault: true });
    expect(editUrlOf(repo, site, page)).toBe('https://github.com/acme/pay/edit/trunk/docs/guide/setup.md');
  });

  it("shows none when mkdocs.yml turns edit links off with edit_uri: ''", () => {
    const { repo, site } = repoWith("site_name: Pay\nrepo_url: https://github.com/acme/pay\nedit_uri: ''\n");
    expect(editUrlOf(repo, site, page)).toBeUndefined();
  });

  it('never links to a non-web URL from mkdocs.yml', () => {
    const { repo, site } = repoWith("site_name: Pay\nrepo_url: https://github.com/acme/pay\nedit_uri: 'javascript:alert(1)//'\n");
    expect(editUrlOf(repo, site, page)).toBe('https://github.com/acme/pay/edit/trunk/docs/guide/setup.md');
  });
});
