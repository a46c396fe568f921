/**
 * decideOwner, the pure rule that settles a ref declared in several repos.
 * The attacker here is `aaa-evil`, a repo named to sort first, redeclaring
 * the Group and the Component of the `payments` team.
 */
import { describe, expect, it } from 'vitest';
import { readCatalog, type LoadedEntity } from '../catalog/read-catalog.ts';
import { inMemorySnapshot, type InMemoryRepo } from '../../test/support/in-memory-source.ts';
import { decideOwner } from './decide-owner.ts';
import { ownershipEvidence, type OwnershipEvidence } from './ownership-evidence.ts';

const group = (name: string, annotations = '') => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${name}
  description: ${name} as declared here
${annotations ? `  annotations: { ${annotations} }\n` : ''}spec: { type: team, children: [] }
`;
const component = (name: string, owner: string, annotations = '') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${annotations ? `  annotations: { ${annotations} }\n` : ''}spec: { type: service, lifecycle: production, owner: ${owner} }
`;

const repo = (name: string, catalog: string, extra: Record<string, string> = {}): InMemoryRepo => ({
  name,
  url: `https://github.com/acme/${name}`,
  catalogFiles: ['catalog-info.yaml'],
  files: { 'catalog-info.yaml': catalog, ...extra },
});

const GROUP = 'group:default/payments-team';
const COMPONENT = 'component:default/payments-api';

function decide(ref: string, repos: InMemoryRepo[], record: Record<string, string> = {}) {
  const snapshot = inMemorySnapshot(repos, 'acme');
  const catalog = readCatalog(snapshot);
  const copies = catalog.entities.filter((e: LoadedEntity) => e.ref === ref);
  const evidence: OwnershipEvidence = ownershipEvidence(snapshot, catalog, new Map(Object.entries(record)));
  const verdict = decideOwner(ref, copies, evidence);
  // The winner's repo, for short assertions (a held verdict names its own `repo`).
  return 'winner' in verdict ? { ...verdict, repo: verdict.winner.source.repo } : verdict;
}

describe('decideOwner', () => {
  const payments = repo('payments', group('payments-team'));
  const evil = repo('aaa-evil', group('payments-team'));

  it('gives aaa-evil nothing when nothing decides: neither copy wins', () => {
    expect(decide(GROUP, [evil, payments])).toEqual({ kind: 'undecided', slugs: 0, slugRepos: 0 });
  });

  it('keeps the ref with the repo the previous build published it from, in any input order', () => {
    expect(decide(GROUP, [evil, payments], { [GROUP]: 'payments' })).toMatchObject({ kind: 'published', repo: 'payments' });
    expect(decide(GROUP, [payments, evil], { [GROUP]: 'payments' })).toMatchObject({ kind: 'published', repo: 'payments' });
  });

  it('ignores a record naming a repo that no longer declares the ref', () => {
    expect(decide(GROUP, [evil, payments], { [GROUP]: 'gone' })).toMatchObject({ kind: 'undecided' });
  });

  it('the record outranks every other rule: a repo cannot take a published ref by adding signals', () => {
    const loud = repo('aaa-evil', group('payments-team', 'github.com/project-slug: acme/aaa-evil'), { '.github/CODEOWNERS': '* @acme/payments-team\n' });
    expect(decide(GROUP, [loud, payments], { [GROUP]: 'payments' })).toMatchObject({ kind: 'published', repo: 'payments' });
  });

  it('holds a ref recorded for a repo whose catalog has errors now, instead of handing it over', () => {
    // A YAML error makes Backstage (and Frontdoor) reject the whole file: aaa-evil's is the only copy left.
    const broken = repo('payments', `${group('payments-team')}---\nkind: [broken\n`);
    expect(decide(GROUP, [evil, broken], { [GROUP]: 'payments' })).toEqual({ kind: 'held', repo: 'payments' });
    // A clean repo that no longer declares it lets it move.
    expect(decide(GROUP, [evil, repo('payments', component('other', 'x'))], { [GROUP]: 'payments' })).toMatchObject({ kind: 'only-copy', repo: 'aaa-evil' });
  });

  it("picks the repo every copy's github.com/project-slug names (case-insensitive): a verbatim copy hands the ref to its source", () => {
    const slugged = repo('payments', group('payments-team', 'github.com/project-slug: Acme/Payments'));
    const verbatim = repo('aaa-evil', group('payments-team', 'github.com/project-slug: acme/payments'));
    expect(decide(GROUP, [verbatim, slugged])).toMatchObject({ kind: 'project-slug', repo: 'payments', slug: 'acme/payments' });
  });

  it('a slug that only the attacker carries, or that names the attacker, decides nothing', () => {
    const selfNamed = repo('aaa-evil', group('payments-team', 'github.com/project-slug: acme/aaa-evil'));
    expect(decide(GROUP, [selfNamed, payments])).toEqual({ kind: 'undecided', slugs: 1, slugRepos: 1 });
    const slugged = repo('payments', group('payments-team', 'github.com/project-slug: acme/payments'));
    expect(decide(GROUP, [selfNamed, slugged])).toEqual({ kind: 'undecided', slugs: 2, slugRepos: 2 });
    // Agreeing on a repo that is neither copy's is no claim either.
    const elsewhere = (name: string) => repo(name, group('payments-team', 'github.com/project-slug: acme/somewhere'));
    expect(decide(GROUP, [elsewhere('aaa-evil'), elsewhere('payments')])).toEqual({ kind: 'undecided', slugs: 2, slugRepos: 1 });
  });

  it('a Component copied verbatim, project-slug and all, stays with the repo the slug names', () => {
    const annotated = component('payments-api', 'payments-team', 'github.com/project-slug: acme/payments');
    expect(decide(COMPONENT, [repo('aaa-evil', annotated), repo('payments', annotated)])).toMatchObject({ kind: 'project-slug', repo: 'payments' });
  });

  it('CODEOWNERS decides nothing: any repo author can name any team in their own CODEOWNERS', () => {
    const owned = repo('payments', group('payments-team'), { '.github/CODEOWNERS': '* @acme/payments-team\n' });
    const claimed = repo('aaa-evil', group('payments-team'), { '.github/CODEOWNERS': '* @acme/payments-team\n' });
    expect(decide(GROUP, [evil, owned]).kind).toBe('undecided');
    expect(decide(GROUP, [claimed, payments]).kind).toBe('undecided');
  });

  it('matches a slug by repo name when the repo has no URL (a plain local folder)', () => {
    const local = (name: string, catalog: string): InMemoryRepo => ({ name, catalogFiles: ['catalog-info.yaml'], files: { 'catalog-info.yaml': catalog } });
    const slugged = group('payments-team', 'github.com/project-slug: acme/payments');
    expect(decide(GROUP, [local('aaa-evil', slugged), local('payments', slugged)])).toMatchObject({ kind: 'project-slug', repo: 'payments' });
  });
});
