/** The plain files most repos have: README.md, .github/CODEOWNERS and one build manifest. */
import type { OrgPlan, PlannedRepo } from './org-plan.ts';
import type { Random } from './prng.ts';
import { titleCase } from './org-names.ts';
import { paragraph, sentence } from './org-prose.ts';

export function readme(plan: OrgPlan, repo: PlannedRepo, random: Random): string {
  const subject = repo.name.replace(/-/g, ' ');
  const team = `[@${plan.login}/${repo.owner.slug}](https://github.com/orgs/${plan.login}/teams/${repo.owner.slug})`;
  const badges = repo.archived ? '> **Archived.** Kept for reference; no longer deployed.\n\n' : '';
  const parts = [`# ${titleCase(repo.name)}`, `${badges}${repo.description}`, paragraph(random, subject, 1, 3)];
  const commands = repo.language && devCommands[repo.language.name];
  if (commands && (repo.role === 'component' || repo.role === 'no-catalog')) parts.push('## Development', `\`\`\`bash\n${commands}\n\`\`\``);
  if (repo.component?.docs) parts.push('## Documentation', `Full docs are in [docs/](docs/index.md) and in the developer portal. ${sentence(random, subject)}`);
  if (repo.component?.api) parts.push('## API', `The contract is [${repo.component.api.file}](${repo.component.api.file}).`);
  parts.push('## Ownership', `Owned by ${team}. Questions go to the team channel; changes need a review from a code owner.`);
  return `${parts.join('\n\n')}\n`;
}

const devCommands: Record<string, string> = {
  Go: 'make dev      # dependencies in Docker, service with live reload\ngo test ./...',
  TypeScript: 'npm ci\nnpm run dev\nnpm test',
  Java: './gradlew bootRun\n./gradlew check',
  Kotlin: './gradlew run\n./gradlew test',
  Python: 'uv sync\nuv run pytest',
  Rust: 'cargo build\ncargo test',
  Shell: 'shellcheck bin/*.sh\n./bin/run.sh --dry-run',
  HCL: 'terraform init\nterraform plan -out plan.tfplan',
  'Jupyter Notebook': 'uv pip install -r requirements.txt\nuv run jupyter lab',
  PLpgSQL: 'make migrate DATABASE_URL=postgres://localhost:5432/dev',
  'Go Template': 'helm lint charts/*\nhelm template charts/* | kubeconform',
};

export function codeowners(plan: OrgPlan, repo: PlannedRepo, random: Random): string {
  const team = `@${plan.login}/${repo.owner.slug}`;
  const lines = ['# Reviews are requested from these owners on every pull request.', `* ${team}`];
  const members = repo.owner.members;
  if (repo.component?.docs && members.length > 0 && random.chance(0.5)) lines.push(`/docs/ ${team} @${random.pick(members).login}`);
  if (repo.component?.api?.file.startsWith('api/') && random.chance(0.6)) {
    lines.push(`/api/ ${team} @${plan.login}/${random.pick(plan.people.teams).slug}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One small build file per language, so repos look like code and not just metadata. */
export function manifest(language: string, name: string, description: string): [path: string, text: string] {
  switch (language) {
    case 'Go':
      return ['go.mod', `module example.com/${name}\n\ngo 1.23\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.1.0\n\tgithub.com/jackc/pgx/v5 v5.7.1\n)\n`];
    case 'Java':
    case 'Kotlin':
      return [
        'build.gradle.kts',
        `plugins {\n    id("org.springframework.boot") version "3.4.1"\n    ${language === 'Kotlin' ? 'kotlin("jvm") version "2.1.0"' : 'java'}\n}\n\ndescription = "${description.replace(/"/g, "'")}"\n`,
      ];
    case 'Python':
      return [
        'pyproject.toml',
        `[project]\nname = "${name}"\nversion = "0.1.0"\ndescription = "${description.replace(/"/g, "'")}"\nrequires-python = ">=3.12"\ndependencies = ["fastapi>=0.115", "httpx>=0.28"]\n`,
      ];
    case 'Rust':
      return [
        'Cargo.toml',
        `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ntokio = { version = "1", features = ["full"] }\n`,
      ];
    case 'Shell':
      return ['bin/run.sh', `#!/usr/bin/env bash\n# ${description}\nset -euo pipefail\n\necho "Running ${name} against \${TARGET:-staging}"\n`];
    case 'HCL':
      return ['main.tf', `# ${description}\nterraform {\n  required_version = ">= 1.9"\n  backend "s3" {\n    key = "${name}/terraform.tfstate"\n  }\n}\n`];
    case 'Jupyter Notebook':
      return ['requirements.txt', 'pandas==2.2.3\nduckdb==1.1.3\njupyterlab==4.3.4\n'];
    case 'PLpgSQL':
      return [
        'migrations/0001_init.sql',
        `-- ${description}\nCREATE TABLE IF NOT EXISTS ${name.replace(/-/g, '_')} (\n  id uuid PRIMARY KEY,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n`,
      ];
    case 'Go Template':
      return [`charts/${name}/Chart.yaml`, `apiVersion: v2\nname: ${name}\ndescription: ${JSON.stringify(description)}\nversion: 0.1.0\n`];
    default:
      return [
        'package.json',
        `${JSON.stringify({ name: `@example/${name}`, version: '0.1.0', private: true, description, type: 'module', scripts: { dev: 'vite', build: 'tsc -b', test: 'vitest run' } }, null, 2)}\n`,
      ];
  }
}
