/**
 * Rendered docs, looked up once per build (module scope): sites by id, and
 * each entity's docs path for the catalog pages' "Docs" links.
 */
import { getCollection } from 'astro:content';
import type { DocsSiteRecord } from '../docs/schema.ts';

export const docsSites: ReadonlyMap<string, DocsSiteRecord> = new Map((await getCollection('docsSites')).map((e) => [e.id, e.data]));

/** Base-relative docs path by lowercase entity ref. */
export const docsPathByRef: ReadonlyMap<string, string> = new Map([...docsSites.values()].map((s) => [s.entityRef, s.path]));
