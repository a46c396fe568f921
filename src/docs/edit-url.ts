/**
 * "Edit this page": MkDocs' `repo_url` + `edit_uri` + the page's path when the
 * site sets them (so a docs folder mirrored from elsewhere edits at its
 * origin), else the GitHub edit page of the source file on the repo's
 * default branch; none when mkdocs.yml sets `edit_uri: ''`. Only http(s)
 * URLs: mkdocs.yml is repo content.
 */
import { fileWebUrl } from '../sources/repo-files.ts';
import type { Repo } from '../sources/snapshot.ts';
import { isInside } from './site/paths.ts';
import type { DocsSite } from './site/types.ts';

export function editUrlOf(repo: Repo, site: DocsSite | undefined, page: { src: string; repoPath: string; editPath?: string | undefined }): string | undefined {
  const editPath = page.editPath ?? page.repoPath;
  const fromDocsDir = site && isInside(site.config.docsDir, editPath);
  // `edit_uri: ''` is how MkDocs sites turn the edit link off.
  if (fromDocsDir && site.config.editUri === '') return undefined;
  // MkDocs' own default (`edit/master/docs/`) is often the wrong branch; the crawler knows the real one.
  if (site?.config.repoUrl && site.config.editUri !== undefined && !site.config.editUriIsDefault && fromDocsDir) {
    try {
      const root = new URL(site.config.repoUrl.replace(/\/*$/, '/'));
      const url = new URL(site.config.editUri.replace(/\/*$/, '/') + page.src.split('/').map(encodeURIComponent).join('/'), root);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      /* fall back to the repo */
    }
  }
  return fileWebUrl(repo, editPath, 'edit');
}
