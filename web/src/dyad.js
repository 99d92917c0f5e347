// dyad.js draws the tension chart for one actor pair: Goldstein mean and
// sum per period on top, stacked quad-class counts below.
import { render, colors } from './charts.js';
import { getJSON } from './api.js';

const quadNames = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];

// periodLabel shortens an RFC 3339 period start to YYYY-MM or YYYY-MM-DD.
function periodLabel(p, interval) {
  const d = String(p).slice(0, 10);
  return interval === 'month' ? d.slice(0, 7) : d;
}

// fillPeriods returns every period from the first to the last point (so
// quiet months show as gaps, not as squeezed axes) with the point of each,
// or null where there were no events.
export function fillPeriods(pts, interval) {
  if (!pts.length) return [];
  const byKey = new Map(pts.map((p) => [String(p.period).slice(0, 10), p]));
  const start = new Date(`${String(pts[0].period).slice(0, 10)}T00:00:00Z`);
  const end = new Date(`${String(pts[pts.length - 1].period).slice(0, 10)}T00:00:00Z`);
  const out = [];
  for (let d = start; d <= end && out.length < 5000;) {
    const key = d.toISOString().slice(0, 10);
    out.push({ key, point: byKey.get(key) || null });
    d = interval === 'week'
      ? new Date(d.getTime() + 7 * 86400000)
      : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  // Points the walk missed (periods not on the expected grid) are kept.
  const seen = new Set(out.map((o) => o.key));
  for (const [key, point] of byKey) if (!seen.has(key)) out.push({ key, point });
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

// loadDyad fetches and draws the dyad series; returns the point count.
export async function loadDyad(node, sel) {
  const data = await getJSON('/api/dyad', {
    source: sel.source, target: sel.target, both: sel.both, interval: sel.interval, from: sel.from, to: sel.to,
  });
  const pts = data.points || [];
  const periods = fillPeriods(pts, data.interval);
  const x = periods.map((p) => periodLabel(p.key, data.interval));
  const round = (v) => Math.round(v * 100) / 100;
  const val = (f) => periods.map(({ point }) => (point ? f(point) : null));
  const quadSeries = quadNames.map((name, i) => ({
    name, type: 'bar', stack: 'quad', xAxisIndex: 1, yAxisIndex: 2, barMaxWidth: 40,
    itemStyle: { color: colors.quad[i] }, data: val((p) => (p.quad || [])[i + 1] || 0),
  }));
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 56, right: 56, top: 36, height: '38%' }, { left: 56, right: 56, top: '58%', bottom: 56 }],
    xAxis: [
      { type: 'category', data: x, gridIndex: 0, axisLabel: { show: false } },
      { type: 'category', data: x, gridIndex: 1 },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, name: 'mean', min: -10, max: 10 },
      { type: 'value', gridIndex: 0, name: 'sum', splitLine: { show: false } },
      { type: 'value', gridIndex: 1, name: 'events', minInterval: 1 },
    ],
    dataZoom: [{ type: 'slider', xAxisIndex: [0, 1], bottom: 8, height: 20 }],
    series: [
      { name: 'Goldstein mean', type: 'line', xAxisIndex: 0, yAxisIndex: 0, symbolSize: 6,
        itemStyle: { color: colors.mean }, connectNulls: true, data: val((p) => round(p.goldstein_mean)),
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#999', type: 'dashed' }, data: [{ yAxis: 0 }] } },
      // Sums are not interpolated across quiet periods: the gaps show.
      { name: 'Goldstein sum', type: 'line', xAxisIndex: 0, yAxisIndex: 1, symbolSize: 4,
        lineStyle: { type: 'dotted' }, itemStyle: { color: colors.sum }, data: val((p) => round(p.goldstein_sum)) },
      ...quadSeries,
    ],
  };
  render(node, option, pts.length);
  return pts.length;
}
