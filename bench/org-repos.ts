/**
 * Repos of the synthetic org with their GitHub metadata and own entities
 * (component, API, resources). Cross-repo references are added afterwards
 * (org-plan.ts) once every repo's entities are known.
 */
import type { Random } from './prng.ts';
import type { People, PlannedTeam } from './org-people.ts';
import type { PlannedSystem } from './org-plan.ts';
import { claimName, sentenceCase, titleCase } from './org-names.ts';
import {
  businessNouns,
  languages,
  librarySuffixes,
  noCatalogKinds,
  objects,
  qualifiers,
  resourceKinds,
  serviceSuffixes,
  techTags,
  verbs,
  websiteSuffixes,
  type Language,
} from './org-words.ts';

export type ComponentType = 'service' | 'library' | 'website';
export type Problem = 'missing-owner' | 'bad-name' | 'yaml-syntax';
export const problems: readonly Problem[] = ['missing-owner', 'bad-name', 'yaml-syntax'];

export interface PlannedComponent {
  type: ComponentType;
  lifecycle: 'production' | 'experimental' | 'deprecated';
  system?: string;
  tags: string[];
  /** `file` is the OpenAPI path; `viaLocation` puts the API entity in `api/catalog-info.yaml` behind a Location. */
  api?: { name: string; file: string; viaLocation: boolean };
  resources: { name: string; type: string; what: string; tag: string }[];
  dependsOn: string[];
  consumesApis: string[];
  docs: boolean;
  /** `group:x` instead of plain `x`, as some teams write it. */
  ownerRef: string;
  problem?: Problem;
}

export interface PlannedRepo {
  name: string;
  role: 'org' | 'architecture' | 'template' | 'component' | 'no-catalog';
  owner: PlannedTeam;
  description: string;
  /** GitHub's primaryLanguage; absent for repos of YAML only. */
  language?: Language;
  topics: string[];
  visibility: 'PUBLIC' | 'INTERNAL' | 'PRIVATE';
  archived: boolean;
  fork: boolean;
  createdAt: string;
  committedDate: string;
  readme: boolean;
  codeowners: boolean;
  /** For templates: what the template creates. */
  templateType?: ComponentType;
  component?: PlannedComponent;
}

interface ShellOptions {
  repos: number;
  login: string;
  people: People;
  systems: PlannedSystem[];
}

const START = Date.UTC(2014, 0, 1);
const END = Date.UTC(2025, 5, 30);
const DAY = 86_400_000;

export function planRepoShells(random: Random, options: ShellOptions): PlannedRepo[] {
  const { people, systems } = options;
  const n = options.repos;
  const templates = Math.max(1, Math.round(n / 200));
  const noCatalog = Math.round(n / 10);
  const components = n - 2 - templates - noCatalog;
  const broken = Math.max(problems.length, Math.round(n / 100));
  if (components < broken + 2) throw new RangeError(`A synthetic org needs at least 10 repos; got ${n}.`);

  const taken = new Set<string>(['org', 'architecture']);
  // Names are unique per kind: an API may share its repo's name (`fleet-api`), two APIs may not.
  const apiNames = new Set<string>();
  const resourceNames = new Set<string>();
  const ownerTeams = people.teams.filter((t) => t.level !== 'department');
  const platform = people.teamsByDepartment.get(people.departments[1]!.slug)!;
  const repos: PlannedRepo[] = [
    shell(random, 'org', 'org', people.departments[0]!, 'People and teams of the organization, as catalog Groups and Users.', 0),
    shell(random, 'architecture', 'architecture', platform[0]!, 'Business domains and systems: the containers every component declares itself part of.', 0),
  ];
  for (let i = 0; i < templates; i++) {
    const type = (['service', 'library', 'website'] as const)[i % 3]!;
    const language = type === 'website' ? languages[1] : random.weighted(languages, (l) => l.weight);
    const name = claimName(taken, `template-${language.tag}-${type}`);
    const repo = shell(
      random,
      name,
      'template',
      random.pick(platform),
      `Software template: a new ${language.name} ${type} with CI, catalog entry and docs.`,
      0.5,
      language,
    );
    repo.templateType = type;
    repos.push(repo);
  }
  for (let i = 0; i < noCatalog; i++) {
    const kind = random.pick(noCatalogKinds);
    const name = claimName(taken, `${random.pick(businessNouns)}-${kind.suffix}`);
    const language = kind.language ?? random.weighted(languages, (l) => l.weight);
    const repo = shell(
      random,
      name,
      'no-catalog',
      random.pick(ownerTeams),
      `${sentenceCase(name)}, kept next to the code but not a deployable component.`,
      0.3,
      language,
    );
    repo.archived = random.chance(0.12);
    repos.push(repo);
  }
  const brokenAt = new Set(random.sample([...Array(components).keys()], broken));
  let problemIndex = 0;
  for (let i = 0; i < components; i++) {
    const type: ComponentType = random.weighted(['service', 'library', 'website'] as const, (t) => (t === 'service' ? 6 : t === 'library' ? 3 : 1.5));
    const name = componentName(random, taken, type);
    const system = random.chance(0.9) ? random.pick(systems) : undefined;
    const teams =
      system && random.chance(0.6)
        ? [people.teams.find((t) => t.slug === system.owner)!]
        : system
          ? people.teamsByDepartment.get(system.department)!
          : ownerTeams;
    const owner = random.pick(teams);
    const language = type === 'website' ? languages[1] : random.weighted(languages, (l) => l.weight);
    const description = `${sentenceCase(name)} ${random.pick(verbs)} ${random.pick(objects)}${system ? ` for the ${titleCase(system.name)} system` : ''}.`;
    const repo = shell(random, name, 'component', owner, description, 1, language);
    const lifecycle = random.weighted(['production', 'experimental', 'deprecated'] as const, (l) => (l === 'production' ? 75 : l === 'experimental' ? 12 : 13));
    repo.archived = lifecycle === 'deprecated' && random.chance(0.3);
    // Archived repos stopped changing a while after they were created.
    if (repo.archived) repo.committedDate = isoDate(Math.min(END, Date.parse(repo.createdAt) + random.int(30, 700) * DAY));
    const hasApi = type === 'service' ? random.chance(0.65) : type === 'library' && random.chance(0.05);
    const problem = brokenAt.has(i) ? problems[problemIndex++ % problems.length] : undefined;
    const viaLocation = hasApi && !problem && random.chance(0.1);
    const component: PlannedComponent = {
      type,
      lifecycle,
      tags: [...new Set([language.tag, ...random.sample(techTags, random.int(0, 3))])],
      resources: [],
      dependsOn: [],
      consumesApis: [],
      docs: random.chance(type === 'website' ? 0.2 : 0.37),
      ownerRef: random.chance(0.1) ? `group:${owner.slug}` : owner.slug,
      ...(system ? { system: system.name } : {}),
      ...(hasApi
        ? {
            api: {
              name: claimName(apiNames, name.endsWith('-api') ? name : `${name}-api`),
              file: viaLocation ? 'api/openapi.yaml' : random.chance(0.3) ? 'api/openapi.yaml' : 'openapi.yaml',
              viaLocation,
            },
          }
        : {}),
      ...(problem ? { problem } : {}),
    };
    if (type === 'service' && random.chance(0.45)) {
      for (const kind of random.sample(resourceKinds, random.int(1, 2)))
        component.resources.push({ name: claimName(resourceNames, `${name}-${kind.suffix}`), type: kind.type, what: kind.what, tag: kind.tag });
    }
    repo.component = component;
    repo.topics = [type, ...component.tags.filter((t) => /^[a-z0-9-]+$/.test(t))].slice(0, 5);
    repos.push(repo);
  }
  return repos;
}

function componentName(random: Random, taken: Set<string>, type: ComponentType): string {
  const suffixes = type === 'service' ? serviceSuffixes : type === 'library' ? librarySuffixes : websiteSuffixes;
  const two = () => `${random.pick(businessNouns)}-${random.pick(suffixes)}`;
  const three = () => `${random.pick(businessNouns)}-${random.pick(qualifiers)}-${random.pick(suffixes)}`;
  return claimName(taken, random.chance(0.75) ? two() : three(), () => (random.chance(0.5) ? two() : three()));
}

/** A repo with metadata; `forkChance` scales the share of forks (none for org and architecture). */
function shell(
  random: Random,
  name: string,
  role: PlannedRepo['role'],
  owner: PlannedTeam,
  description: string,
  forkChance: number,
  language?: Language,
): PlannedRepo {
  const special = role === 'org' || role === 'architecture';
  const created = special ? START + random.int(0, 30) * DAY : START + Math.floor(random.float() * (END - START - 30 * DAY));
  const committed = created + Math.floor(random.float() * (END - created));
  const visibility = random.weighted(['PUBLIC', 'INTERNAL', 'PRIVATE'] as const, (v) => (v === 'PUBLIC' ? 75 : v === 'INTERNAL' ? 15 : 10));
  return {
    name,
    role,
    owner,
    description,
    ...(language ? { language } : {}),
    topics: role === 'template' && language ? ['template', language.tag] : [],
    visibility: special ? 'INTERNAL' : visibility,
    archived: false,
    fork: random.chance(0.02 * forkChance),
    createdAt: isoDate(created),
    committedDate: isoDate(committed),
    readme: special || role === 'template' || role === 'no-catalog' || random.chance(0.95),
    codeowners: special || role === 'no-catalog' || random.chance(0.9),
  };
}

/** GitHub's format: whole seconds, `Z`. */
function isoDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
