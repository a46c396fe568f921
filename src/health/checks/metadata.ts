/**
 * What a reader needs to use it: a description, a lifecycle, documentation.
 */
import { ANNOTATION_TECHDOCS_REF } from '../../catalog-model/annotations.ts';
import { editLink, fail, OWNED_KINDS, pass, type Check } from '../check.ts';

/** Backstage's well-known annotations page, section on `backstage.io/techdocs-ref`. */
export const TECHDOCS_REF_DOCS = 'https://backstage.io/docs/features/software-catalog/well-known-annotations/#backstageiotechdocs-ref';

export const descriptionPresent: Check = {
  id: 'description-present',
  title: 'Has a description',
  short: 'Description',
  why: 'The description is what people read in the catalog and in search results.',
  kinds: OWNED_KINDS,
  run(entity) {
    return entity.description?.trim()
      ? pass('`metadata.description` is set.')
      : fail('`metadata.description` is empty.', {
          text: 'Add `metadata.description`: one sentence on what it does and for whom.',
          ...editLink(entity),
        });
  },
};

export const lifecycleSet: Check = {
  id: 'lifecycle-set',
  title: 'Lifecycle is set',
  short: 'Lifecycle',
  why: 'Lifecycle (experimental, production, deprecated) tells others whether they can rely on it.',
  // Optional for Templates in Backstage's schema, but it still tells users whether a template is ready.
  kinds: ['component', 'api', 'template'],
  run(entity) {
    const lifecycle = entity.lifecycle?.trim();
    if (!lifecycle) {
      return fail('No lifecycle: `spec.lifecycle` is not set.', {
        text: 'Set `spec.lifecycle` to experimental, production or deprecated.',
        ...editLink(entity),
      });
    }
    if (lifecycle.toLowerCase() === 'unknown') {
      return fail('Lifecycle is "unknown".', {
        text: 'Set `spec.lifecycle` to experimental, production or deprecated.',
        ...editLink(entity),
      });
    }
    return pass(`Lifecycle is ${lifecycle}.`);
  },
};

/**
 * "Has docs" is decided once, in the build (src/portal-data/docs-of.ts): docs it
 * rendered (TechDocs, or the README as a single page), or for an API without
 * them, its definition page when the definition parses. The Docs button on the
 * entity page and the health page read the same `docs`.
 */
export const docsPresent: Check = {
  id: 'docs-present',
  title: 'Has documentation',
  short: 'Docs',
  why: 'Docs next to the code (TechDocs, or at least a README; for an API, a definition that parses) are where newcomers and on-call engineers start.',
  kinds: ['component', 'api', 'system'],
  run(entity) {
    const techdocsRef = entity.annotations[ANNOTATION_TECHDOCS_REF];
    switch (entity.docs?.from) {
      case 'techdocs':
        return pass(`Has TechDocs (\`backstage.io/techdocs-ref: ${techdocsRef ?? ''}\`).`);
      case 'readme':
        return pass('Its README is published as its docs.');
      case 'api-definition':
        return pass('Its definition page documents it.');
      case undefined: {
        const missing =
          techdocsRef !== undefined
            ? `No docs: \`backstage.io/techdocs-ref: ${techdocsRef}\` is set, but no docs could be built from it (see its problems).`
            : `No docs: no TechDocs (\`backstage.io/techdocs-ref\`) and no README next to its catalog file${entity.kind === 'API' ? ', and no definition that parses' : ''}.`;
        return fail(missing, {
          text: 'Add a `docs/` folder with `mkdocs.yml`, and the annotation `backstage.io/techdocs-ref: dir:.` in the catalog file.',
          url: TECHDOCS_REF_DOCS,
          label: 'How to set techdocs-ref',
        });
      }
    }
  },
};
