/**
 * The four annotations the Prometheus / Grafana plugin reads, named and written as Backstage's
 * plugins read them, so a catalog file means the same in both:
 * - `prometheus.io/rule` and `prometheus.io/alert`: Roadie's Prometheus plugin
 *   (https://roadie.io/backstage/plugins/prometheus/);
 * - `grafana/dashboard-selector` and `grafana/alert-label-selector`: the Grafana plugin
 *   (https://github.com/backstage/community-plugins/tree/main/workspaces/grafana, formerly K-Phoen's).
 */
export const ANNOTATION_PROMETHEUS_RULE = 'prometheus.io/rule';
export const ANNOTATION_PROMETHEUS_ALERT = 'prometheus.io/alert';
export const ANNOTATION_GRAFANA_DASHBOARD_SELECTOR = 'grafana/dashboard-selector';
export const ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR = 'grafana/alert-label-selector';

export type Parsed<T> = T | { error: string };

/** A range query drawn as a sparkline, and the label whose value names each of its series. */
export interface RuleQuery {
  query: string;
  groupBy?: string;
}

/**
 * `prometheus.io/rule: <query>[|<label>],…`: PromQL queries or recording-rule names, comma separated,
 * each optionally with the label that names its series. As in Roadie's plugin, a query cannot contain
 * `,` or `|` (use a recording rule for those).
 */
export function parseRuleAnnotation(value: string): Parsed<RuleQuery[]> {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => part === ''))
    return { error: `annotation \`${ANNOTATION_PROMETHEUS_RULE}\` is ${JSON.stringify(value)}: an empty query (queries are comma separated)` };
  const queries: RuleQuery[] = [];
  for (const part of parts) {
    const [query = '', groupBy, extra] = part.split('|').map((piece) => piece.trim());
    if (query === '' || extra !== undefined || (groupBy !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(groupBy)))
      return {
        error: `annotation \`${ANNOTATION_PROMETHEUS_RULE}\` has ${JSON.stringify(part)}: write \`<query>\` or \`<query>|<label name>\` (a query cannot contain \`,\` or \`|\`: use a recording rule)`,
      };
    queries.push(groupBy ? { query, groupBy } : { query });
  }
  return queries;
}

/** `prometheus.io/alert: <alert name>,…`, or `all` for every alerting rule. */
export function parseAlertAnnotation(value: string): Parsed<{ all: true } | { names: string[] }> {
  if (value.trim() === 'all') return { all: true };
  const names = value.split(',').map((name) => name.trim());
  if (names.some((name) => !/^[A-Za-z_:][A-Za-z0-9_:.-]*$/.test(name)))
    return {
      error: `annotation \`${ANNOTATION_PROMETHEUS_ALERT}\` is ${JSON.stringify(value)}: write alert rule names separated by commas, or \`all\``,
    };
  return { names: [...new Set(names)] };
}

/** One Alertmanager matcher, as Grafana's alert API filters take it: `service="booking-service"`. */
export interface LabelMatcher {
  name: string;
  operator: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** `grafana/alert-label-selector: service=booking-service,severity=~page|critical`: matchers, all must hold. */
export function parseAlertLabelSelector(value: string): Parsed<LabelMatcher[]> {
  const matchers: LabelMatcher[] = [];
  for (const part of value.split(',')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(?:"([^"]*)"|([^"\s]*))\s*$/.exec(part);
    if (!match)
      return {
        error: `annotation \`${ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR}\` has ${JSON.stringify(part.trim())}: write \`label=value\` pairs separated by commas (also \`!=\`, \`=~\`, \`!~\`)`,
      };
    matchers.push({ name: match[1] ?? '', operator: (match[2] ?? '=') as LabelMatcher['operator'], value: match[3] ?? match[4] ?? '' });
  }
  return matchers;
}

/** The matcher as Alertmanager's `filter` parameter writes it. */
export const showMatcher = (m: LabelMatcher) => `${m.name}${m.operator}${JSON.stringify(m.value)}`;

/**
 * `grafana/dashboard-selector`: the Grafana plugin's small expression language over a dashboard's
 * `title`, `tags`, `url` and `folderTitle`: `tags @> 'booking'`, `title == 'Booking'`, `!=`, `&&`, `||`
 * and parentheses; or a bare tag (`booking-service`), as the plugin's older `grafana/tag-selector` took it.
 */
export type DashboardSelector =
  | { kind: 'test'; field: DashboardField; operator: '@>' | '==' | '!='; value: string }
  | { kind: 'and' | 'or'; left: DashboardSelector; right: DashboardSelector };
export type DashboardField = 'title' | 'tags' | 'url' | 'folderTitle';
export interface DashboardFields {
  title: string;
  tags: readonly string[];
  url: string;
  folderTitle: string;
}

const TOKEN = /\s*(\(|\)|&&|\|\||@>|==|!=|'(?:[^'\\]|\\.)*'|[A-Za-z_][A-Za-z0-9_]*)/y;

export function parseDashboardSelector(value: string): Parsed<DashboardSelector> {
  const text = value.trim();
  if (/^[\w.:/-]+$/.test(text) && !['title', 'tags', 'url', 'folderTitle'].includes(text)) return { kind: 'test', field: 'tags', operator: '@>', value: text };
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) return selectorError(value, `unexpected ${JSON.stringify(text.slice(at, at + 10))}`);
    tokens.push(match[1] ?? '');
  }
  let index = 0;
  const peek = () => tokens[index];
  const or = (): DashboardSelector => {
    let left = and();
    while (peek() === '||') {
      index++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): DashboardSelector => {
    let left = term();
    while (peek() === '&&') {
      index++;
      left = { kind: 'and', left, right: term() };
    }
    return left;
  };
  const term = (): DashboardSelector => {
    if (peek() === '(') {
      index++;
      const inner = or();
      if (tokens[index++] !== ')') throw new Error('a `(` is not closed');
      return inner;
    }
    const [field, operator, literal] = [tokens[index++], tokens[index++], tokens[index++]];
    if (field !== 'title' && field !== 'tags' && field !== 'url' && field !== 'folderTitle')
      throw new Error(`${JSON.stringify(field ?? 'the end')} is not a field (title, tags, url, folderTitle)`);
    if (operator !== '@>' && operator !== '==' && operator !== '!=')
      throw new Error(`${JSON.stringify(operator ?? 'the end')} is not \`@>\`, \`==\` or \`!=\``);
    if (!literal?.startsWith("'")) throw new Error(`${field} ${operator} needs a 'quoted' value`);
    return { kind: 'test', field, operator, value: literal.slice(1, -1).replace(/\\(.)/g, '$1') };
  };
  try {
    const selector = or();
    if (index !== tokens.length) return selectorError(value, `unexpected ${JSON.stringify(tokens[index])}`);
    return selector;
  } catch (error) {
    return selectorError(value, (error as Error).message);
  }
}

function selectorError(value: string, why: string): { error: string } {
  return {
    error: `annotation \`${ANNOTATION_GRAFANA_DASHBOARD_SELECTOR}\` is ${JSON.stringify(value)}: ${why} (write a tag, or e.g. \`tags @> 'booking' && title != 'Old'\`)`,
  };
}

export function matchesDashboard(selector: DashboardSelector, dashboard: DashboardFields): boolean {
  if (selector.kind !== 'test')
    return selector.kind === 'and'
      ? matchesDashboard(selector.left, dashboard) && matchesDashboard(selector.right, dashboard)
      : matchesDashboard(selector.left, dashboard) || matchesDashboard(selector.right, dashboard);
  const actual = dashboard[selector.field];
  if (selector.operator === '@>') return Array.isArray(actual) ? actual.includes(selector.value) : String(actual).includes(selector.value);
  const equal = Array.isArray(actual) ? actual.length === 1 && actual[0] === selector.value : actual === selector.value;
  return selector.operator === '==' ? equal : !equal;
}

/** The tags a selector needs when it is only `tags @> …` joined by `&&`: Grafana can then search by tag. */
export function requiredTags(selector: DashboardSelector): string[] | undefined {
  if (selector.kind === 'test') return selector.field === 'tags' && selector.operator === '@>' ? [selector.value] : undefined;
  if (selector.kind === 'or') return undefined;
  const [left, right] = [requiredTags(selector.left), requiredTags(selector.right)];
  return left && right ? [...new Set([...left, ...right])] : undefined;
}
