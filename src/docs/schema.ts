/**
 * DocsData: the rendered TechDocs sites the Astro site reads (through the
 * `docs` and `docsSites` collections). Kept apart from PortalData because it
 * holds every page's HTML: the catalog pages never need to load it.
 */
import { z } from 'zod';

export interface DocsNavItemShape {
  kind: 'page' | 'section' | 'link';
  title: string;
  /** Base-relative path of a page (`docs/default/component/x/guide/`), or the href of an external link. */
  href?: string | undefined;
  children?: DocsNavItemShape[] | undefined;
}

export const DocsNavItemSchema: z.ZodType<DocsNavItemShape> = z.lazy(() =>
  z.object({
    kind: z.enum(['page', 'section', 'link']),
    title: z.string(),
    href: z.string().optional(),
    children: z.array(DocsNavItemSchema).optional(),
  }),
);

export const DocsSiteRecordSchema = z.object({
  /** `<namespace>/<kind>/<name>`, lowercase, as the entity's page. */
  id: z.string(),
  /** Lowercase ref of the entity the docs belong to. */
  entityRef: z.string(),
  entityTitle: z.string(),
  /** Base-relative path of the entity's catalog page. */
  entityPath: z.string(),
  siteName: z.string(),
  /** Base-relative path of the site's first page. */
  path: z.string(),
  /** `mkdocs` for a TechDocs site, `readme` for a README shown as a single page. */
  kind: z.enum(['mkdocs', 'readme']),
  nav: z.array(DocsNavItemSchema),
  /**
   * Base-relative path of the site map (`docs/…/x/~pages/`), the one page that lists the whole nav:
   * set when the nav is too large to repeat on every page, which then shows it collapsed.
   */
  siteMapPath: z.string().optional(),
  repo: z.string(),
  /** Repo-relative path of mkdocs.yml (or of the README). */
  configPath: z.string(),
  pageCount: z.number().int().nonnegative(),
});
export type DocsSiteRecord = z.infer<typeof DocsSiteRecordSchema>;

export const DocsHeadingSchema = z.object({ depth: z.number().int(), id: z.string(), text: z.string() });

export const DocsPageRecordSchema = z.object({
  /** Base-relative path without the trailing slash: `docs/default/component/x/guide/setup`. */
  id: z.string(),
  siteId: z.string(),
  title: z.string(),
  /** Base-relative path of the page (`docs/…/guide/setup/`). */
  path: z.string(),
  /** Repo-relative source file. */
  source: z.string(),
  inNav: z.boolean(),
  editUrl: z.string().optional(),
  /** Date of the last commit that changed the file, else of the repo's HEAD commit. */
  lastUpdated: z.object({ date: z.string(), scope: z.enum(['file', 'repo']) }).optional(),
  prev: z.object({ title: z.string(), path: z.string() }).optional(),
  next: z.object({ title: z.string(), path: z.string() }).optional(),
  headings: z.array(DocsHeadingSchema),
  /** Mermaid diagrams on the page: the client script that draws them loads only then. */
  hasMermaid: z.boolean(),
  html: z.string(),
});
export type DocsPageRecord = z.infer<typeof DocsPageRecordSchema>;

export const DocsDataSchema = z.object({
  sites: z.array(DocsSiteRecordSchema),
  pages: z.array(DocsPageRecordSchema),
});
export type DocsData = z.infer<typeof DocsDataSchema>;
