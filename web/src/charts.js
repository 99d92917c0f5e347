// charts.js registers only the ECharts parts the dashboard uses, so the
// bundle stays small (tree-shaken by esbuild).
import * as echarts from 'echarts/core';
import { LineChart, BarChart, GraphChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GraphChart, GridComponent, TooltipComponent,
  LegendComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

const charts = new Map();

// chartFor returns the chart bound to element el, creating it once.
export function chartFor(el) {
  let c = charts.get(el);
  if (!c) {
    c = echarts.init(el, null, { renderer: 'canvas' });
    charts.set(el, c);
  }
  return c;
}

// render sets a chart's option and, once ECharts has finished drawing,
// records on the element how many items it shows (data-count) and that it
// rendered (data-rendered="true"); the browser test waits on these.
export function render(el, option, count) {
  const c = chartFor(el);
  el.dataset.rendered = 'false';
  c.off('finished');
  c.on('finished', () => {
    el.dataset.count = String(count);
    el.dataset.rendered = 'true';
    c.off('finished');
  });
  c.setOption(option, true);
  return c;
}

// resizeAll resizes the visible charts (after a window resize or a view
// change); hidden ones have no size, and a force layout fails on that.
export function resizeAll() {
  for (const [el, c] of charts) {
    if (el.clientWidth > 0 && el.clientHeight > 0) c.resize();
  }
}

// Colours shared by the views.
export const colors = {
  quad: ['#8fd19e', '#2e9d5b', '#f0a35e', '#c8372d'],
  coop: '#2e9d5b',
  conf: '#c8372d',
  neutral: '#8a93a0',
  mean: '#1f6fd1',
  sum: '#7a3fc4',
};
