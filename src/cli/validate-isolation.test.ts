/**
 * `validate` shares the build's per-repo guards: a repo whose content makes a
 * stage throw fails its own check with a `repo-failed` error, and the rest of
 * the org is still checked. No input is known to make a stage throw any more,
 * so a test seam stands in for the next one: validation throws for any
 * document of the repo named `exploding`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runValidate } from './validate-command.ts';

vi.mock('../catalog/validate/validate-document.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../catalog/validate/validate-document.ts')>();
  return {
    ...real,
    validateDocument: (...args: Parameters<typeof real.validateDocument>) => {
      if (args[1].repo.name === 'exploding') throw new TypeError("Cannot read properties of undefined (reading 'kind')");
      return real.validateDocument(...args);
    },
  };
});

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: team-a }\n`;
const group = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }\n';

let tmp: string;
let org: string;
let config: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontdoor-validate-isolation-'));
  org = join(tmp, 'org');
  config = join(tmp, 'portal.config.yaml');
  const put = async (path: string, text: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  };
  await put(join(org, 'exploding/catalog-info.yaml'), component('boom'));
  await put(join(org, 'fine/catalog-info.yaml'), `${component('fine')}---\n${group}`);
  await put(config, 'title: Isolation\n');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function validate(...args: string[]): Promise<{ code: number; stdout: string }> {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true));
  try {
    const code = await runValidate(['--source', `local:${org}`, '--config', config, '--quiet', ...args]);
    return { code, stdout: chunks.join('') };
  } finally {
    write.mockRestore();
  }
}

describe('validate on a repo that makes a stage throw', () => {
  it('exits 1 with repo-failed naming the repo, the file and the stage, and checks the rest of the org', async () => {
    const { code, stdout } = await validate('--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { entities: { ref: string; valid: boolean }[]; diagnostics: { file: string; rule: string; message: string }[] };
    const failed = report.diagnostics.filter((d) => d.rule === 'repo-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.file).toMatch(/exploding\/catalog-info\.yaml$/);
    expect(failed[0]!.message).toMatch(
      /^Frontdoor failed while validating a catalog entity \(catalog-info\.yaml\): TypeError: Cannot read properties of undefined \(reading 'kind'\)\. This document is left out/,
    );
    expect(report.entities).toEqual(expect.arrayContaining([expect.objectContaining({ ref: 'component:default/fine', valid: true })]));
  });

  it('prints a message, never a stack trace, in the pretty and github formats', async () => {
    for (const format of ['pretty', 'github']) {
      const { code, stdout } = await validate('--format', format);
      expect(code, format).toBe(1);
      expect(stdout, format).toContain('repo-failed');
      expect(stdout, format).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }
  });
});
