/**
 * First-party Kubernetes plugin: `backstage.io/kubernetes-id` / `-label-selector` (+ `-namespace`,
 * `-cluster`) → the entity's deployments in every configured cluster, with ready/desired replicas and
 * images, links to each cluster's dashboard, and the scorecard check "All replicas ready". Read at build
 * time with a read-only token per cluster. Written against the public plugin API only.
 * Docs: docs/plugins/kubernetes.md.
 */
import { z } from 'zod';
import { definePlugin, fail, notApplicable, pass, type PluginEntity } from '../../api.ts';
import { ANNOTATION_KUBERNETES_ID, ANNOTATION_KUBERNETES_LABEL_SELECTOR, parseTarget } from './annotations.ts';
import { renderWorkloads, unready } from './view.ts';
import { DeploymentSummarySchema, listDeployments, type DeploymentSummary } from './web-api.ts';

const httpUrl = (example: string) => z.url({ protocol: /^https?$/, error: `an http(s) URL such as \`${example}\`` });

export const KubernetesClusterSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, { error: 'a short name such as `eks-prod` (letters, digits, `-`, `_`, `.`)' })
    .meta({ description: 'The name pages show, and `backstage.io/kubernetes-cluster` refers to.', examples: ['eks-prod'] }),
  url: httpUrl('https://kubernetes.acme.internal:6443').meta({
    description: "The cluster's API server (its certificate must be trusted by Node: see NODE_EXTRA_CA_CERTS).",
    examples: ['https://ABC123.gr7.eu-west-1.eks.amazonaws.com'],
  }),
  tokenEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'an environment variable name such as `K8S_PROD_TOKEN`' })
    .meta({ description: 'The env var holding a service-account token that may list deployments (read-only).', examples: ['K8S_PROD_TOKEN'] }),
  dashboardUrl: httpUrl('https://dashboard.acme.internal')
    .meta({
      description: "The cluster's dashboard (Kubernetes Dashboard, Rancher, a cloud console), linked from each section.",
      examples: ['https://console.aws.amazon.com/eks/home#/clusters/eks-prod'],
    })
    .optional(),
});

export const KubernetesSettingsSchema = z.strictObject({
  clusters: z
    .array(KubernetesClusterSchema)
    .min(1, { error: 'at least one cluster: `[{ name, url, tokenEnv }]`' })
    .refine((clusters) => new Set(clusters.map((c) => c.name)).size === clusters.length, { error: 'each cluster needs its own `name`' })
    .meta({ description: 'The clusters to look in; an entity is looked up in each (or only in its `backstage.io/kubernetes-cluster`).' }),
});
export type KubernetesSettings = z.infer<typeof KubernetesSettingsSchema>;

export const KubernetesDataSchema = z.object({
  /** The label selector the clusters were asked for. */
  selector: z.string(),
  namespace: z.string().optional(),
  clusters: z.array(
    z.object({
      name: z.string(),
      dashboardUrl: z.string().optional(),
      /** Why this cluster could not be read, when the others could. */
      error: z.string().optional(),
      deployments: z.array(DeploymentSummarySchema),
    }),
  ),
});
export type KubernetesData = z.infer<typeof KubernetesDataSchema>;
type ClusterData = KubernetesData['clusters'][number];

export const kubernetesPlugin = definePlugin<KubernetesSettings, KubernetesData>({
  name: 'kubernetes',
  title: 'Kubernetes',
  annotations: [ANNOTATION_KUBERNETES_ID, ANNOTATION_KUBERNETES_LABEL_SELECTOR],
  settings: KubernetesSettingsSchema,
  credentials: (settings) => [...new Set(settings.clusters.map((cluster) => cluster.tokenEnv))],
  data: KubernetesDataSchema,
  async collect(context) {
    const { entities, settings, secrets, http } = context;
    // Entities sharing a selector (a system and its components, say) cost one request per cluster.
    const lists = new Map<string, Promise<DeploymentSummary[]>>();
    const failedByCluster = new Map<string, { count: number; reason: string }>();
    const readCluster = async (cluster: KubernetesSettings['clusters'][number], selector: string, namespace?: string): Promise<ClusterData> => {
      const head = { name: cluster.name, ...(cluster.dashboardUrl ? { dashboardUrl: cluster.dashboardUrl } : {}) };
      const key = JSON.stringify([cluster.name, selector, namespace]);
      let list = lists.get(key);
      if (!list) {
        const access = { name: cluster.name, url: cluster.url.replace(/\/+$/, ''), token: secrets[cluster.tokenEnv] ?? '', tokenEnv: cluster.tokenEnv };
        list = listDeployments(http, access, selector, namespace);
        lists.set(key, list);
      }
      try {
        return { ...head, deployments: await list };
      } catch (error) {
        const reason = (error as Error).message;
        const failed = failedByCluster.get(cluster.name);
        failedByCluster.set(cluster.name, { count: (failed?.count ?? 0) + 1, reason: failed?.reason ?? reason });
        return { ...head, error: reason, deployments: [] };
      }
    };

    const read = async (entity: PluginEntity): Promise<[string, { data: KubernetesData } | { error: string }]> => {
      const target = parseTarget(entity.annotations);
      if ('error' in target) return [entity.ref, target];
      const clusters = target.cluster === undefined ? settings.clusters : settings.clusters.filter((cluster) => cluster.name === target.cluster);
      if (clusters.length === 0)
        return [
          entity.ref,
          { error: `cluster "${target.cluster}" in the annotation is not configured (settings.clusters: ${settings.clusters.map((c) => c.name).join(', ')})` },
        ];
      const answers = await Promise.all(clusters.map((cluster) => readCluster(cluster, target.selector, target.namespace)));
      // Nothing read at all: an error, so the page falls back to the last good data. Some clusters read: show them, and say which were not.
      if (answers.every((cluster) => cluster.error !== undefined)) return [entity.ref, { error: answers.map((cluster) => cluster.error).join('; ') }];
      return [entity.ref, { data: { selector: target.selector, ...(target.namespace ? { namespace: target.namespace } : {}), clusters: answers } }];
    };

    const results = new Map(await Promise.all(entities.map(read)));
    for (const [name, { count, reason }] of failedByCluster)
      context.log(`⚠ could not read ${count} entit${count === 1 ? 'y' : 'ies'} in cluster ${name}: ${reason}`);
    return results;
  },
  sections: [{ id: 'workloads', title: 'Kubernetes workloads', render: renderWorkloads }],
  checks: [
    {
      id: 'replicas-ready',
      title: 'All replicas ready',
      short: 'Replicas ready',
      why: 'A deployment with fewer ready replicas than desired is serving with less capacity than planned, or failing to start.',
      kinds: ['component'],
      run(data) {
        const deployments = data.clusters.flatMap((cluster) => cluster.deployments.map((deployment) => ({ cluster: cluster.name, ...deployment })));
        const unread = data.clusters.filter((cluster) => cluster.error !== undefined).map((cluster) => cluster.name);
        const caveat = unread.length > 0 ? ` (${unread.join(', ')} could not be read)` : '';
        if (deployments.length === 0) return notApplicable(`No deployment matches \`${data.selector}\` in the clusters read${caveat}.`);
        const behind = unready(deployments);
        if (behind.length === 0) return pass(`All ${deployments.length} deployments have every replica ready${caveat}.`);
        const dashboard = data.clusters.find((cluster) => cluster.name === behind[0]?.cluster)?.dashboardUrl;
        return fail(
          `${behind
            .slice(0, 3)
            .map((d) => `${d.cluster}/${d.namespace}/${d.name} has ${d.ready} of ${d.desired} ready`)
            .join('; ')}${behind.length > 3 ? `; and ${behind.length - 3} more` : ''}${caveat}.`,
          {
            text: "Look at the pods' events (image pulls, crash loops, failing probes, unschedulable pods) and fix or roll back the release.",
            ...(dashboard ? { url: dashboard, label: `Open the ${behind[0]?.cluster ?? ''} dashboard` } : {}),
          },
        );
      },
    },
  ],
});
