/**
 * Nothing it depends on or consumes is deprecated: a dependency on a
 * deprecated entity is a migration someone has to plan.
 */
import { editLink, fail, notApplicable, pass, type Check } from '../check.ts';

const DEPENDENCY_RELATIONS = new Set(['dependsOn', 'consumesApi']);

export const noDeprecatedDependencies: Check = {
  id: 'no-deprecated-dependencies',
  title: 'No deprecated dependencies',
  short: 'No deprecated deps',
  why: 'Depending on something deprecated is a migration waiting to happen.',
  kinds: ['component', 'resource'],
  run(entity, { byRef }) {
    const targets = entity.relations.filter((r) => DEPENDENCY_RELATIONS.has(r.type)).map((r) => r.target);
    if (targets.length === 0) return notApplicable('Declares no dependencies or consumed APIs.');
    const deprecated = [...new Set(targets)].filter((ref) => byRef.get(ref)?.lifecycle?.trim().toLowerCase() === 'deprecated');
    if (deprecated.length === 0) {
      return pass(targets.length === 1 ? 'Its one dependency is not deprecated.' : `None of its ${targets.length} dependencies is deprecated.`);
    }
    return fail(`Depends on deprecated ${deprecated.join(', ')}.`, {
      text: 'Move to the replacement, then remove the dependency from `spec.dependsOn` or `spec.consumesApis`.',
      ...editLink(entity),
    });
  },
};
