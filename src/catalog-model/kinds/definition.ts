/**
 * What a kind is: which apiVersions carry it, the zod schema of its `spec`,
 * and the spec fields that declare relations. The validator dispatches on
 * (apiVersion, kind) like Backstage's processors; the graph stage emits
 * relations from `relationFields`.
 */
import type { z } from 'zod';
import type { RelationField } from '../relations.ts';

export interface KindDefinition<Kind extends string = string, Spec extends z.ZodType = z.ZodType> {
  kind: Kind;
  apiVersions: readonly string[];
  /** The single source of the spec's type: what it parses to is what the graph and the portal carry. */
  spec: Spec;
  relationFields: readonly RelationField[];
  /** One line for docs and the JSON Schema. */
  description: string;
}

export const BACKSTAGE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;
