/** The Kubernetes section's view model: a readiness badge, totals, one row per deployment, cluster dashboards. */
import type { PluginSectionBody } from '../../api.ts';
import type { KubernetesData } from './index.ts';
import type { DeploymentSummary } from './web-api.ts';

/** The view model's table holds 50 rows; the rest are counted in a notice. */
const MAX_ROWS = 50;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The deployments with fewer ready replicas than desired (a deployment scaled to zero is ready). */
export function unready<T extends DeploymentSummary>(deployments: readonly T[]): T[] {
  return deployments.filter((deployment) => deployment.ready < deployment.desired);
}

function readiness(deployment: DeploymentSummary): string {
  const notes = [deployment.desired === 0 ? 'scaled to zero' : '', deployment.rollingOut ? 'rolling out' : ''].filter(Boolean);
  return `${deployment.ready} / ${deployment.desired}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

export function renderWorkloads(data: KubernetesData): PluginSectionBody {
  const several = data.clusters.length > 1;
  const rows = data.clusters.flatMap((cluster) => cluster.deployments.map((deployment) => ({ cluster: cluster.name, ...deployment })));
  const unread = data.clusters.filter((cluster) => cluster.error !== undefined);
  const behind = unready(rows);
  const desired = rows.reduce((sum, row) => sum + row.desired, 0);
  const ready = rows.reduce((sum, row) => sum + Math.min(row.ready, row.desired), 0);

  const badge: NonNullable<PluginSectionBody['badge']> =
    behind.length > 0
      ? { label: `${plural(behind.length, 'deployment')} not fully ready`, tone: 'bad' }
      : rows.length === 0
        ? { label: 'No deployments found', tone: unread.length > 0 ? 'warning' : 'neutral' }
        : unread.length > 0
          ? { label: `Ready where read; ${plural(unread.length, 'cluster')} unread`, tone: 'warning' }
          : { label: 'All replicas ready', tone: 'good' };

  const notices: NonNullable<PluginSectionBody['notices']> = [
    ...unread.map((cluster) => ({ tone: 'warning' as const, text: clip(`Cluster ${cluster.name} could not be read: ${cluster.error ?? ''}`, 500) })),
    ...(several
      ? data.clusters
          .filter((cluster) => cluster.error === undefined && cluster.deployments.length === 0)
          .map((cluster) => ({ tone: 'info' as const, text: clip(`No deployment matches in cluster ${cluster.name}.`, 500) }))
      : []),
    ...(rows.length > MAX_ROWS ? [{ tone: 'info' as const, text: `Showing ${MAX_ROWS} of ${rows.length} deployments.` }] : []),
  ].slice(0, 10);

  return {
    badge,
    facts: [
      { label: several ? 'Clusters' : 'Cluster', value: clip(data.clusters.map((cluster) => cluster.name).join(', '), 200) },
      { label: 'Namespace', value: clip(data.namespace ?? 'all namespaces', 200) },
      { label: 'Label selector', value: clip(data.selector, 200) },
      { label: 'Deployments', value: String(rows.length) },
      { label: 'Replicas ready', value: `${ready} / ${desired}`, ...(ready < desired ? { tone: 'bad' as const } : {}) },
    ],
    tables:
      rows.length > 0
        ? [
            {
              caption: 'Deployments',
              columns: [...(several ? ['Cluster'] : []), 'Namespace', 'Deployment', 'Ready / desired', 'Images'],
              rows: rows
                .slice(0, MAX_ROWS)
                .map((row) =>
                  [...(several ? [row.cluster] : []), row.namespace, row.name, readiness(row), row.images.join(', ')].map((cell) => clip(cell, 300)),
                ),
            },
          ]
        : [],
    links: data.clusters
      .flatMap((cluster) => (cluster.dashboardUrl ? [{ label: clip(`Open the ${cluster.name} dashboard`, 120), url: cluster.dashboardUrl }] : []))
      .slice(0, 20),
    notices,
  };
}
