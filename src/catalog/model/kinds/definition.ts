/**
 * What a kind is: which apiVersions carry it, the zod schema of its `spec`,
 * and the spec fields that declare relations. The validator dispatches on
 * (apiVersion, kind) like Backstage's processors; the graph stage emits
 * relations from `relationFields`.
 */
import type { z } from 'zod';
import type { RelationField } from '../relations.ts';

export interface KindDefinition {
  kind: string;
  apiVersions: readonly string[];
  spec: z.ZodType;
  relationFields: readonly RelationField[];
  /** One line for docs and the JSON Schema. */
  description: string;
}

export const BACKSTAGE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;
