import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prCheckWorkflow } from './opt-in-workflow.ts';

describe('prCheckWorkflow', () => {
  it("calls the portal's reusable workflow with the portal's address", () => {
    const workflow = parse(prCheckWorkflow({ portalRepo: 'acme/portal', portalUrl: 'https://acme.github.io/portal/' })) as {
      on: string;
      jobs: { catalog: { uses: string; with: Record<string, string> } };
    };
    expect(workflow.on).toBe('pull_request');
    expect(workflow.jobs.catalog).toEqual({
      uses: 'acme/portal/.github/workflows/validate-catalog.yml@main',
      with: { 'portal-url': 'https://acme.github.io/portal/' },
    });
  });

  it('names a catalog file only when it is not the default one, quoted as YAML data', () => {
    expect(prCheckWorkflow({ file: 'catalog-info.yaml' })).not.toContain('files:');
    expect((parse(prCheckWorkflow({ file: 'services/a b: c.yaml' })) as { jobs: { catalog: { with: { files: string } } } }).jobs.catalog.with.files).toBe(
      'services/a b: c.yaml',
    );
  });
});
