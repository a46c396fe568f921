/** A template repo: a scaffolder.backstage.io/v1beta3 Template at the root and the skeleton it renders. */
import type { PlannedRepo } from './org-plan.ts';
import { yamlFile, type Files } from './render-catalog.ts';
import { manifest } from './render-repo-files.ts';

export function templateRepo(login: string, repo: PlannedRepo): Files {
  const type = repo.templateType!;
  const language = repo.language!;
  const template = {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: repo.name,
      title: `${language.name} ${type}`,
      description: repo.description,
      tags: ['recommended', language.tag, type],
      annotations: { 'github.com/project-slug': `${login}/${repo.name}` },
    },
    spec: {
      owner: repo.owner.slug,
      type,
      lifecycle: 'production',
      parameters: [
        {
          title: 'About the new repository',
          required: ['name', 'owner'],
          properties: {
            name: { title: 'Name', type: 'string', pattern: '^[a-z][a-z0-9-]*[a-z0-9]$', 'ui:autofocus': true },
            description: { title: 'Description', type: 'string' },
            owner: { title: 'Owning team', type: 'string', 'ui:field': 'OwnerPicker', 'ui:options': { catalogFilter: { kind: 'Group' } } },
          },
        },
        {
          title: 'Where to create it',
          required: ['repoUrl'],
          properties: {
            repoUrl: {
              title: 'Repository',
              type: 'string',
              'ui:field': 'RepoUrlPicker',
              'ui:options': { allowedHosts: ['github.com'], allowedOwners: [login] },
            },
          },
        },
      ],
      steps: [
        {
          id: 'fetch',
          name: 'Render the skeleton',
          action: 'fetch:template',
          input: {
            url: './skeleton',
            values: { name: '${{ parameters.name }}', description: '${{ parameters.description }}', owner: '${{ parameters.owner }}' },
          },
        },
        {
          id: 'publish',
          name: 'Create the repository',
          action: 'publish:github',
          input: { repoUrl: '${{ parameters.repoUrl }}', defaultBranch: 'main', repoVisibility: 'internal' },
        },
        {
          id: 'register',
          name: 'Register in the catalog',
          action: 'catalog:register',
          input: { repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}', catalogInfoPath: '/catalog-info.yaml' },
        },
      ],
      output: {
        links: [
          { title: 'Repository', url: '${{ steps.publish.output.remoteUrl }}' },
          { title: 'Open in catalog', icon: 'catalog', entityRef: '${{ steps.register.output.entityRef }}' },
        ],
      },
    },
  };
  const skeletonEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: '${{ values.name }}',
      description: '${{ values.description }}',
      annotations: { 'github.com/project-slug': `${login}/\${{ values.name }}`, 'backstage.io/techdocs-ref': 'dir:.' },
    },
    spec: { type, lifecycle: 'experimental', owner: '${{ values.owner }}' },
  };
  const [manifestPath, manifestText] = manifest(language.name, '${{ values.name }}', '${{ values.description }}');
  return {
    'catalog-info.yaml': yamlFile([template], `Golden path: ${repo.description}`),
    'skeleton/catalog-info.yaml': yamlFile([skeletonEntity]),
    'skeleton/README.md': '# ${{ values.name }}\n\n${{ values.description }}\n\nOwned by ${{ values.owner }}. Created from the `' + repo.name + '` template.\n',
    'skeleton/mkdocs.yml': 'site_name: ${{ values.name }}\nnav:\n  - Home: index.md\nplugins:\n  - techdocs-core\n',
    'skeleton/docs/index.md': '# ${{ values.name }}\n\n${{ values.description }}\n\n!!! tip\n    Replace this page with what a newcomer needs on day one.\n',
    [`skeleton/${manifestPath}`]: manifestText,
  };
}
