/**
 * Annotation keys the portal reads or writes, named once. All but the last are
 * Backstage's well-known annotations, with the same meaning as there, so a
 * catalog file means the same in both. Frontdoor's own live under `frontdoor.dev/`.
 * They sit below every stage, the crawl included (it follows `techdocs-ref` to
 * read docs), as Backstage keeps them in its catalog-model package.
 */

/**
 * Where the entity's TechDocs are (`dir:.`, or `url:` of a repo tree): the docs stage builds the site it names.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageiotechdocs-ref
 */
export const ANNOTATION_TECHDOCS_REF = 'backstage.io/techdocs-ref';

/**
 * The folder of the catalog file, as a `url:` location; written like Backstage's collector does, unless the file sets its own.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageiosource-location
 */
export const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';

/**
 * Web page of the catalog file; written like Backstage's collector does, unless the file sets its own.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageioview-url-backstageioedit-url
 */
export const ANNOTATION_VIEW_URL = 'backstage.io/view-url';

/**
 * Where to edit the entity's definition: GitHub's edit page of the catalog file (unless the file sets its own), or a generated Group's team settings.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageioview-url-backstageioedit-url
 */
export const ANNOTATION_EDIT_URL = 'backstage.io/edit-url';

/**
 * The catalog file the entity was read from (`url:` or `file:`); always overwritten, never taken from the file.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageiomanaged-by-location
 */
export const ANNOTATION_LOCATION = 'backstage.io/managed-by-location';

/**
 * The location whose registration brought the entity in: for the portal, the same catalog file as `managed-by-location`.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageiomanaged-by-origin-location
 */
export const ANNOTATION_ORIGIN_LOCATION = 'backstage.io/managed-by-origin-location';

/**
 * Backstage's marker (`"true"`) on an entity no registered location lists any more; the portal rebuilds from the repos every time, so it never sets it.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageioorphan
 */
export const ANNOTATION_ORPHAN = 'backstage.io/orphan';

/**
 * `<org>/<repo>` the entity belongs to: set on inferred Components, and when copies of one ref collide, the repo every copy names keeps it.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#githubcomproject-slug
 */
export const ANNOTATION_PROJECT_SLUG = 'github.com/project-slug';

/**
 * `<org>/<team>` of the GitHub team a generated Group was read from.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#githubcomteam-slug
 */
export const ANNOTATION_TEAM_SLUG = 'github.com/team-slug';

/**
 * Login of the GitHub account a generated User was read from.
 * https://backstage.io/docs/features/software-catalog/well-known-annotations#githubcomuser-login
 */
export const ANNOTATION_USER_LOGIN = 'github.com/user-login';

/** Frontdoor's own, not Backstage's (`"true"`): a Component inferred from a repo without a catalog file. */
export const ANNOTATION_INFERRED = 'frontdoor.dev/inferred';
