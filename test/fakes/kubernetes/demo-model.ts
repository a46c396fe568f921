/**
 * The Fernway demo org's workloads in its production cluster, eks-prod (content/platform-infra): the
 * deployments of each component with a `backstage.io/kubernetes-id` in content/, labelled with it as
 * Backstage's Kubernetes plugin expects. `demo/integrations/kubernetes.json` holds the fake's answers to the
 * requests below.
 */
import type { K8sDeployment } from './server.ts';

const DEPLOYED = '2025-05-28T13:12:44Z';

function deployment(namespace: string, id: string, name: string, replicas: number, readyReplicas: number, images: string[], generation = 1): K8sDeployment {
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': id, 'backstage.io/kubernetes-id': id };
  const containers = images.map((image, index) => ({ name: index === 0 ? name : (image.split('/').pop()?.split(':')[0] ?? `sidecar-${index}`), image }));
  return { namespace, name, labels, replicas, readyReplicas, containers, creationTimestamp: DEPLOYED, generation };
}

const image = (name: string, tag: string) => `ghcr.io/fernway/${name}:${tag}`;
const VAULT_AGENT = 'hashicorp/vault:1.16.2';

export const demoDeployments: K8sDeployment[] = [
  deployment('payments', 'payments-gateway', 'payments-gateway', 4, 4, [image('payments-gateway', 'v3.14.2'), VAULT_AGENT], 37),
  deployment('booking', 'booking-service', 'booking-service', 6, 4, [image('booking-service', 'v2.41.0')], 112),
  deployment('booking', 'booking-service', 'booking-outbox-relay', 2, 2, [image('booking-service', 'v2.41.0')], 112),
  deployment('search', 'search-service', 'search-service', 8, 8, [image('search-service', 'v5.3.1')], 64),
  deployment('search', 'search-indexer', 'search-indexer', 2, 2, [image('search-indexer', 'v5.3.1')], 41),
  deployment('search', 'supplier-gateway', 'supplier-gateway', 4, 3, [image('supplier-gateway', 'v1.22.7')], 29),
  deployment('pricing', 'pricing-engine', 'pricing-engine', 6, 6, [image('pricing-engine', 'v4.0.3')], 53),
  deployment('experience', 'trip-gateway', 'trip-gateway', 3, 3, [image('trip-gateway', 'v2.9.0')], 88),
  deployment('experience', 'notification-service', 'notification-service', 2, 2, [image('notification-service', 'v1.7.4')], 19),
  deployment('experience', 'fernway-web', 'fernway-web', 4, 4, [image('fernway-web', '2025.05.27-1')], 240),
];

/** The requests the kubernetes plugin makes per `backstage.io/kubernetes-id`: recorded into the demo fixtures. */
export const demoRequests: string[] = [...new Set(demoDeployments.map((deployment) => deployment.labels['backstage.io/kubernetes-id']))].map(
  (id) => `/apis/apps/v1/deployments?labelSelector=${encodeURIComponent(`backstage.io/kubernetes-id=${id}`)}`,
);
