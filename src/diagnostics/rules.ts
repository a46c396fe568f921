/**
 * Every diagnostic rule, with its severity and what it guards. Rule ids are
 * stable: people filter on them and CI annotations show them as titles.
 * `backstage` says whether Backstage rejects the same input (true), accepts
 * it silently (false: Frontdoor is stricter and says so), or the rule is
 * Frontdoor's own (null: about files and sources rather than entities).
 */
import { docsRules } from './docs-rules.ts';
import { templateRules } from './template-rules.ts';
import type { Severity } from './diagnostic.ts';

export interface RuleInfo {
  severity: Severity;
  backstage: boolean | null;
  summary: string;
}

export const rules = {
  'file-too-large': { severity: 'error', backstage: null, summary: 'A catalog or referenced file is over the size limit and was not read.' },
  'file-binary': { severity: 'error', backstage: null, summary: 'A catalog or referenced file is binary (or UTF-16) and was not parsed.' },
  'file-not-utf8': { severity: 'warning', backstage: null, summary: 'A file is not valid UTF-8; invalid bytes were replaced, as Backstage does.' },
  'file-outside-repo': { severity: 'error', backstage: true, summary: 'A path, or a symlink on it, leads out of the repository.' },
  'file-unreadable': { severity: 'error', backstage: null, summary: 'A file could not be read.' },
  'file-rejected': {
    severity: 'error',
    backstage: true,
    summary: 'An entity was not loaded because another document read in the same batch is broken; Backstage rejects the whole batch.',
  },
  'yaml-syntax': { severity: 'error', backstage: true, summary: 'A YAML document does not parse.' },
  'yaml-alias-limit': { severity: 'error', backstage: true, summary: 'A YAML document expands too many aliases (a "billion laughs" document).' },
  'yaml-root-not-object': { severity: 'error', backstage: true, summary: 'A YAML document is a list or a scalar, not a mapping of fields.' },
  'yaml-too-many-documents': { severity: 'error', backstage: null, summary: 'A file holds more documents than the configured limit; the rest were not read.' },
  'envelope-invalid': { severity: 'error', backstage: true, summary: '`apiVersion`, `kind`, `metadata` or `metadata.name` is missing or not a string.' },
  'annotations-not-object': { severity: 'error', backstage: true, summary: '`metadata.annotations` is not a mapping.' },
  'root-field-unknown': { severity: 'error', backstage: true, summary: 'A top-level field other than apiVersion, kind, metadata and spec.' },
  'api-version-format': { severity: 'error', backstage: true, summary: '`apiVersion` is not of the form `prefix/version`.' },
  'kind-format': { severity: 'error', backstage: true, summary: '`kind` is not a letter followed by letters and digits.' },
  'kind-unknown': { severity: 'error', backstage: true, summary: 'No built-in kind matches this kind and apiVersion.' },
  'entity-name-format': { severity: 'error', backstage: true, summary: '`metadata.name` is not a valid entity name.' },
  'namespace-format': { severity: 'error', backstage: true, summary: '`metadata.namespace` is not a lowercase DNS label.' },
  'label-key-format': { severity: 'error', backstage: true, summary: 'A label key is not a valid `[prefix/]name`.' },
  'label-value-format': { severity: 'error', backstage: true, summary: 'A label value is not empty or name-like.' },
  'annotation-key-format': { severity: 'error', backstage: true, summary: 'An annotation key is not a valid `[prefix/]name`.' },
  'tag-format': { severity: 'error', backstage: true, summary: 'A tag is not lowercase `[a-z0-9:+#]` groups joined by `-`.' },
  'link-url-format': { severity: 'error', backstage: true, summary: 'A link URL is not an absolute URL.' },
  'link-text-empty': { severity: 'error', backstage: true, summary: 'A link title or icon is blank.' },
  'metadata-field-invalid': { severity: 'error', backstage: true, summary: 'A metadata field has the wrong type or is empty.' },
  'spec-missing': { severity: 'error', backstage: true, summary: '`spec` is missing or not a mapping.' },
  'spec-field-required': { severity: 'error', backstage: true, summary: 'A required spec field is missing.' },
  'spec-field-invalid': { severity: 'error', backstage: true, summary: 'A spec field has the wrong type, is empty, or is not an allowed value.' },
  'ref-invalid': { severity: 'error', backstage: true, summary: 'An entity reference is malformed or lacks a required kind.' },
  'placeholder-not-found': { severity: 'error', backstage: true, summary: 'A `$text`/`$json`/`$yaml` placeholder names a file that does not exist.' },
  'placeholder-outside-repo': { severity: 'error', backstage: true, summary: 'A placeholder points outside its repository.' },
  'placeholder-invalid': { severity: 'error', backstage: true, summary: 'A placeholder value is not a string, or the file does not parse.' },
  'placeholder-external': {
    severity: 'warning',
    backstage: false,
    summary: 'A placeholder names a URL on another host; Frontdoor does not fetch it at build time.',
  },
  'location-target-not-found': { severity: 'error', backstage: true, summary: 'A required Location target does not exist.' },
  'location-target-outside-repo': { severity: 'error', backstage: true, summary: 'A Location target points outside its repository.' },
  'location-target-not-followed': {
    severity: 'warning',
    backstage: false,
    summary: 'A Location target is not a file of this repo, so Frontdoor does not read it.',
  },
  'location-depth': {
    severity: 'error',
    backstage: null,
    summary: 'Locations nest deeper than the configured limit. (A Location naming a file already read is skipped, so loops end.)',
  },
  'duplicate-entity': {
    severity: 'error',
    backstage: false,
    summary:
      "Two documents declare the same entity ref. In one repo the later document, then the first file, wins; across repos the one it was last published from wins, else the repo every copy's `github.com/project-slug` names; otherwise no copy is published.",
  },
  'ref-not-found': { severity: 'warning', backstage: false, summary: 'A relation points to an entity that does not exist.' },
  'owner-not-found': { severity: 'warning', backstage: false, summary: '`spec.owner` names no existing Group or User.' },
  'relation-target-kind': {
    severity: 'warning',
    backstage: false,
    summary: 'A relation points to an entity of a kind it should not (an owner that is a Component).',
  },
  'relation-cycle': { severity: 'error', backstage: false, summary: '`partOf` or `childOf` relations form a loop.' },
  'field-misspelled': { severity: 'warning', backstage: false, summary: 'A spec field looks like a misspelled relation field; Backstage ignores it silently.' },
  'repo-stale': { severity: 'warning', backstage: null, summary: 'A repository could not be read this time; its content is from the last good crawl.' },
  'source-incomplete': {
    severity: 'warning',
    backstage: null,
    summary: 'A crawl stopped early (rate limit, GitHub failing); what it did not read keeps its previous content.',
  },
  'generated-entity-overridden': {
    severity: 'info',
    backstage: null,
    summary: 'An entity generated from GitHub (team, person, repo without a catalog file) is also declared in a catalog file; the file wins.',
  },
  'repo-failed': {
    severity: 'error',
    backstage: null,
    summary: "Handling one repository's content failed unexpectedly at some stage; that part of the repo is left out and the rest of the org is built.",
  },
  'file-in-git-dir': {
    severity: 'error',
    backstage: null,
    summary: "A path leads into the repository's `.git` folder (in any spelling), which is never read, linked or published.",
  },
  'repo-date-invalid': {
    severity: 'warning',
    backstage: null,
    summary: 'A date from git or GitHub is not a valid date between years 0 and 9999; it is shown as unknown.',
  },
  'repo-url-invalid': {
    severity: 'warning',
    backstage: null,
    summary: 'A repository URL from git or GitHub is not a valid http(s) URL; the portal shows no links to it.',
  },
  'repo-no-catalog': { severity: 'info', backstage: null, summary: 'A repository has no catalog file.' },
  'plugin-failed': {
    severity: 'warning',
    backstage: null,
    summary: 'An integration plugin could not read its service: its sections show the last good data, or that it is unavailable, and why.',
  },
  ...withoutBackstage(docsRules),
  ...withoutBackstage(templateRules),
} as const satisfies Record<string, RuleInfo>;

/** Docs and template-check rules are Frontdoor's own: Backstage's catalog never reads docs, nor tests templates. */
function withoutBackstage<T extends Record<string, { severity: Severity; summary: string }>>(list: T): { [K in keyof T]: T[K] & { backstage: null } } {
  return Object.fromEntries(Object.entries(list).map(([id, rule]) => [id, { ...rule, backstage: null }])) as { [K in keyof T]: T[K] & { backstage: null } };
}

export type RuleId = keyof typeof rules;
