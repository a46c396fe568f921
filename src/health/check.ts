/**
 * What a scorecard check is: a stable id, the kinds it applies to, and a pure
 * function from one entity (plus org-wide lookups and the build time) to a
 * status, a message for this entity and, when it fails, the fix.
 */
import type { EntityRecord } from '../entity-record/schema.ts';
import type { CheckFix, CheckResult, CheckStatus } from '../entity-record/scorecard.ts';

export interface CheckContext {
  /** The build time. Checks never read the clock, so a build is reproducible. */
  now: Date;
  /** Config `health.staleAfterDays`. */
  staleAfterDays: number;
  /** Every entity by lowercase ref (owners, systems, dependencies are looked up here). */
  byRef: ReadonlyMap<string, EntityRecord>;
  /** Results computed before scoring (the plugins' checks, src/plugins), by entity ref: they join the scorecard. */
  extraResults?: ReadonlyMap<string, readonly CheckResult[]>;
}

export interface CheckOutcome {
  status: CheckStatus;
  message: string;
  fix?: CheckFix;
}

export interface Check {
  id: string;
  title: string;
  /** A word or two for chart labels: "Owner", "Docs". */
  short: string;
  /** Why platform teams ask for it (one sentence, shown on the health page). */
  why: string;
  /** Lowercase kinds the check is run for; other kinds do not list it at all. */
  kinds: readonly string[];
  run(entity: EntityRecord, context: CheckContext): CheckOutcome;
}

export const pass = (message: string): CheckOutcome => ({ status: 'pass', message });
export const notApplicable = (message: string): CheckOutcome => ({ status: 'not-applicable', message });
export const fail = (message: string, fix: CheckFix): CheckOutcome => ({ status: 'fail', message, fix });

/**
 * Where to change the entity's definition: GitHub's edit page of its catalog
 * file, or for an entity inferred from a repo without one, the prefilled
 * new-file page that registers it.
 */
export function editLink(entity: EntityRecord): Pick<CheckFix, 'url' | 'label'> {
  if (entity.origin?.kind === 'inferred') {
    return entity.origin.registerUrl ? { url: entity.origin.registerUrl, label: 'Create catalog-info.yaml' } : {};
  }
  return entity.source.editUrl ? { url: entity.source.editUrl, label: `Edit ${entity.source.path}` } : {};
}

/** The kinds that carry a spec.owner and so get a scorecard. */
export const OWNED_KINDS = ['component', 'api', 'resource', 'system', 'domain', 'template'] as const;
/** Kinds that live with code: the repo checks (archived, activity, CODEOWNERS) apply to them. */
export const CODE_KINDS = ['component', 'api', 'resource', 'template'] as const;
