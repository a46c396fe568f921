/**
 * Diagnostic rules of the build-time template checks (issue 12, src/scaffolder/checks). They are registered with every
 * other rule in src/diagnostics/rules.ts; the checks take their rule ids from this table, so the
 * registry never imports the stage it describes (as with docs-rules.ts).
 */
import type { Severity } from './diagnostic.ts';

interface TemplateRuleInfo {
  severity: Severity;
  summary: string;
}

export const templateRules = {
  'template-skeleton-missing': {
    severity: 'error',
    summary: 'A `fetch:template` or `fetch:plain` step names a skeleton folder that holds no file in the repo.',
  },
  'template-skeleton-remote': {
    severity: 'warning',
    summary: 'A fetch step names a skeleton by URL; Frontdoor reads skeletons from the template repo only, so it is neither shown nor checked.',
  },
  'template-parameters-invalid': { severity: 'error', summary: '`spec.parameters` is not a valid JSON Schema: the form cannot be built from it.' },
  'template-render-error': {
    severity: 'error',
    summary: 'Rendering the skeleton with the sample values failed: a nunjucks error, or a path that leaves the new repo.',
  },
  'template-unrendered-expression': {
    severity: 'error',
    summary: 'A rendered file still contains `${{`, outside the paths `copyWithoutTemplating` lists.',
  },
  'template-output-syntax': { severity: 'error', summary: 'A rendered YAML or JSON file does not parse.' },
  'template-output-catalog-invalid': {
    severity: 'error',
    summary: "The rendered `catalog-info.yaml` fails the catalog's validation: projects created from the template would not load.",
  },
  'template-no-catalog-info': {
    severity: 'warning',
    summary: 'The skeleton has no `catalog-info.yaml`: projects created from it will not appear in the catalog.',
  },
  'template-no-workflow': {
    severity: 'warning',
    summary: "The template repo lacks the opt-in workflow that runs the apply-template action, so GitHub's copy is never rendered.",
  },
  'template-repo-not-template': {
    severity: 'warning',
    summary: "The template's repo is not a GitHub template repository, so GitHub has no create-from-template page for it.",
  },
  'template-step-manual': {
    severity: 'info',
    summary: 'A step runs an action Frontdoor does not run; the template page lists it as a step to do by hand.',
  },
} as const satisfies Record<string, TemplateRuleInfo>;

export type TemplateRuleId = keyof typeof templateRules;
