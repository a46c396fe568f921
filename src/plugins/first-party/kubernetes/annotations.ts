/**
 * The annotations the Kubernetes plugin reads, named and read as Backstage's Kubernetes plugin reads
 * them, so a catalog file means the same in both
 * (https://backstage.io/docs/features/kubernetes/configuration#surfacing-your-kubernetes-components-as-part-of-an-entity):
 * - `backstage.io/kubernetes-id: <id>` → the workloads labelled `backstage.io/kubernetes-id=<id>`;
 * - `backstage.io/kubernetes-label-selector: <selector>` → a label selector of your own; it wins over the id;
 * - `backstage.io/kubernetes-namespace: <ns>` → only that namespace (default: all namespaces);
 * - `backstage.io/kubernetes-cluster: <name>` → only that configured cluster (default: every one).
 * As in Backstage, an entity is looked up when it has an id or a selector; the other two only narrow.
 */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR = 'backstage.io/kubernetes-label-selector';
export const ANNOTATION_KUBERNETES_NAMESPACE = 'backstage.io/kubernetes-namespace';
export const ANNOTATION_KUBERNETES_CLUSTER = 'backstage.io/kubernetes-cluster';

/** A label value: 63 characters at most, alphanumerics at both ends, `-`, `_`, `.` inside. */
const LABEL_VALUE = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
/** A namespace name: an RFC 1123 label (lowercase alphanumerics and `-`, 63 at most). */
const NAMESPACE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/**
 * The characters a label selector is made of (keys, values, `=`, `==`, `!=`, `!`, `in`, `notin`,
 * parentheses, commas, spaces). The cluster judges the grammar itself and answers 400 otherwise.
 */
const SELECTOR = /^[A-Za-z0-9._/=!,() -]{1,1000}$/;

export interface KubernetesTarget {
  /** The label selector sent to the cluster. */
  selector: string;
  namespace?: string;
  cluster?: string;
}

/** What to look up for an entity, from its annotations; an error names the annotation and what it should be. */
export function parseTarget(annotations: Readonly<Record<string, string>>): KubernetesTarget | { error: string } {
  const id = annotations[ANNOTATION_KUBERNETES_ID]?.trim();
  const ownSelector = annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR]?.trim();
  const namespace = annotations[ANNOTATION_KUBERNETES_NAMESPACE]?.trim();
  const cluster = annotations[ANNOTATION_KUBERNETES_CLUSTER]?.trim();
  const invalid = (name: string, value: string | undefined, expected: string) => ({
    error: `annotation \`${name}\` is ${JSON.stringify(value ?? '')}, not ${expected}`,
  });

  let selector: string;
  if (ownSelector !== undefined) {
    if (!SELECTOR.test(ownSelector))
      return invalid(ANNOTATION_KUBERNETES_LABEL_SELECTOR, ownSelector, 'a label selector such as `app=my-app,component=front-end`');
    selector = ownSelector;
  } else if (id !== undefined) {
    if (!LABEL_VALUE.test(id))
      return invalid(ANNOTATION_KUBERNETES_ID, id, 'a label value (letters, digits, `-`, `_`, `.`, 63 at most, a letter or digit at both ends)');
    selector = `${ANNOTATION_KUBERNETES_ID}=${id}`;
  } else return { error: `the entity needs \`${ANNOTATION_KUBERNETES_ID}\` or \`${ANNOTATION_KUBERNETES_LABEL_SELECTOR}\` to be looked up` };

  if (namespace !== undefined && !NAMESPACE.test(namespace))
    return invalid(ANNOTATION_KUBERNETES_NAMESPACE, namespace, 'a namespace name (lowercase letters, digits and `-`, 63 at most)');
  if (cluster !== undefined && cluster === '') return invalid(ANNOTATION_KUBERNETES_CLUSTER, cluster, 'the name of a configured cluster');
  return { selector, ...(namespace ? { namespace } : {}), ...(cluster ? { cluster } : {}) };
}
