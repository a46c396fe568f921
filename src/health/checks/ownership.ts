/**
 * Who runs it and what it belongs to: an owner that resolves to a real Group
 * or User, and a System for the parts of a system.
 */
import { splitCanonicalRef } from '../../catalog-model/refs.ts';
import { editLink, fail, OWNED_KINDS, pass, type Check } from '../check.ts';

const OWNER_KINDS = new Set(['group', 'user']);

export const ownerResolves: Check = {
  id: 'owner-resolves',
  title: 'Owner is a real team or person',
  short: 'Owner',
  why: 'Someone has to answer for it: an owner that does not resolve leaves it orphaned.',
  kinds: OWNED_KINDS,
  run(entity, { byRef }) {
    const owner = entity.owner;
    if (!owner) {
      return fail('No owner: `spec.owner` is not set.', {
        text: 'Set `spec.owner` to the team that runs it, e.g. `owner: group:default/<team>`.',
        ...editLink(entity),
      });
    }
    const { kind } = splitCanonicalRef(owner);
    if (!OWNER_KINDS.has(kind)) {
      const target = byRef.get(owner);
      return fail(`Owner ${owner} is a ${target?.kind ?? kind}, not a Group or User.`, {
        text: 'Point `spec.owner` at the Group (team) or User who runs it.',
        ...editLink(entity),
      });
    }
    if (!byRef.has(owner)) {
      return fail(`Owner ${owner} is not in the catalog.`, {
        text: `Fix the name in \`spec.owner\`, or add ${kind === 'user' ? 'the User' : 'the Group'} to the catalog (or its GitHub team, when teams are read).`,
        ...editLink(entity),
      });
    }
    return pass(`Owned by ${owner}.`);
  },
};

export const systemSet: Check = {
  id: 'system-set',
  title: 'Part of a system',
  short: 'System',
  why: 'A system groups what ships together; without one, it is hard to find and to reason about.',
  kinds: ['component', 'api', 'resource'],
  run(entity, { byRef }) {
    if (entity.system) {
      return byRef.has(entity.system)
        ? pass(`Part of ${entity.system}.`)
        : fail(`System ${entity.system} is not in the catalog.`, {
            text: 'Fix the name in `spec.system`, or add the System to the catalog.',
            ...editLink(entity),
          });
    }
    // A subcomponent belongs to its parent's system (Backstage: spec.subcomponentOf).
    const parent = entity.relations.find((r) => r.type === 'partOf' && splitCanonicalRef(r.target).kind === 'component');
    const parentSystem = parent && byRef.get(parent.target)?.system;
    if (parent && parentSystem && byRef.has(parentSystem)) {
      return pass(`Subcomponent of ${parent.target}, which is part of ${parentSystem}.`);
    }
    return fail('No system: `spec.system` is not set.', {
      text: 'Set `spec.system` to the System it is part of, e.g. `system: payments`.',
      ...editLink(entity),
    });
  },
};
