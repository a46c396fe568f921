/**
 * Every scorecard check, in the order scorecards list them (failing first,
 * then this order): ownership, metadata, docs, the API contract, dependencies,
 * then the repository.
 */
import type { Check } from '../check.ts';
import { apiDefinitionValid } from './api-definition.ts';
import { noDeprecatedDependencies } from './dependencies.ts';
import { descriptionPresent, docsPresent, lifecycleSet } from './metadata.ts';
import { ownerResolves, systemSet } from './ownership.ts';
import { codeownersPresent, recentActivity, repoNotArchived } from './repo.ts';

export const CHECKS: readonly Check[] = [
  ownerResolves,
  descriptionPresent,
  lifecycleSet,
  docsPresent,
  systemSet,
  apiDefinitionValid,
  noDeprecatedDependencies,
  repoNotArchived,
  recentActivity,
  codeownersPresent,
];

/** The checks run for a kind (any case). */
export function checksFor(kind: string): Check[] {
  const lower = kind.toLowerCase();
  return CHECKS.filter((check) => check.kinds.includes(lower));
}
