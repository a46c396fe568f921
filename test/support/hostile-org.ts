/**
 * A hostile organization, written to disk: a folder of repo folders, each one
 * an attack on the nightly build from one class of issue 9 (leaks, script on
 * the portal's origin, crashes, stalls, takeovers, silent loss, unbounded
 * output, log injection), next to a victim repo the attacks aim at.
 *
 * It is made at test time, not committed: a fixture needs real `.git`
 * folders, file names with control characters, symlinks, git dates after year
 * 9999 and sparse 60 MB files, which a Git checkout cannot carry.
 *
 * Every secret is a marker string (`HOSTILE_*`) so a test can prove that none
 * of them reached the built site or the log.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ANNOTATION_PROJECT_SLUG, ANNOTATION_TECHDOCS_REF } from '../../src/catalog-model/annotations.ts';

/** A token as `actions/checkout` leaves it in `.git/config` (persisted credentials are its default). */
export const TOKEN_MARKER = 'ghp_HOSTILEtokenMARKER0123456789abcdef';
/** Text of a file outside every repo, which no path or symlink may reach. */
export const OUTSIDE_MARKER = 'HOSTILE_OUTSIDE_REPO_SECRET';
/** Text in `.git/` files other than config. */
export const GIT_MARKER = 'HOSTILE_GIT_INTERNALS';
/** Pages of the nav-bloat site: over the docs nav's full-nav limit (NAV_FULL_MAX, 100), so its nav is collapsed. */
export const NAV_BLOAT_PAGES = 150;

export interface HostileOrg {
  /** The folder of repos (`--source local:<root>`). */
  root: string;
  /** A portal.config.yaml for it, with limits low enough for a test. */
  configFile: string;
  /** Repo names, each with what it attacks. */
  repos: Record<string, string>;
  limits: { maxFileBytes: number; maxDocsFiles: number; maxRepoOutputBytes: number; maxPageRenderMs: number };
}

type Files = Record<string, string | Buffer>;

/** Writes the hostile org under `dir` (which must exist and be empty). */
export async function writeHostileOrg(dir: string): Promise<HostileOrg> {
  const root = join(dir, 'org');
  // The render budget is generous: under load the 20,000-heading page took over 10 s, and a page cut
  // by the budget would fail the test for the machine's speed. A quadratic regression (minutes) still
  // hits it; the budget itself is tested in src/docs/markdown/render-timeout.test.ts.
  const limits = { maxFileBytes: 1_048_576, maxDocsFiles: 200, maxRepoOutputBytes: 4 * 1_048_576, maxPageRenderMs: 120_000 };
  await writeFile(join(dir, 'outside-secret.txt'), `${OUTSIDE_MARKER}\n`);
  const repos: Record<string, string> = {};
  const add = async (name: string, attack: string, files: Files, git?: GitSetup) => {
    repos[name] = attack;
    await writeRepo(join(root, name), files);
    if (git) gitInit(join(root, name), git);
  };

  await add(
    'payments',
    'the victim: a Group and a Component with docs that another repo tries to take over',
    {
      'catalog-info.yaml': entities(
        group('payments-team', { email: 'payments@hostile.example', description: 'Owns payments.' }),
        component('payments-api', 'payments-team', {
          annotations: { [ANNOTATION_PROJECT_SLUG]: 'hostile/payments', [ANNOTATION_TECHDOCS_REF]: 'dir:.' },
          description: 'Takes payments.',
        }),
      ),
      '.github/CODEOWNERS': '* @hostile/payments-team\n',
      'mkdocs.yml': 'site_name: Payments\n',
      'docs/index.md': '# Payments\n\nThe real payments docs.\n',
    },
    { remote: 'https://github.com/hostile/payments.git' },
  );

  await add(
    'aaa-takeover',
    "a repo named to sort first redeclares the victim's Group and Component",
    {
      'catalog-info.yaml': entities(
        group('payments-team', { email: 'HOSTILE_TAKEOVER@evil.example', description: 'HOSTILE_TAKEOVER group' }),
        component('payments-api', 'payments-team', {
          annotations: { [ANNOTATION_PROJECT_SLUG]: 'hostile/payments', [ANNOTATION_TECHDOCS_REF]: 'dir:.' },
          description: 'HOSTILE_TAKEOVER component',
        }),
      ),
      '.github/CODEOWNERS': '* @hostile/payments-team\n',
      'mkdocs.yml': 'site_name: Takeover\n',
      'docs/index.md': '# HOSTILE_TAKEOVER docs\n',
    },
    { remote: 'https://github.com/hostile/aaa-takeover.git' },
  );

  await add(
    'git-leak',
    'links, images, placeholders, Locations and symlinks into .git and out of the repo',
    {
      'catalog-info.yaml': entities(
        component('git-leak', 'payments-team', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } }),
        api('git-leak-api', 'payments-team', { $text: './.git/config' }),
        api('git-leak-api-2', 'payments-team', { $text: 'docs/../.GIT/config' }),
        location('git-leak-location', ['./.git/config', './.git./config', './git~1/config']),
      ),
      'README.md': '# git-leak\n\n![config](.git/config) [config](./.git/config) [up](docs/../.git/HEAD) [upper](.GIT/config)\n',
      'mkdocs.yml': 'site_name: Git leak\nnav:\n  - Home: index.md\n  - Config: ../.git/config\n',
      'docs/index.md': [
        '# Leaks',
        '',
        '![config](../.git/config)',
        '[config](../.git/config) [dot](./../.git/config) [upper](../.GIT/config) [trailing dot](../.git./config) [short](../git~1/config)',
        '[encoded](..%2F.git%2Fconfig) [encoded dots](%2e%2e/.git/config)',
        '![via symlink](git-config-link.txt) ![outside](outside-link.txt) ![folder link](git-folder/config)',
        '',
        '--8<-- ".git/config"',
        '',
      ].join('\n'),
    },
    {
      remote: 'https://github.com/hostile/git-leak.git',
      extraConfig: `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${TOKEN_MARKER}\n`,
      links: { 'docs/git-config-link.txt': '../.git/config', 'docs/outside-link.txt': '../../../outside-secret.txt', 'docs/git-folder': '../.git' },
    },
  );

  await add('script-origin', "docs files a browser would run on the portal's origin", {
    'catalog-info.yaml': entities(component('script-origin', 'payments-team', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } })),
    'mkdocs.yml': 'site_name: Script origin\n',
    'docs/index.md': [
      '# Files',
      '',
      ...[
        'page.xht',
        'page.shtml',
        'page.mht',
        'style.xsl',
        'noext',
        'image.svgz',
        'fake.png',
        'encoded.svg',
        'animate.svg',
        'foreign.svg',
        'ok.png',
        'ok.svg',
        'notes.txt',
      ].flatMap((f) => [`![${f}](${f})`, `[${f}](${f})`]),
      '',
    ].join('\n'),
    'docs/page.xht': '<html xmlns="http://www.w3.org/1999/xhtml"><script>HOSTILE_SCRIPT()</script></html>',
    'docs/page.shtml': '<script>HOSTILE_SCRIPT()</script>',
    'docs/page.mht': 'Content-Type: text/html\n\n<script>HOSTILE_SCRIPT()</script>',
    'docs/style.xsl':
      '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><script>HOSTILE_SCRIPT()</script></xsl:template></xsl:stylesheet>',
    'docs/noext': '<!doctype html><script>HOSTILE_SCRIPT()</script>',
    'docs/image.svgz': '<svg xmlns="http://www.w3.org/2000/svg" onload="HOSTILE_SCRIPT()"/>',
    'docs/fake.png': '<!doctype html><script>HOSTILE_SCRIPT()</script>',
    'docs/encoded.svg':
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="&#106;avascript:HOSTILE_SCRIPT()"><rect width="10" height="10"/></a></svg>',
    'docs/animate.svg':
      '<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" to="javascript:HOSTILE_SCRIPT()"/><text x="1" y="10">x</text></a></svg>',
    'docs/foreign.svg':
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>HOSTILE_SCRIPT()</script></body></foreignObject></svg>',
    'docs/ok.png': PNG_1X1,
    'docs/ok.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><g fill="teal"><rect width="20" height="20"/></g></svg>',
    'docs/notes.txt': 'plain notes\n',
  });

  await add('crash-names', 'docs file names that are no URL as written, collide, or are too long', {
    'catalog-info.yaml': entities(component('crash-names', 'payments-team', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } })),
    'mkdocs.yml': 'site_name: Crash names\n',
    'docs/index.md': '# Names\n\n[a b](a%20b.md) [percent](100%25.md) [html](index.html.md)\n',
    'docs/a%20b.md': '# Escaped\n',
    'docs/100%.md': '# One hundred percent\n',
    'docs/index.html.md': '# Index html\n',
    'docs/ctrl\u001b[31mred.md': '# Control\n',
    'docs/tab\tname.md': '# Tab\n',
    'docs/new\nline.md': '# Newline\n',
    'docs/foo.md': '# Foo file\n',
    'docs/foo/index.md': '# Foo folder\n',
    'docs/Guide.md': '# Guide upper\n',
    'docs/guide.md': '# Guide lower\n',
    'docs/CON.md': '# Reserved\n',
    [`docs/${'long-'.repeat(40)}/${'x'.repeat(250)}.md`]: '# Long\n',
    [`docs/${'é'.repeat(125)}.md`]: '# Long in bytes\n',
  });
  // 3,500 bytes of folders: readable in the repo, too long for a URL (made with relative paths, as git would check it out).
  writeDeep(
    join(root, 'crash-names/docs'),
    Array.from({ length: 16 }, (_, i) => `${String(i).padStart(2, '0')}${'d'.repeat(216)}`),
    'deep.md',
    '# Deep\n',
  );

  await add(
    'crash-git',
    'a commit dated after year 9999 and a remote with an invalid host',
    {
      'catalog-info.yaml': entities(component('crash-git', 'payments-team', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } })),
      'mkdocs.yml': 'site_name: Crash git\n',
      'docs/index.md': '# Dates\n',
    },
    { remote: 'https://exa mple.com/hostile/crash-git.git', date: '@253402300800 +0000' },
  );

  await add(
    'crash-remote',
    'a remote whose host is not a host',
    {
      'catalog-info.yaml': entities(component('crash-remote', 'payments-team', {})),
      'README.md': '# crash-remote\n\n![logo](logo.png)\n',
      'logo.png': PNG_1X1,
    },
    { remote: 'https://[bad/hostile/crash-remote.git', date: '@9999999999999 +0000' },
  );

  const headings = '# Repeated\n\n'.repeat(20_000);
  await add('stall-headings', 'a page of 20,000 identical headings (quadratic ids took minutes)', {
    'catalog-info.yaml': entities(component('stall-headings', 'payments-team', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } })),
    'mkdocs.yml': 'site_name: Stall\n',
    'docs/index.md': `# Stall\n\n${headings}`,
  });

  const many: Files = {};
  for (let i = 0; i < limits.maxDocsFiles + 100; i++) many[`docs/a${String(i).padStart(4, '0')}.md`] = `# Page ${i}\n`;
  await add('silent-loss', `a docs tree of ${limits.maxDocsFiles + 101} files, over limits.maxDocsFiles (${limits.maxDocsFiles}); index.md sorts last`, {
    'catalog-info.yaml': entities(component('silent-loss', 'payments-team', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } })),
    'mkdocs.yml': 'site_name: Silent loss\nnav:\n  - Home: index.md\n  - Last: a0250.md\n',
    ...many,
    'docs/index.md': '# Home of silent-loss\n',
  });

  const navPages: Files = {};
  for (let i = 0; i < NAV_BLOAT_PAGES; i++) navPages[`docs/section-${Math.floor(i / 30)}/page-${i}.md`] = `# Nav page ${i}\n\nShort.\n`;
  await add('nav-bloat', `a ${NAV_BLOAT_PAGES}-page site whose nav would repeat on every page`, {
    'catalog-info.yaml': entities(component('nav-bloat', 'payments-team', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } })),
    'mkdocs.yml': 'site_name: Nav bloat\n',
    'docs/index.md': '# Nav bloat\n',
    ...navPages,
  });

  const bulky: Files = {};
  const paragraph = `${'Bulk text that fills the output budget. '.repeat(20)}\n\n`;
  for (let i = 0; i < 30; i++) bulky[`docs/bulk-${i}.md`] = `# Bulk ${i}\n\n${paragraph.repeat(300)}`;
  await add('output-bloat', 'docs adding ~7 MB of HTML plus two 60 MB files, over limits.maxRepoOutputBytes and maxFileBytes', {
    'catalog-info.yaml': entities(component('output-bloat', 'payments-team', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } })),
    'mkdocs.yml': 'site_name: Output bloat\n',
    'docs/index.md': '# Output bloat\n\n![big](big-1.png) [big](big-2.pdf)\n',
    ...bulky,
  });
  await sparse(join(root, 'output-bloat/docs/big-1.png'), 60 * 1_048_576, Buffer.from(PNG_1X1));
  await sparse(join(root, 'output-bloat/docs/big-2.pdf'), 60 * 1_048_576, Buffer.from('%PDF-1.4\n'));

  await add('log-inject', 'repo content that tries to start log lines with :: or terminal escapes', {
    'catalog-info.yaml': entities(
      component('log-inject', 'x\n::error file=x::HOSTILE_LOG\n\u001b[2J', { annotations: { [ANNOTATION_TECHDOCS_REF]: 'dir:.' } }),
    ),
    'mkdocs.yml': 'site_name: Log\nnav:\n  - "::stop-commands::HOSTILE_LOG": "::error::HOSTILE_LOG.md"\n  - "\\e[31m": "\\u001b]0;HOSTILE_LOG\\u0007.md"\n',
    'docs/index.md': '# Log\n\n[x](::warning::HOSTILE_LOG.md)\n',
    'docs/::error file=a::HOSTILE_LOG.md': '# Workflow command\n',
    'docs/\u001b]0;HOSTILE_LOG\u0007.md': '# Title escape\n',
    'docs/line\n::error::HOSTILE_LOG.md': '# Newline command\n',
  });

  const configFile = join(dir, 'portal.config.yaml');
  await writeFile(
    configFile,
    ['title: Hostile org', 'org: hostile', `source: local:${root}`, 'limits:', ...Object.entries(limits).map(([key, value]) => `  ${key}: ${value}`), ''].join(
      '\n',
    ),
  );
  return { root, configFile, repos, limits };
}

interface GitSetup {
  remote: string;
  /** GIT_COMMITTER_DATE/GIT_AUTHOR_DATE of the one commit. */
  date?: string;
  /** Appended to .git/config. */
  extraConfig?: string;
  /** Symlinks made after the commit: repo path → link target. */
  links?: Record<string, string>;
}

function gitInit(dir: string, setup: GitSetup): void {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...(setup.date ? { GIT_COMMITTER_DATE: setup.date, GIT_AUTHOR_DATE: setup.date } : {}) };
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { env, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Hostile');
  git('config', 'user.email', 'hostile@example.com');
  git('remote', 'add', 'origin', setup.remote);
  git('add', '-A');
  git('commit', '-qm', `${GIT_MARKER} commit message`);
  execFileSync('sh', ['-c', `printf '%s' "$1" >> .git/config && printf '%s\\n' "$2" > .git/description`, 'sh', setup.extraConfig ?? '', GIT_MARKER], {
    cwd: dir,
  });
  for (const [path, target] of Object.entries(setup.links ?? {})) execFileSync('ln', ['-s', target, join(dir, path)]);
}

async function writeRepo(dir: string, files: Files): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

/** A file below a chain of folders whose full path may be near PATH_MAX: each step is relative. */
function writeDeep(dir: string, folders: string[], name: string, content: string): void {
  const script = `${folders.map((f) => `mkdir -p '${f}' && cd '${f}'`).join(' && ')} && printf '%s' "$1" > '${name}'`;
  execFileSync('sh', ['-c', script, 'sh', content], { cwd: dir });
}

/** A file of `size` bytes that costs no disk: `head` then a hole. */
async function sparse(path: string, size: number, head: Buffer): Promise<void> {
  await writeFile(path, head);
  await truncate(path, size);
}

// Small YAML writers: JSON is YAML, so values are quoted exactly.
const yaml = (value: unknown) => JSON.stringify(value);
function entities(...docs: string[]): string {
  return docs.join('---\n');
}
function group(name: string, profile: { email: string; description: string }): string {
  return `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\n  description: ${yaml(profile.description)}\nspec:\n  type: team\n  profile:\n    email: ${yaml(profile.email)}\n  children: []\n`;
}
function component(name: string, owner: string, meta: { annotations?: Record<string, string>; description?: string }): string {
  const annotations = Object.entries(meta.annotations ?? {})
    .map(([k, v]) => `    ${k}: ${yaml(v)}\n`)
    .join('');
  return `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${meta.description ? `  description: ${yaml(meta.description)}\n` : ''}${annotations ? `  annotations:\n${annotations}` : ''}spec:\n  type: service\n  lifecycle: production\n  owner: ${yaml(owner)}\n`;
}
function api(name: string, owner: string, definition: { $text: string }): string {
  return `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: ${name}\nspec:\n  type: openapi\n  lifecycle: production\n  owner: ${yaml(owner)}\n  definition:\n    $text: ${yaml(definition.$text)}\n`;
}
function location(name: string, targets: string[]): string {
  return `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n  type: url\n  targets: ${yaml(targets)}\n`;
}

/** A valid 1×1 PNG. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
