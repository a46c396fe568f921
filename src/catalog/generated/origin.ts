/** Where an entity came from when it was not read from a catalog file. */
export type EntityOrigin =
  | { kind: 'github-team'; url?: string }
  | { kind: 'github-user'; url?: string }
  /** A repo without a catalog file, shown anyway; `registerUrl` opens GitHub's new-file page prefilled. */
  | { kind: 'inferred'; registerUrl?: string };
