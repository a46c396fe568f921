/**
 * The gallery's order and its cards for GitHub template repositories that have no Template entity
 * ("Use this template" as GitHub offers it). Recommended first: a template tagged `recommended`, or
 * named in `templates.recommended` (by ref or repo name, in that list's order).
 */
import type { Repo } from '../sources/snapshot.ts';
import { skeletonLanguage } from './skeleton-analysis.ts';
import { templateRepo } from './launch-data.ts';
import type { TemplateCard } from './page-schema.ts';

export const RECOMMENDED_TAG = 'recommended';

/** GitHub's create-from-template page; it exists only for a repo flagged as a template repository. */
export function generateUrl(repo: { owner: string; name: string; isTemplate: boolean }): string | undefined {
  return repo.isTemplate ? `https://github.com/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/generate` : undefined;
}

/** A card for each template repository none of whose files declares a Template entity. */
export function repoCards(repos: readonly Repo[], reposWithTemplates: ReadonlySet<string>, org: string, recommended: readonly string[]): TemplateCard[] {
  return repos
    .filter((r) => r.isTemplate && !r.archived && !reposWithTemplates.has(r.name))
    .map((r) => {
      const url = generateUrl(templateRepo(r, org));
      const language = r.language ?? skeletonLanguage(Object.keys(r.files));
      return {
        id: `repo:${r.name}`,
        kind: 'repo',
        title: r.name,
        ...((r.description ?? readmeLead(r)) ? { description: r.description ?? readmeLead(r) } : {}),
        tags: [...r.topics],
        ...(language ? { language } : {}),
        ...(r.head?.date ? { updated: r.head.date } : {}),
        recommended: recommended.includes(r.name) || r.topics.includes(RECOMMENDED_TAG),
        ...(url ? { generateUrl: url } : {}),
        problems: { errors: 0, warnings: 0 },
      } satisfies TemplateCard;
    });
}

const MAX_LEAD = 240;

/**
 * A template repo's first README paragraph after its title, as plain text: its card's description
 * when GitHub has none (a local folder never does). Markdown marks are dropped, not rendered: the
 * card shows text.
 */
export function readmeLead(repo: Pick<Repo, 'files'>): string | undefined {
  const readme = repo.files['README.md'] ?? repo.files['readme.md'];
  if (readme?.status !== 'text') return undefined;
  const paragraph = readme.text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block !== '' && !/^(#|```|~~~|<|!\[|\||[-*+] |\d+\. )/.test(block));
  if (!paragraph) return undefined;
  const text = paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_LEAD ? `${text.slice(0, MAX_LEAD - 1).trimEnd()}…` : text;
}

/** Is a Template recommended: tagged so, or listed by ref or by its repo's name. */
export function isRecommended(ref: string, tags: readonly string[], repoName: string, recommended: readonly string[]): boolean {
  return tags.includes(RECOMMENDED_TAG) || recommended.some((r) => r.toLowerCase() === ref || r === repoName);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Recommended first (config list order, then tagged ones by title), then every other card by title. */
export function sortCards(cards: readonly TemplateCard[], recommended: readonly string[]): TemplateCard[] {
  const rank = (card: TemplateCard) => {
    if (!card.recommended) return Number.MAX_SAFE_INTEGER;
    const index = recommended.findIndex((r) => r.toLowerCase() === card.id || `repo:${r}` === card.id);
    return index === -1 ? recommended.length : index;
  };
  return [...cards].sort((a, b) => rank(a) - rank(b) || collator.compare(a.title, b.title) || collator.compare(a.id, b.id));
}
