/**
 * Every file of one synthetic repo, by repo-relative path. Each repo draws from
 * its own random stream (seed + name), so its content depends only on the plan.
 */
import type { OrgPlan, PlannedRepo } from './org-plan.ts';
import { Random } from './prng.ts';
import { architectureCatalog, componentCatalog, orgCatalog, type Files } from './render-catalog.ts';
import { techDocs } from './render-docs.ts';
import { openApi } from './render-openapi.ts';
import { codeowners, manifest, readme } from './render-repo-files.ts';
import { templateRepo } from './render-template.ts';

export function renderRepo(plan: OrgPlan, repo: PlannedRepo, seed: number): Files {
  const random = Random.derive(seed, `repo:${repo.name}`);
  const files: Files = {};
  if (repo.readme) files['README.md'] = readme(plan, repo, random);
  if (repo.codeowners) files['.github/CODEOWNERS'] = codeowners(plan, repo, random);
  switch (repo.role) {
    case 'org':
      Object.assign(files, orgCatalog(plan));
      break;
    case 'architecture':
      Object.assign(files, architectureCatalog(plan));
      break;
    case 'template':
      Object.assign(files, templateRepo(plan.login, repo));
      break;
    case 'component': {
      const c = repo.component!;
      Object.assign(files, componentCatalog(plan, repo, random));
      if (c.api) files[c.api.file] = openApi(plan.login, c.api.name, `The ${c.api.name} of ${repo.name}. ${repo.description}`, random);
      if (c.docs) Object.assign(files, techDocs(plan.login, repo, random));
      const [path, text] = manifest(repo.language!.name, repo.name, repo.description);
      files[path] = text;
      break;
    }
    case 'no-catalog': {
      const [path, text] = manifest(repo.language!.name, repo.name, repo.description);
      files[path] = text;
      break;
    }
  }
  return files;
}
