/** A Component as plugins see it (src/plugins/api.ts), named and annotated for a test. */
import type { PluginEntity } from '../../src/plugins/api.ts';

export function pluginEntity(name: string, annotations: Record<string, string>): PluginEntity {
  return { ref: `component:default/${name}`, kind: 'Component', namespace: 'default', name, annotations, repo: name };
}
