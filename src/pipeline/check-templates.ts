/**
 * The template phase, shared by `build` and `validate`: every Template rendered with its sample
 * values and checked (src/scaffolder), printed as one phase.
 */
import type { PortalConfig } from '../config/schema.ts';
import type { CatalogGraph } from '../graph/resolve-graph.ts';
import type { PhaseLog } from '../progress/phase-log.ts';
import { buildTemplates, type TemplatesResult } from '../scaffolder/index.ts';
import type { Snapshot } from '../sources/snapshot.ts';

export interface CheckTemplatesOptions {
  snapshot: Snapshot;
  graph: CatalogGraph;
  config: PortalConfig;
  org: string;
  log: PhaseLog;
}

export function checkTemplates({ snapshot, graph, config, org, log }: CheckTemplatesOptions): Promise<TemplatesResult> {
  return log.phase(
    'Checking software templates',
    () => buildTemplates({ snapshot, graph, config: config.templates, org, limits: config.limits }),
    (r) => {
      const problems = r.diagnostics.filter((d) => d.severity !== 'info').length;
      return `${r.data.pages.length} templates rendered with sample values, ${problems} ${problems === 1 ? 'problem' : 'problems'}`;
    },
  );
}
