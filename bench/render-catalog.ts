/**
 * Catalog files of the synthetic org: a component repo's catalog-info.yaml
 * (and api/catalog-info.yaml behind a Location), the org repo's Groups and
 * Users, and the architecture repo's Domains and Systems. Deliberately broken
 * repos get their one mistake here.
 */
import { stringify } from 'yaml';
import type { OrgPlan, PlannedRepo } from './org-plan.ts';
import type { Random } from './prng.ts';
import { titleCase } from './org-names.ts';

export type Files = Record<string, string>;
type Doc = Record<string, unknown>;

const V1 = 'backstage.io/v1alpha1';

/** YAML documents joined by `---`, after an optional comment header. */
export function yamlFile(docs: Doc[], header?: string): string {
  const body = docs.map((d) => stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
  return header ? `${header.replace(/^/gm, '# ')}\n${body}` : body;
}

export function componentCatalog(plan: OrgPlan, repo: PlannedRepo, random: Random): Files {
  const c = repo.component!;
  const slug = `${plan.login}/${repo.name}`;
  const annotations: Record<string, string> = { 'github.com/project-slug': slug };
  if (c.docs) annotations['backstage.io/techdocs-ref'] = 'dir:.';
  if (c.type === 'service' && random.chance(0.5)) annotations['backstage.io/kubernetes-id'] = repo.name;
  if (c.type === 'service' && random.chance(0.3)) annotations['pagerduty.com/service-id'] = `P${random.int(100000, 999999).toString(36).toUpperCase()}`;
  const links = [
    { url: `https://grafana.${plan.login}.example/d/${repo.name}`, title: 'Grafana dashboard', icon: 'dashboard' },
    ...(random.chance(0.5)
      ? [{ url: `https://${plan.login}.slack.com/archives/C${random.int(100000, 999999)}`, title: `#team-${repo.owner.slug}`, icon: 'chat' }]
      : []),
  ];
  const common = { owner: c.ownerRef, ...(c.system ? { system: c.system } : {}) };
  const spec: Doc = {
    type: c.type,
    lifecycle: c.lifecycle,
    ...common,
    ...(c.api ? { providesApis: [c.api.name] } : {}),
    ...(c.consumesApis.length ? { consumesApis: c.consumesApis } : {}),
    ...(c.dependsOn.length ? { dependsOn: c.dependsOn } : {}),
  };
  if (c.problem === 'missing-owner') delete spec['owner'];
  const component: Doc = {
    apiVersion: V1,
    kind: 'Component',
    metadata: {
      name: c.problem === 'bad-name' ? titleCase(repo.name) : repo.name,
      title: titleCase(repo.name),
      description: repo.description,
      annotations,
      tags: c.tags,
      links,
    },
    spec,
  };
  const api: Doc | undefined = c.api && {
    apiVersion: V1,
    kind: 'API',
    metadata: {
      name: c.api.name,
      title: titleCase(c.api.name),
      description: `REST API of ${repo.name}.`,
      annotations: { 'github.com/project-slug': slug },
      tags: ['rest', 'openapi'],
    },
    spec: { type: 'openapi', lifecycle: c.lifecycle, ...common, definition: { $text: c.api.viaLocation ? './openapi.yaml' : `./${c.api.file}` } },
  };
  const resources: Doc[] = c.resources.map((r) => ({
    apiVersion: V1,
    kind: 'Resource',
    metadata: { name: r.name, title: titleCase(r.name), description: `The ${r.what} of ${repo.name}.`, tags: [r.tag] },
    spec: { type: r.type, ...common },
  }));

  const header = `Catalog entry for ${repo.name}. Owned by ${repo.owner.name}; see .github/CODEOWNERS.`;
  if (api && c.api!.viaLocation) {
    const location: Doc = {
      apiVersion: V1,
      kind: 'Location',
      metadata: { name: `${repo.name}-apis`, description: `API entities of ${repo.name}, next to their definitions.` },
      spec: { targets: ['./api/catalog-info.yaml'] },
    };
    return { 'catalog-info.yaml': yamlFile([component, ...resources, location], header), 'api/catalog-info.yaml': yamlFile([api]) };
  }
  let text = yamlFile([component, ...(api ? [api] : []), ...resources], header);
  // The classic mistake: an unquoted `: ` inside a plain scalar.
  if (c.problem === 'yaml-syntax') text = text.replace(/^ {2}description: .*$/m, `  description: ${titleCase(repo.name)}: ${repo.description}`);
  return { 'catalog-info.yaml': text };
}

export function orgCatalog(plan: OrgPlan): Files {
  const { people, login } = plan;
  const teams = new Map(people.teams.map((t) => [t.slug, t]));
  const root: Doc = {
    apiVersion: V1,
    kind: 'Group',
    metadata: { name: login, title: titleCase(login), description: `${titleCase(login)}, the whole organization.` },
    spec: {
      type: 'organization',
      profile: { displayName: titleCase(login), email: `engineering@${login}.example` },
      children: people.departments.map((d) => d.slug),
    },
  };
  const groups: Doc[] = plan.yamlGroups.slice(1).map((slug) => {
    const team = teams.get(slug)!;
    return {
      apiVersion: V1,
      kind: 'Group',
      metadata: {
        name: slug,
        title: team.name,
        description: `${team.name}, as declared in org/groups.yaml.`,
        annotations: { 'github.com/team-slug': `${login}/${slug}` },
      },
      spec: {
        type: team.level === 'department' ? 'department' : 'team',
        profile: { displayName: team.name, email: `${slug}@${login}.example` },
        parent: team.parent ?? login,
        children: people.teams.filter((t) => t.parent === slug).map((t) => t.slug),
      },
    };
  });
  const users = new Map(people.users.map((u) => [u.login, u]));
  const userDocs: Doc[] = plan.yamlUsers.map((name) => {
    const user = users.get(name)!;
    return {
      apiVersion: V1,
      kind: 'User',
      metadata: { name, title: user.name, annotations: { 'github.com/user-login': name } },
      spec: { profile: { displayName: user.name, email: user.email }, memberOf: user.teams },
    };
  });
  const location: Doc = {
    apiVersion: V1,
    kind: 'Location',
    metadata: {
      name: `${login}-org`,
      title: `${titleCase(login)} organization`,
      description: 'Groups and users declared by hand; GitHub teams fill in the rest.',
      annotations: { 'github.com/project-slug': `${login}/org` },
    },
    spec: { targets: ['./groups.yaml', './people.yaml'] },
  };
  const onlyHere = plan.yamlGroups.filter((g) => !teams.has(g));
  return {
    'catalog-info.yaml': yamlFile([location], 'Entry point for teams and people. Groups and users are in the files next to this one.'),
    'groups.yaml': yamlFile(
      [root, ...groups],
      `The org root (${onlyHere.join(', ')} exists only here) and a few departments and teams.\nWhat is declared here wins over what is generated from GitHub teams.`,
    ),
    'people.yaml': yamlFile(userDocs, 'People declared by hand; everyone else comes from GitHub org membership.'),
  };
}

/** Domains in one file and each domain's systems in another, behind a Location (one file would pass the document limit in large orgs). */
export function architectureCatalog(plan: OrgPlan): Files {
  const domains: Doc[] = plan.domains.map((d) => ({
    apiVersion: V1,
    kind: 'Domain',
    metadata: { name: d.name, title: titleCase(d.name), description: d.description },
    spec: { owner: d.owner },
  }));
  const files: Files = { 'domains.yaml': yamlFile(domains, 'Business domains. Changes are agreed in the architecture review.') };
  for (const domain of plan.domains) {
    const systems: Doc[] = plan.systems
      .filter((s) => s.domain === domain.name)
      .map((s) => ({
        apiVersion: V1,
        kind: 'System',
        metadata: { name: s.name, title: titleCase(s.name), description: s.description, tags: [s.domain] },
        spec: { owner: s.owner, domain: s.domain },
      }));
    files[`systems/${domain.name}.yaml`] = yamlFile(systems, `Systems of the ${titleCase(domain.name)} domain.`);
  }
  const location: Doc = {
    apiVersion: V1,
    kind: 'Location',
    metadata: {
      name: `${plan.login}-architecture`,
      description: 'Business domains and the systems inside them.',
      annotations: { 'github.com/project-slug': `${plan.login}/architecture` },
    },
    spec: { targets: ['./domains.yaml', ...plan.domains.map((d) => `./systems/${d.name}.yaml`)] },
  };
  const header = 'Business domains and the systems inside them.\nComponents, APIs and resources declare `spec.system` in their own repos.';
  return { 'catalog-info.yaml': yamlFile([location], header), ...files };
}
