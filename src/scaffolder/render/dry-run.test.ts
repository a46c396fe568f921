import { describe, expect, it } from 'vitest';
import type { Skeleton, SkeletonFile } from '../schema.ts';
import { dryRun, type DryRunTemplate } from './dry-run.ts';
import { renderTemplateString } from './index.ts';

function skeleton(dir: string, files: Record<string, string | SkeletonFile>): Skeleton {
  return {
    dir,
    truncated: false,
    files: Object.entries(files).map(([path, file]) => (typeof file === 'string' ? { path, size: file.length, text: file } : { ...file, path })),
  };
}

function template(input: Record<string, unknown>, files: Record<string, string | SkeletonFile>, extraSteps: DryRunTemplate['steps'] = []): DryRunTemplate {
  return {
    templatePath: 'templates/web/template.yaml',
    skeletons: { 'templates/web/skeleton': skeleton('templates/web/skeleton', files) },
    steps: [{ id: 'fetch', name: 'Fetch', action: 'fetch:template', input: { url: './skeleton', ...input } }, ...extraSteps],
  };
}

const values = { name: '${{ parameters.name }}', owner: '${{ parameters.owner }}', tags: '${{ parameters.tags }}' };
const parameters = { name: 'payments', owner: 'group:default/team-a', tags: ['java', 'grpc'] };
const byPath = (result: ReturnType<typeof dryRun>) => Object.fromEntries(result.files.map((file) => [file.path, file]));

describe('dryRun: fetch:template as Backstage runs it', () => {
  it('renders contents and file and folder names with the values', () => {
    const result = dryRun(
      template(
        { values },
        {
          'catalog-info.yaml': 'name: ${{ values.name }}\nowner: ${{ values.owner | parseEntityRef | pick("name") }}\ntags: ${{ values.tags | join(",") }}\n',
          'src/${{ values.name }}/main.ts': 'export const name = "${{ values.name }}";',
        },
      ),
      parameters,
    );
    expect(result.problems).toEqual([]);
    expect(byPath(result)).toEqual({
      'catalog-info.yaml': expect.objectContaining({ text: 'name: payments\nowner: team-a\ntags: java,grpc\n', templated: true, source: 'catalog-info.yaml' }),
      'src/payments/main.ts': expect.objectContaining({ text: 'export const name = "payments";', skeleton: 'templates/web/skeleton' }),
    });
  });

  it('leaves a file out when its templated name renders empty', () => {
    const result = dryRun(
      template({ values: { ...values, docker: false } }, { '${{ "Dockerfile" if values.docker }}': 'FROM x', 'README.md': 'hi' }),
      parameters,
    );
    expect(result.files.map((file) => file.path)).toEqual(['README.md']);
  });

  it('copies copyWithoutTemplating files as they are but still renders their paths', () => {
    const result = dryRun(
      template({ values, copyWithoutTemplating: ['.github/workflows/*'] }, { '.github/workflows/${{ values.name }}.yml': 'run: ${{ github.sha }}' }),
      parameters,
    );
    expect(byPath(result)['.github/workflows/payments.yml']).toMatchObject({ text: 'run: ${{ github.sha }}', templated: false });
  });

  it('copies copyWithoutRender (deprecated) files without rendering their paths either', () => {
    const result = dryRun(template({ values, copyWithoutRender: ['raw/**'] }, { 'raw/${{ values.name }}.txt': '${{ x }}' }), parameters);
    expect(byPath(result)['raw/${{ values.name }}.txt']).toMatchObject({ text: '${{ x }}', templated: false });
  });

  it('with templateFileExtension renders only those files, and drops the extension', () => {
    const result = dryRun(
      template({ values, templateFileExtension: true }, { 'README.md.njk': '# ${{ values.name }}', 'ci.yml': '${{ github.sha }}' }),
      parameters,
    );
    expect(byPath(result)).toMatchObject({ 'README.md': { text: '# payments', templated: true }, 'ci.yml': { text: '${{ github.sha }}', templated: false } });
    const custom = dryRun(template({ values, templateFileExtension: 'tmpl' }, { '${{ values.name }}.txt.tmpl': '${{ values.name }}' }), parameters);
    expect(byPath(custom)['payments.txt']).toMatchObject({ text: 'payments' });
  });

  it('refuses templateFileExtension together with copyWithoutTemplating', () => {
    const result = dryRun(template({ values, templateFileExtension: true, copyWithoutTemplating: ['x'] }, { a: 'b' }), parameters);
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ step: 'fetch', message: expect.stringMatching(/templateFileExtension is incompatible/) })]);
  });

  it('copies binary files as they are, path rendered', () => {
    const result = dryRun(template({ values }, { 'assets/${{ values.name }}.png': { path: '', size: 1234, binary: true } }), parameters);
    expect(byPath(result)['assets/payments.png']).toEqual({
      path: 'assets/payments.png',
      source: 'assets/${{ values.name }}.png',
      skeleton: 'templates/web/skeleton',
      size: 1234,
      binary: true,
      templated: false,
    });
  });

  it('places files below targetPath and never outside the new repo', () => {
    const result = dryRun(
      template({ values: { ...values, evil: '../../../etc' }, targetPath: './${{ parameters.name }}' }, { 'ok.txt': 'ok', '${{ values.evil }}/passwd': 'x' }),
      parameters,
    );
    expect(result.files.map((file) => file.path)).toEqual(['payments/ok.txt']);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'templates/web/skeleton/${{ values.evil }}/passwd', message: expect.stringMatching(/leaves the new repository/) }),
    ]);
    const dotGit = dryRun(template({ values }, { '.git/hooks/pre-commit': 'x' }), parameters);
    expect(dotGit.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/inside a .git folder/) })]);
  });

  it('reports a nunjucks error with the skeleton file and line, and still lists the file unrendered', () => {
    const source = 'name: ${{ values.name }}\n\n{% if %}\nno end';
    const result = dryRun(template({ values }, { 'broken.yaml': source, 'fine.txt': '${{ values.name }}' }), parameters);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'templates/web/skeleton/broken.yaml', line: 3, column: 7, step: 'fetch', message: 'unexpected token: %}' }),
    ]);
    expect(byPath(result)['broken.yaml']).toMatchObject({ text: source, templated: true });
    expect(byPath(result)['fine.txt']).toMatchObject({ text: 'payments' });
  });

  it('cookiecutterCompat renders {{ cookiecutter.x }}', () => {
    const result = dryRun(
      template({ values, cookiecutterCompat: true }, { 'README.md': '# {{ cookiecutter.name }} {{ cookiecutter.tags | jsonify }}' }),
      parameters,
    );
    expect(byPath(result)['README.md']).toMatchObject({ text: '# payments ["java","grpc"]' });
  });
});

describe('dryRun: steps', () => {
  const steps: DryRunTemplate['steps'] = [
    { id: 'publish', action: 'publish:github', input: { repoUrl: 'github.com?owner=acme&repo=${{ parameters.name }}', topics: '${{ parameters.tags }}' } },
    {
      id: 'register',
      action: 'catalog:register',
      input: { repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}', catalogInfoPath: '/catalog-info.yaml' },
    },
    { id: 'log', action: 'debug:log', input: { message: 'made ${{ steps.publish.output.remoteUrl }}' } },
    { id: 'jira', action: 'acme:jira:create', input: { project: '${{ parameters.name | upper }}' } },
  ];

  it('says what Frontdoor does for each step, with its rendered input', () => {
    const result = dryRun(template({ values }, {}, steps), parameters);
    expect(result.steps.map(({ id, handling, input }) => ({ id, handling, input }))).toEqual([
      { id: 'fetch', handling: 'rendered', input: { url: './skeleton', values: { name: 'payments', owner: 'group:default/team-a', tags: ['java', 'grpc'] } } },
      { id: 'publish', handling: 'github-copy', input: { repoUrl: 'github.com?owner=acme&repo=payments', topics: ['java', 'grpc'] } },
      { id: 'register', handling: 'crawl', input: { repoContentsUrl: 'https://github.com/acme/payments/blob/main', catalogInfoPath: '/catalog-info.yaml' } },
      { id: 'log', handling: 'log', input: { message: 'made https://github.com/acme/payments' } },
      { id: 'jira', handling: 'manual', input: { project: 'PAYMENTS' } },
    ]);
    expect(result.steps[4]!.note).toMatch(/do this by hand/);
  });

  it('skips a step whose if is false, and loops over each', () => {
    const result = dryRun(
      {
        templatePath: 'template.yaml',
        skeletons: { skeleton: skeleton('skeleton', { '${{ values.item }}.txt': '${{ values.item }}' }) },
        steps: [
          { id: 'never', action: 'fetch:template', if: '${{ parameters.tags.length > 5 }}', input: { url: './skeleton', values: { item: 'never' } } },
          { id: 'each', action: 'fetch:template', each: '${{ parameters.tags }}', input: { url: './skeleton', values: { item: '${{ each.value }}' } } },
        ],
      },
      parameters,
    );
    expect(result.steps.map((step) => [step.id, step.skipped ?? false, step.each?.value])).toEqual([
      ['never', true, undefined],
      ['each', false, 'java'],
      ['each', false, 'grpc'],
    ]);
    expect(result.files.map((file) => [file.path, file.text])).toEqual([
      ['grpc.txt', 'grpc'],
      ['java.txt', 'java'],
    ]);
  });

  it('fetch:plain copies without rendering, and a remote url is a problem', () => {
    const result = dryRun(
      {
        templatePath: 'template.yaml',
        skeletons: { docs: skeleton('docs', { '${{ x }}.md': '${{ y }}' }) },
        steps: [
          { id: 'plain', action: 'fetch:plain', input: { url: './docs', targetPath: 'docs' } },
          { id: 'remote', action: 'fetch:plain', input: { url: 'https://github.com/backstage/community/tree/main/x' } },
          { id: 'missing', action: 'fetch:template', input: { url: './nope' } },
        ],
      },
      {},
    );
    expect(result.files).toEqual([expect.objectContaining({ path: 'docs/${{ x }}.md', text: '${{ y }}', templated: false })]);
    expect(result.problems.map((problem) => [problem.step, problem.file])).toEqual([
      ['remote', 'template.yaml'],
      ['missing', 'template.yaml'],
    ]);
  });

  it('reports a step input that does not render, naming the step', () => {
    const result = dryRun(template({ values: { name: '${{ parameters.name | nope }}' } }, {}), parameters);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'templates/web/template.yaml', step: 'fetch', message: expect.stringMatching(/filter not found: nope/) }),
    ]);
  });

  it('gives templates the user it is given', () => {
    const result = dryRun(template({ values: { by: '${{ user.ref }}' } }, { 'by.txt': '${{ values.by }}' }), {}, { user: { ref: 'user:default/ada' } });
    expect(result.files[0]!.text).toBe('user:default/ada');
  });
});

describe('renderTemplateString', () => {
  it('renders one string with Backstage syntax', () => {
    expect(renderTemplateString('${{ parameters.repoUrl | parseRepoUrl | pick("repo") }}', { parameters: { repoUrl: 'github.com?owner=a&repo=b' } })).toBe('b');
  });
});
