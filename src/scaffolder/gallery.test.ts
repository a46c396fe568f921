import { describe, expect, it } from 'vitest';
import type { Repo } from '../sources/snapshot.ts';
import { readmeLead } from './gallery.ts';

const repo = (text: string): Pick<Repo, 'files'> => ({ files: { 'README.md': { status: 'text', text, size: text.length } } });

describe("a template repo's card description from its README", () => {
  it('is the first paragraph after the title, as plain text', () => {
    expect(readmeLead(repo('# starter\n\nA **static** site, deployed by [Pages](https://pages.github.com)\non every push.\n\n## Use\n'))).toBe(
      'A static site, deployed by Pages on every push.',
    );
  });

  it('skips badges, code, lists and tables, and is absent without a README or a paragraph', () => {
    expect(readmeLead(repo('# x\n\n![ci](badge.svg)\n\n```sh\nnpm i\n```\n\n- a\n- b\n\nThe text.\n'))).toBe('The text.');
    expect(readmeLead(repo('# only a title\n'))).toBeUndefined();
    expect(readmeLead({ files: {} })).toBeUndefined();
  });

  it('is cut at 240 characters', () => {
    const lead = readmeLead(repo(`# x\n\n${'word '.repeat(100)}\n`))!;
    expect(lead.length).toBe(240);
    expect(lead.endsWith('…')).toBe(true);
  });
});
