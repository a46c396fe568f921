/**
 * The island's two downloads: the template's launch data and, only when a picker needs it, the
 * explorer's catalog.json. Both checked: a failed response says which URL and status, so the form
 * can say what went wrong.
 *
 * The launch data is checked by shape, not with its zod schema: the build validated it when it
 * wrote it, and zod would be the largest part of this island (~440 KB minified, measured with
 * esbuild), on a page that only needs to know the file is what it expects.
 */
import { decodeCatalogIndex, type CatalogIndex, type ExplorerEntity } from '../explorer/catalog-index.ts';
import type { TemplateLaunchData } from '../../scaffolder/schema.ts';

type Fetch = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

async function getJson(url: string, fetchImpl: Fetch): Promise<unknown> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return response.json();
}

export async function loadTemplate(url: string, fetchImpl: Fetch = fetch): Promise<TemplateLaunchData> {
  const data = (await getJson(url, fetchImpl)) as Partial<TemplateLaunchData> | null;
  const checks: [string, boolean][] = [
    ['ref', typeof data?.ref === 'string'],
    ['templatePath', typeof data?.templatePath === 'string'],
    ['steps', Array.isArray(data?.steps)],
    ['skeletons', typeof data?.skeletons === 'object' && data.skeletons !== null],
    ['repo', typeof data?.repo?.owner === 'string' && typeof data.repo.name === 'string'],
  ];
  const missing = checks.filter(([, ok]) => !ok).map(([key]) => key);
  if (missing.length > 0) throw new Error(`${url} is not a template's launch data (no valid ${missing.join(', ')})`);
  return data as TemplateLaunchData;
}

export async function loadCatalog(url: string, fetchImpl: Fetch = fetch): Promise<ExplorerEntity[]> {
  const index = (await getJson(url, fetchImpl)) as CatalogIndex;
  if (index?.version !== 1 || !Array.isArray(index.strings) || !Array.isArray(index.rows)) throw new Error(`${url} is not the catalog index this form reads`);
  return decodeCatalogIndex(index);
}
