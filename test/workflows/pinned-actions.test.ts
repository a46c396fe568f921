/**
 * Every action the portal repo's own workflows and actions use is pinned to a full commit SHA, with
 * the release tag it was read from in a comment (`uses: owner/repo@<40 hex> # v1.2.3`): a moving tag
 * can be repointed at other code, a commit cannot. Actions in this repo (`./…`) are exempt.
 */
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { ownActionsFiles } from './github-actions-schema.ts';

interface Use {
  at: string;
  uses: string;
  /** The comment after it on its line, e.g. `# v7.0.1`. */
  comment: string;
}

/** Every `uses:` value in a workflow or action (steps and reusable-workflow calls), with its line's comment. */
function usesOf(name: string, text: string): Use[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lines = text.split('\n');
  const found: Use[] = [];
  visit(document, {
    Pair(_key, pair, path) {
      if (!isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value) || !isMap(path.at(-1))) return;
      const { line } = lineCounter.linePos(pair.value.range![0]);
      const comment = /\s#\s*(.*)$/.exec(lines[line - 1]!.split(String(pair.value.value))[1] ?? '')?.[1] ?? '';
      found.push({ at: `${name}:${line}`, uses: String(pair.value.value), comment: comment ? `# ${comment.trim()}` : '' });
    },
  });
  return found;
}

const uses = ownActionsFiles().flatMap((file) => usesOf(file.name, file.text));
const remote = uses.filter((u) => !u.uses.startsWith('./'));

describe('actions used by the portal repo', () => {
  it('are found in the workflows and actions', () => {
    expect(remote.length).toBeGreaterThan(5);
    expect(remote.map((u) => u.uses)).toContain('actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128');
  });

  it.each(remote.map((u) => [`${u.at} ${u.uses}`, u] as const))('%s is pinned to a commit, with its tag in a comment', (_name, use) => {
    expect(use.uses).toMatch(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+(\/[^@\s]+)?@[0-9a-f]{40}$/);
    expect(use.comment).toMatch(/^# v\d+(\.\d+)*$/);
  });

  it('name one tag per commit', () => {
    const tags = new Map<string, Set<string>>();
    for (const use of remote) tags.set(use.uses, (tags.get(use.uses) ?? new Set()).add(use.comment));
    expect([...tags].filter(([, comments]) => comments.size > 1)).toEqual([]);
  });
});

describe('usesOf', () => {
  it('finds steps, flow mappings and reusable-workflow calls, with the comment of their line', () => {
    const text = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      '      - { uses: actions/cache@v5 }',
      '      - uses: ./.github/actions/local',
      '  b:',
      '    uses: acme/ci/.github/workflows/build.yml@main #  v2 ',
      '',
    ].join('\n');
    expect(usesOf('w.yml', text)).toEqual([
      { at: 'w.yml:4', uses: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', comment: '# v7.0.1' },
      { at: 'w.yml:5', uses: 'actions/cache@v5', comment: '' },
      { at: 'w.yml:6', uses: './.github/actions/local', comment: '' },
      { at: 'w.yml:8', uses: 'acme/ci/.github/workflows/build.yml@main', comment: '# v2' },
    ]);
  });
});
