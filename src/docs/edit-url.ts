/**
 * "Edit this page": MkDocs' `repo_url` + `edit_uri` + the page's path when the
 * site sets them (so a docs folder mirrored from elsewhere edits at its
 * origin), else the GitHub edit page of the source file on the repo's
 * default branch. Only http(s) URLs: mkdocs.yml is repo content.
 */
import { fileWebUrl } from '../catalog/repo-files.ts';
import type { Repo } from '../sources/snapshot.ts';
import type { DocsSite } from './site/types.ts';

export function editUrlOf(repo: Repo, site: DocsSite | undefined, page: { src: string; repoPath: string; editPath?: string | undefined }): string | undefined {
  const editPath = page.editPath ?? page.repoPath;
  const fromDocsDir = site && isInside(site.config.docsDir, editPath);
  // MkDocs only completes edit_uri for github.com/gitlab.com/bitbucket.org; an explicit one is honoured.
  if (site?.config.repoUrl && site.config.editUri !== undefined && fromDocsDir && !isDefaultEditUri(site.config.editUri)) {
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

/**
 * MkDocs fills in `edit/master/docs/` when edit_uri is unset; on a repo whose branch is `main`
 * that link is broken, and the crawler knows the real branch.
 */
function isDefaultEditUri(editUri: string): boolean {
  return editUri === 'edit/master/docs/' || editUri === 'src/default/docs/';
}

function isInside(dir: string, path: string): boolean {
  return dir === '' || path.startsWith(`${dir}/`);
}
