import { describe, expect, it } from 'vitest';
import { parseEntityRef, parseRepoUrl, pick, projectSlug } from './filters.ts';
import { createRenderer } from './nunjucks-env.ts';

// The examples are Backstage's own (filters/*/examples.ts in plugin-scaffolder-backend).
describe('Backstage template filters', () => {
  const render = createRenderer();

  it('parseRepoUrl splits what RepoUrlPicker produces', () => {
    expect(parseRepoUrl('github.com?repo=backstage&owner=backstage')).toEqual({ host: 'github.com', owner: 'backstage', repo: 'backstage' });
    expect(render('${{ parameters.repoUrl | parseRepoUrl | dump }}', { parameters: { repoUrl: 'github.com?repo=web&owner=acme' } })).toBe(
      '{"host":"github.com","repo":"web","owner":"acme"}',
    );
  });

  it('parseRepoUrl needs an owner on GitHub and a project or owner on GitLab', () => {
    expect(() => parseRepoUrl('github.com?repo=web')).toThrow(/missing owner/);
    expect(parseRepoUrl('gitlab.com?project=42')).toEqual({ host: 'gitlab.com', repo: '', project: '42' });
    expect(() => parseRepoUrl('bitbucket.org?repo=web')).toThrow(/missing project/);
  });

  it('projectSlug is owner/repo', () => {
    expect(projectSlug('github.com?repo=web&owner=acme')).toBe('acme/web');
  });

  it('parseEntityRef without and with a context', () => {
    expect(parseEntityRef('group:techdocs')).toEqual({ kind: 'group', namespace: 'default', name: 'techdocs' });
    expect(
      render('${{ parameters.owner | parseEntityRef({ defaultKind:"group", defaultNamespace:"another-namespace" }) | dump }}', {
        parameters: { owner: 'techdocs' },
      }),
    ).toBe('{"kind":"group","namespace":"another-namespace","name":"techdocs"}');
    expect(() => parseEntityRef('techdocs')).toThrow(/no kind/);
  });

  it("pick is lodash's get", () => {
    expect(render("${{ parameters.owner | parseEntityRef | pick('name') }}", { parameters: { owner: 'group:default/techdocs' } })).toBe('techdocs');
    expect(pick({ a: { b: [{ c: 1 }] } }, 'a.b[0].c')).toBe(1);
    expect(pick({ a: { 'x.y': 2 } }, 'a["x.y"]')).toBe(2);
    expect(pick({ a: 1 }, 'a.b')).toBeUndefined();
    expect(pick({}, 'constructor')).toBeUndefined();
  });
});
