/** The search scope a page starts with: a docs site's pages search that site's docs first. */

export interface SearchScope {
  /** Canonical ref of the entity whose docs are searched (the `docs` filter's value). */
  ref: string;
  /** How the scope reads in the UI: "Booking Service docs". */
  label: string;
}
