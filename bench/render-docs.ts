/**
 * TechDocs of a synthetic repo: mkdocs.yml with a nested nav and 3–8 pages
 * under docs/ (headings, code fences, admonitions, tables, relative links
 * between pages), each 1–3 KB.
 */
import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { PlannedRepo } from './org-plan.ts';
import type { Random } from './prng.ts';
import type { Files } from './render-catalog.ts';
import { titleCase } from './org-names.ts';
import { admonition, bullets, paragraph, sentence } from './org-prose.ts';
import { concerns, objects } from './org-words.ts';

interface Page {
  path: string;
  title: string;
  section?: 'Architecture' | 'Operations' | 'Reference';
}

const optionalPages: Page[] = [
  { path: 'architecture/overview.md', title: 'Overview', section: 'Architecture' },
  { path: 'architecture/data-model.md', title: 'Data model', section: 'Architecture' },
  { path: 'operations/runbook.md', title: 'Runbook', section: 'Operations' },
  { path: 'operations/monitoring.md', title: 'Monitoring', section: 'Operations' },
  { path: 'reference/configuration.md', title: 'Configuration', section: 'Reference' },
  { path: 'reference/api.md', title: 'Using the API', section: 'Reference' },
  { path: 'faq.md', title: 'FAQ' },
  { path: 'changelog.md', title: 'Changelog' },
];

export function techDocs(login: string, repo: PlannedRepo, random: Random): Files {
  const candidates = optionalPages.filter((p) => p.path !== 'reference/api.md' || repo.component?.api);
  const chosen = new Set(random.sample(candidates, random.int(1, 6)).map((p) => p.path));
  const pages: Page[] = [
    { path: 'index.md', title: 'Home' },
    { path: 'getting-started.md', title: 'Getting started' },
    ...optionalPages.filter((p) => chosen.has(p.path)),
  ];
  const files: Files = { 'mkdocs.yml': mkdocs(login, repo, pages) };
  for (const page of pages) files[`docs/${page.path}`] = renderPage(login, repo, page, pages, random);
  return files;
}

function mkdocs(login: string, repo: PlannedRepo, pages: Page[]): string {
  const nav: unknown[] = [];
  const sections = new Map<string, unknown[]>();
  for (const page of pages) {
    if (!page.section) {
      nav.push({ [page.title]: page.path });
      continue;
    }
    let list = sections.get(page.section);
    if (!list) {
      sections.set(page.section, (list = []));
      nav.push({ [page.section]: list });
    }
    list.push({ [page.title]: page.path });
  }
  return stringify(
    {
      site_name: titleCase(repo.name),
      site_description: repo.description,
      repo_url: `https://github.com/${login}/${repo.name}`,
      edit_uri: 'edit/main/docs/',
      nav,
      plugins: ['techdocs-core'],
      markdown_extensions: ['admonition', 'tables', 'pymdownx.superfences'],
    },
    { lineWidth: 0, aliasDuplicateObjects: false },
  );
}

function renderPage(login: string, repo: PlannedRepo, page: Page, pages: Page[], random: Random): string {
  const subject = repo.name.replace(/-/g, ' ');
  const others = random.sample(
    pages.filter((p) => p !== page),
    random.int(1, 3),
  );
  const link = (to: Page) => `[${to.title}](${posix.relative(posix.dirname(page.path), to.path)})`;
  const heading = page.path === 'index.md' ? titleCase(repo.name) : page.title;
  const blocks = [`# ${heading}`, paragraph(random, subject, 2, 4)];
  const headings = random.sample(sectionHeadings, random.int(2, 4));
  headings.forEach((h, i) => {
    blocks.push(`## ${h}`, paragraph(random, subject, 2, 4));
    const extra = (i + random.int(0, 3)) % 4;
    if (extra === 0) blocks.push(codeBlock(login, repo, random));
    else if (extra === 1) blocks.push(table(random));
    else if (extra === 2) blocks.push(admonition(random, subject));
    else blocks.push(bullets(random, subject, random.int(2, 4)));
  });
  blocks.push('## See also', others.map((p) => `- ${link(p)}: ${sentence(random, subject)}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

const sectionHeadings = [
  'How it works',
  'Local setup',
  'Deploying',
  'Failure modes',
  'Limits',
  'Data flow',
  'Dependencies',
  'Troubleshooting',
  'Design decisions',
  'Testing',
  'Rollbacks',
  'Security',
];

function codeBlock(login: string, repo: PlannedRepo, random: Random): string {
  const choice = random.int(0, 2);
  if (choice === 0) {
    const run = {
      Go: 'go run ./cmd/server',
      TypeScript: 'npm run dev',
      Java: './gradlew bootRun',
      Kotlin: './gradlew run',
      Python: 'uv run python -m app',
      Rust: 'cargo run',
    }[repo.language?.name ?? 'TypeScript'];
    return `\`\`\`bash\ngit clone git@github.com:${login}/${repo.name}.git\ncd ${repo.name}\n${run}\n\`\`\``;
  }
  if (choice === 1) {
    const object = random.pick(objects);
    return `\`\`\`bash\ncurl -s https://${repo.name}.internal.example/v1/${object}?limit=${random.int(1, 10) * 10} \\\n  -H "Authorization: Bearer $TOKEN" | jq '.items[0]'\n\`\`\``;
  }
  return `\`\`\`yaml\n${repo.name}:\n  ${random.pick(objects)}:\n    batchSize: ${random.int(1, 50) * 10}\n    timeout: ${random.int(1, 30)}s\n    retries: ${random.int(0, 5)}\n\`\`\``;
}

function table(random: Random): string {
  const rows = random.sample(concerns, random.int(2, 4)).map((c) => `| ${c} | \`${c.replace(/[^a-z]+/g, '_').toUpperCase()}\` | ${random.int(1, 99)} |`);
  return ['| Concern | Setting | Default |', '|---|---|---|', ...rows].join('\n');
}
