// network.js draws the actor network: nodes sized by events, directed
// edges coloured by whether cooperation or conflict dominates.
import { render, chartFor, colors } from './charts.js';
import { getJSON, esc } from './api.js';

// edgeColor picks green for mostly cooperative, red for mostly conflictual.
function edgeColor(e) {
  if (e.cooperation > e.conflict) return colors.coop;
  if (e.conflict > e.cooperation) return colors.conf;
  return colors.neutral;
}

// buildGraph turns edges into ECharts graph nodes and links.
export function buildGraph(edges) {
  const weight = new Map();
  for (const e of edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + e.events);
    weight.set(e.target, (weight.get(e.target) || 0) + e.events);
  }
  const max = Math.max(1, ...weight.values());
  const nodes = [...weight.entries()].map(([name, w]) => ({
    name, value: w, symbolSize: 12 + 34 * Math.sqrt(w / max),
    label: { show: true }, itemStyle: { color: '#5b6b82' },
  }));
  const links = edges.filter((e) => e.source !== e.target).map((e) => ({
    source: e.source, target: e.target, value: e.events,
    cooperation: e.cooperation, conflict: e.conflict, goldstein: e.goldstein_mean,
    lineStyle: { color: edgeColor(e), width: 1 + Math.log2(1 + e.events), opacity: 0.8, curveness: 0.15 },
  }));
  return { nodes, links };
}

// loadNetwork fetches and draws the network; onPick(source, target) is
// called when an edge is clicked. Returns the edge count.
export async function loadNetwork(node, sel, onPick) {
  const data = await getJSON('/api/network', { from: sel.from, to: sel.to, limit: 80 });
  const { nodes, links } = buildGraph(data.edges || []);
  // Crowded graphs get weaker repulsion and stronger gravity so they fit.
  const crowd = Math.min(1, Math.max(0, (nodes.length - 12) / 48));
  const option = {
    animation: false,
    tooltip: {
      formatter: (p) => (p.dataType === 'edge'
        ? `${esc(p.data.source)} → ${esc(p.data.target)}: ${Number(p.data.value)} events `
          + `(${Number(p.data.cooperation)} coop, ${Number(p.data.conflict)} conflict, mean ${Number(p.data.goldstein).toFixed(1)})`
        : `${esc(p.name)}: ${Number(p.value)} events`),
    },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 320 - 220 * crowd, edgeLength: [70 - 30 * crowd, 150 - 70 * crowd], gravity: 0.15 + 0.35 * crowd, friction: 0.2, layoutAnimation: false },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      label: { position: 'right', fontSize: 11 },
      emphasis: { focus: 'adjacency' },
      data: nodes, links,
    }],
  };
  const c = render(node, option, links.length);
  c.off('click');
  c.on('click', (p) => { if (p.dataType === 'edge') onPick(p.data.source, p.data.target); });
  return links.length;
}

export { chartFor };
