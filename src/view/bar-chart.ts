/**
 * Layout of a horizontal bar chart drawn as inline SVG at build time (no JS).
 * Positions are percentages of the chart's width, so one SVG fits a phone and
 * a desktop alike while its text keeps its CSS size; only heights are pixels.
 */

export interface BarInput {
  label: string;
  value: number;
  /** Printed after the bar, e.g. "85%" or "12 entities". */
  text: string;
  /** CSS class suffix for the bar's colour, e.g. a level (`gold`). */
  tone: string;
}

export interface BarRow extends BarInput {
  /**
   * Label as drawn, shortened with an ellipsis when longer than the label column holds: the
   * wide form, and the narrow one a phone shows instead (CSS picks one; SVG text cannot wrap).
   */
  wideLabel: string;
  narrowLabel: string;
  /** Pixels from the top: the row's band, and the text baseline. */
  y: number;
  baseline: number;
  /** Percentage of the chart width. */
  barWidth: number;
}

export interface BarChartLayout {
  height: number;
  rowHeight: number;
  barHeight: number;
  /** Where the label column ends (labels are right-aligned there) and bars start, in percent. */
  labelEnd: number;
  barStart: number;
  /** Width of a full (value = max) bar, in percent. */
  barSpan: number;
  /** Where the values are written (one column after the full bar), in percent. */
  valueX: number;
  rows: BarRow[];
}

export interface BarChartOptions {
  /** The value of a full-width bar (default: the largest value, at least 1). */
  max?: number;
  /** Longest label drawn in full on a wide screen, and on a phone. */
  wideLabelChars?: number;
  narrowLabelChars?: number;
}

const ROW_HEIGHT = 30;
const BAR_HEIGHT = 18;
const LABEL_END = 37;
const BAR_START = 39;
/** Leaves room after a full bar for the value column. */
const BAR_SPAN = 44;
const VALUE_X = BAR_START + BAR_SPAN + 1.5;

export function barChartLayout(bars: readonly BarInput[], options: BarChartOptions = {}): BarChartLayout {
  const max = options.max ?? Math.max(1, ...bars.map((b) => b.value));
  const wideChars = options.wideLabelChars ?? 28;
  const narrowChars = options.narrowLabelChars ?? 18;
  const rows = bars.map((bar, index): BarRow => {
    const barWidth = round((Math.max(0, Math.min(bar.value, max)) / max) * BAR_SPAN);
    const y = index * ROW_HEIGHT;
    return {
      ...bar,
      wideLabel: shorten(bar.label, wideChars),
      narrowLabel: shorten(bar.label, narrowChars),
      y,
      baseline: y + ROW_HEIGHT / 2 + 5,
      barWidth,
    };
  });
  return {
    height: Math.max(ROW_HEIGHT, rows.length * ROW_HEIGHT),
    rowHeight: ROW_HEIGHT,
    barHeight: BAR_HEIGHT,
    labelEnd: LABEL_END,
    barStart: BAR_START,
    barSpan: BAR_SPAN,
    valueX: VALUE_X,
    rows,
  };
}

export function shorten(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
