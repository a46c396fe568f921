import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from './rules-doc.ts';
import { rules } from './rules.ts';

describe('docs/rules.md', () => {
  it('is up to date with the rule registry (run `npm run schema` to regenerate)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(rulesMarkdown());
  });
  it('documents every rule id with its severity', () => {
    const doc = rulesMarkdown();
    for (const [id, rule] of Object.entries(rules)) expect(doc).toContain(`| \`${id}\` | ${rule.severity} |`);
  });
});
