// Charts as inline SVG, rendered on the server by Apache ECharts (no browser, no network). ECharts
// is what Chinese government dashboards already use, and its SSR SVG output is deterministic.
import * as echarts from 'echarts';

const FONT = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif';

function render(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * ECharts names style classes and ids with process-wide counters (zr3-cls-7), so the same chart
 * differs between runs. Rename them in order of appearance, under a prefix unique on the page.
 */
export function stableSvg(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg.replace(/zr\d+-[a-z]+-?\d*/gu, (m) => {
    let n = names.get(m);
    if (!n) names.set(m, (n = `${prefix}-${names.size}`));
    return n;
  });
}

/** Horizontal bar chart of one value per body, highest first. */
export function rankingBar(title: string, items: { label: string; value: number }[], percent: boolean): string {
  const sorted = [...items].sort((a, b) => a.value - b.value || (a.label < b.label ? 1 : -1));
  const height = Math.max(160, 60 + sorted.length * 22);
  return render(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 220, right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: percent ? (v: number) => `${Math.round(v * 100)}%` : undefined } },
      yAxis: { type: 'category', data: sorted.map((i) => i.label), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: sorted.map((i) => i.value),
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (percent ? `${(Number(p.value) * 100).toFixed(1)}%` : String(p.value)) },
        },
      ],
    },
    760,
    height,
  );
}

/** One line per body over the years; a missing year stays a gap. */
export function trendLines(title: string, years: number[], series: { name: string; values: (number | null)[] }[], percent: boolean): string {
  return render(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 70, right: 30, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', axisLabel: { formatter: percent ? (v: number) => `${Math.round(v * 100)}%` : undefined } },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: false, symbolSize: 6 })),
    },
    760,
    360,
  );
}
