import { describe, expect, it } from 'vitest';
import { barChartLayout, shorten } from './bar-chart.ts';

const bar = (label: string, value: number) => ({ label, value, text: `${value}%`, tone: 'gold' });

describe('barChartLayout', () => {
  it('scales bars to max, in percent of the width, one row band each', () => {
    const layout = barChartLayout([bar('A', 100), bar('B', 50), bar('C', 0)], { max: 100 });
    expect(layout.rows.map((r) => r.barWidth)).toEqual([layout.barSpan, layout.barSpan / 2, 0]);
    expect(layout.rows.map((r) => r.y)).toEqual([0, layout.rowHeight, 2 * layout.rowHeight]);
    expect(layout.height).toBe(3 * layout.rowHeight);
    // Values are one column after the full bar, with room left for "100%".
    expect(layout.valueX).toBeGreaterThan(layout.barStart + layout.barSpan);
    expect(layout.valueX).toBeLessThanOrEqual(85);
    expect(layout.labelEnd).toBeLessThan(layout.barStart);
  });

  it('uses the largest value as max by default, and clamps values outside 0..max', () => {
    const layout = barChartLayout([bar('A', 4), bar('B', 2)]);
    expect(layout.rows.map((r) => r.barWidth)).toEqual([layout.barSpan, layout.barSpan / 2]);
    expect(barChartLayout([bar('A', 150), bar('B', -3)], { max: 100 }).rows.map((r) => r.barWidth)).toEqual([layout.barSpan, 0]);
  });

  it('keeps one row of height for an empty chart, and never divides by zero', () => {
    expect(barChartLayout([]).height).toBeGreaterThan(0);
    expect(barChartLayout([bar('A', 0)]).rows[0]!.barWidth).toBe(0);
  });

  it('shortens long labels with an ellipsis, for wide screens and phones, keeping the full label', () => {
    const row = barChartLayout([bar('Commerce engineering and payments platform', 10)], { wideLabelChars: 24, narrowLabelChars: 12 }).rows[0]!;
    expect(row.wideLabel).toBe('Commerce engineering an…');
    expect(row.narrowLabel).toBe('Commerce en…');
    expect(row.label).toBe('Commerce engineering and payments platform');
    expect(shorten('short', 12)).toBe('short');
  });
});
