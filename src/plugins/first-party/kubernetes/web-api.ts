/**
 * The one Kubernetes API call the plugin makes, and the parts of its answer it reads, following the
 * Kubernetes API group apps/v1 (stable since 1.9; https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/):
 * - GET {cluster}/apis/apps/v1/deployments?labelSelector=…                 (every namespace), or
 * - GET {cluster}/apis/apps/v1/namespaces/{ns}/deployments?labelSelector=…  (one namespace)
 *   → a DeploymentList: per item metadata.name/namespace/generation, spec.replicas, the pod template's
 *   containers' images, and status.{readyReplicas, updatedReplicas, availableReplicas, observedGeneration}.
 * Both need only `list` on `deployments.apps` (the read-only ClusterRole in docs/plugins/kubernetes.md).
 * Authentication: a service-account token in `Authorization: Bearer <token>`.
 */
import { z } from 'zod';
import { HttpError, type HttpClient } from '../../http-client.ts';

/** The server leaves a zero count out of `status`, and defaults `spec.replicas` to 1. */
const count = z.number().int().nonnegative().default(0);
const ContainerSchema = z.object({ name: z.string(), image: z.string().default('') });

export const DeploymentListSchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string(), namespace: z.string().default(''), generation: z.number().int().optional() }),
      spec: z
        .object({
          replicas: z.number().int().nonnegative().default(1),
          template: z
            .object({ spec: z.object({ containers: z.array(ContainerSchema).default([]) }).default({ containers: [] }) })
            .default({ spec: { containers: [] } }),
        })
        .default({ replicas: 1, template: { spec: { containers: [] } } }),
      status: z
        .object({ readyReplicas: count, updatedReplicas: count, availableReplicas: count, observedGeneration: z.number().int().optional() })
        .default({ readyReplicas: 0, updatedReplicas: 0, availableReplicas: 0 }),
    }),
  ),
});

export const DeploymentSummarySchema = z.object({
  namespace: z.string(),
  name: z.string(),
  /** spec.replicas */
  desired: z.number().int().nonnegative(),
  ready: z.number().int().nonnegative(),
  available: z.number().int().nonnegative(),
  /** A new revision is still being rolled out (or not yet observed by the controller). */
  rollingOut: z.boolean(),
  /** The containers' images, in the pod template's order. */
  images: z.array(z.string()),
});
export type DeploymentSummary = z.infer<typeof DeploymentSummarySchema>;

export interface ClusterAccess {
  name: string;
  /** The API server's URL, without a trailing slash. */
  url: string;
  token: string;
  /** The env var the token came from, to name in messages. */
  tokenEnv: string;
}

/** The path (and query) of the list request: the same string the demo fixtures are recorded under. */
export function deploymentsPath(selector: string, namespace?: string): string {
  const scope = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `/apis/apps/v1${scope}/deployments?labelSelector=${encodeURIComponent(selector)}`;
}

/** The deployments `selector` matches in the cluster; throws an Error whose message says what to do. */
export async function listDeployments(http: HttpClient, cluster: ClusterAccess, selector: string, namespace?: string): Promise<DeploymentSummary[]> {
  const url = cluster.url + deploymentsPath(selector, namespace);
  let body: unknown;
  try {
    body = await http.getJson(url, { headers: { authorization: `Bearer ${cluster.token}` } });
  } catch (error) {
    throw new Error(explain(error, cluster, selector), { cause: error });
  }
  const parsed = DeploymentListSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`cluster ${cluster.name} sent an unexpected DeploymentList: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data.items.map(({ metadata, spec, status }) => ({
    namespace: metadata.namespace,
    name: metadata.name,
    desired: spec.replicas,
    ready: status.readyReplicas,
    available: status.availableReplicas,
    rollingOut: status.updatedReplicas < spec.replicas || (metadata.generation !== undefined && (status.observedGeneration ?? 0) < metadata.generation),
    images: spec.template.spec.containers.map((container) => container.image),
  }));
}

function explain(error: unknown, cluster: ClusterAccess, selector: string): string {
  const prefix = `cluster ${cluster.name}`;
  if (!(error instanceof HttpError)) return `${prefix}: ${(error as Error).message}`;
  if (error.kind === 'status') {
    if (error.status === 401) return `${prefix} refused the token (HTTP 401): check that ${cluster.tokenEnv} holds a valid service-account token for it`;
    if (error.status === 403)
      return `the token may not list deployments in ${prefix} (HTTP 403): bind its service account to the read-only ClusterRole in docs/plugins/kubernetes.md`;
    if (error.status === 404)
      return `${prefix} has no apps/v1 deployments API at ${cluster.url} (HTTP 404): check that its \`url\` in the settings is the API server's URL`;
    if (error.status === 400) return `${prefix} refused the label selector ${JSON.stringify(selector)} (HTTP 400): check the annotation`;
  }
  return `${prefix}: ${error.message}`;
}
