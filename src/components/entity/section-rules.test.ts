import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { OWNED_KINDS } from '../../health/check.ts';
import type { Scorecard } from '../../entity-record/scorecard.ts';
import { sectionIdsFor, type SectionSubject } from './section-rules.ts';

const scorecard: Scorecard = {
  score: 100,
  level: 'gold',
  passed: 1,
  applicable: 1,
  checks: [{ id: 'owner-resolves', title: 'Owner exists', status: 'pass', message: 'Owner group:default/team-a exists.' }],
};

/**
 * An entity of `kind` as the pipeline hands it to the page: no links, labels,
 * annotations, problems or GitHub origin, and a scorecard where src/health
 * scores the kind.
 */
function entityOf(kind: SectionSubject['kind'], overrides: Partial<SectionSubject> = {}): SectionSubject {
  return {
    kind,
    labels: {},
    annotations: {},
    links: [],
    diagnostics: [],
    ...((OWNED_KINDS as readonly string[]).includes(kind.toLowerCase()) ? { scorecard } : {}),
    ...overrides,
  };
}

describe('entity page sections by kind', () => {
  it.each([
    ['Component', ['about', 'scorecard', 'relations']],
    ['API', ['about', 'scorecard', 'api-definition', 'relations']],
    ['Group', ['about', 'group-members', 'owned', 'relations']],
    ['User', ['about', 'user-groups', 'owned', 'relations']],
    ['System', ['about', 'scorecard', 'system-diagram', 'parts', 'relations']],
    ['Domain', ['about', 'scorecard', 'system-diagram', 'parts', 'relations']],
    ['Template', ['about', 'scorecard', 'template', 'relations']],
    ['Resource', ['about', 'scorecard', 'relations']],
    ['Location', ['about', 'location-targets', 'relations']],
  ] as const)('a %s shows %j', (kind, ids) => {
    expect(sectionIdsFor(entityOf(kind))).toEqual(ids);
  });
});

describe('entity page sections that depend on the entity', () => {
  it('shows the inferred notice first for an entity inferred from a repo', () => {
    const ids = sectionIdsFor(entityOf('Component', { origin: { kind: 'inferred' } }));
    expect(ids[0]).toBe('inferred');
    expect(ids).not.toContain('github-origin');
  });

  it.each(['github-team', 'github-user'] as const)('notes the GitHub origin of a %s', (origin) => {
    const ids = sectionIdsFor(entityOf(origin === 'github-team' ? 'Group' : 'User', { origin: { kind: origin, url: 'https://github.com/acme' } }));
    expect(ids.slice(0, 2)).toEqual(['github-origin', 'about']);
    expect(ids).not.toContain('inferred');
  });

  it('lists problems before About when the definition has any', () => {
    const diagnostic: Diagnostic = {
      repo: 'shop',
      path: 'catalog-info.yaml',
      line: 3,
      column: 9,
      severity: 'warning',
      rule: 'entity-name-format',
      message: 'Bad name.',
    };
    expect(sectionIdsFor(entityOf('Component', { diagnostics: [diagnostic] })).slice(0, 2)).toEqual(['problems', 'about']);
  });

  it('leaves the scorecard out when the build published no scorecard for the entity', () => {
    expect(sectionIdsFor(entityOf('Component', { scorecard: undefined }))).toEqual(['about', 'relations']);
  });

  it('shows links after Relations only when the entity has some', () => {
    const ids = sectionIdsFor(entityOf('Component', { links: [{ url: 'https://example.com' }] }));
    expect(ids.slice(-2)).toEqual(['relations', 'links']);
  });

  it.each([
    ['labels', { labels: { tier: '1' } }],
    ['annotations', { annotations: { 'backstage.io/techdocs-ref': 'dir:.' } }],
  ])('shows labels and annotations last when the entity has %s', (_what, overrides) => {
    const ids = sectionIdsFor(entityOf('Component', { links: [{ url: 'https://example.com' }], ...overrides }));
    expect(ids.slice(-3)).toEqual(['relations', 'links', 'labels-and-annotations']);
  });

  it('shows one section per plugin section the entity has data for, before Relations, in config order', () => {
    const view = (id: string) => ({
      id,
      title: 't',
      pluginTitle: 'p',
      freshness: 'fresh' as const,
      facts: [],
      tables: [],
      links: [],
      sparklines: [],
      notices: [],
    });
    const ids = sectionIdsFor(entityOf('Component', { plugins: [view('plugin:sonarqube:quality'), view('plugin:example-runbook:runbook')] }));
    expect(ids).toEqual(['about', 'scorecard', 'plugin:sonarqube:quality', 'plugin:example-runbook:runbook', 'relations']);
  });
});
