import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { buildSummary } from './build-command.ts';

const diagnostic = (severity: Diagnostic['severity']): Diagnostic => ({
  repo: 'r',
  path: 'catalog-info.yaml',
  line: 1,
  column: 1,
  severity,
  rule: 'ref-not-found',
  message: 'm',
});
const built = { outDir: join(process.cwd(), 'dist'), pages: 12, searchable: 10, entities: 7, repos: 3 };

describe('buildSummary', () => {
  it('says what was built where, and counts errors and warnings (infos are not problems)', () => {
    const summary = buildSummary({ ...built, diagnostics: [diagnostic('error'), diagnostic('warning'), diagnostic('warning'), diagnostic('info')] }, 2500);
    expect(summary).toBe(
      '\nBuilt 12 pages (7 entities from 3 repos, 10 searchable) into dist/ in 2.5 s.' +
        "\n1 error, 2 warnings in the catalog and docs: see the portal's /diagnostics/ page or run `npm run validate`." +
        '\nPreview: npm run preview',
    );
  });

  it('shows a folder outside the current directory as an absolute path', () => {
    expect(buildSummary({ ...built, outDir: '/elsewhere/site', diagnostics: [diagnostic('warning')] }, 40)).toContain(
      'into /elsewhere/site/ in 40 ms.\n0 errors, 1 warning in',
    );
  });
});
