// simulate.js shows the simulator's bundled scenario: one trajectory chart
// per model and issue, picked from a list. The result's exact shape belongs
// to the simulator, so extractPanels reads it generously: any object with
// "rounds" (per-round positions as {actor: x}, {positions: ...}, or arrays
// aligned with an "actors" list) or "trajectories" ({actor: [x...]}).
import { render } from './charts.js';
import { getJSON, el } from './api.js';

const generic = new Set(['models', 'issues', 'results', 'runs', 'data', 'result']);
const skipKeys = new Set(['round', 'index', 'iteration', 'step']);

// num returns v as a finite number or undefined.
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

// labelOf names an object by its model, issue, name, title or id field.
function labelOf(o) {
  for (const k of ['model', 'issue', 'name', 'title', 'id']) {
    if (typeof o[k] === 'string' && o[k]) return o[k];
  }
  return '';
}

// actorName names the j-th actor of an "actors" list.
function actorName(actors, j) {
  const a = actors && actors[j];
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object') return a.name || a.actor || a.id || `actor ${j + 1}`;
  return `actor ${j + 1}`;
}

// positionsOf reads one round into [name, value] pairs.
function positionsOf(r, actors) {
  const p = r && typeof r === 'object' && !Array.isArray(r) && r.positions !== undefined ? r.positions : r;
  if (Array.isArray(p)) {
    return p.map((x, j) => {
      if (typeof x === 'number') return [actorName(actors, j), x];
      if (x && typeof x === 'object') return [x.actor || x.name || actorName(actors, j), num(x.position ?? x.value)];
      return [actorName(actors, j), undefined];
    });
  }
  if (p && typeof p === 'object') {
    return Object.entries(p).filter(([k, v]) => !skipKeys.has(k) && num(v) !== undefined);
  }
  return [];
}

// trajectories returns [{name, data}] for an object holding rounds.
function trajectories(o) {
  const byName = new Map();
  const put = (name, i, v) => {
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name)[i] = v;
  };
  if (Array.isArray(o.rounds)) {
    o.rounds.forEach((r, i) => positionsOf(r, o.actors).forEach(([n, v]) => put(n, i, v)));
  } else {
    const t = o.trajectories || (o.rounds && typeof o.rounds === 'object' ? o.rounds : null);
    if (t && typeof t === 'object') {
      const entries = Array.isArray(t) ? t.map((x, j) => [x.actor || x.name || actorName(o.actors, j), x.positions || x.values]) : Object.entries(t);
      for (const [n, arr] of entries) if (Array.isArray(arr)) arr.forEach((v, i) => put(n, i, num(v)));
    }
  }
  const series = [...byName.entries()].filter(([, d]) => d.some((v) => v !== undefined)).map(([name, data]) => ({ name, data }));
  return series.length ? series : null;
}

// extractPanels finds every trajectory set in a simulation result.
export function extractPanels(result) {
  const panels = [];
  const walk = (v, path) => {
    if (Array.isArray(v)) { v.forEach((x) => walk(x, path)); return; }
    if (!v || typeof v !== 'object') return;
    const own = labelOf(v);
    const here = own ? [...path, own] : path;
    const series = trajectories(v);
    if (series) {
      panels.push({
        label: here.join(' / ') || 'result', series, outcome: num(v.outcome),
        issue: typeof v.issue === 'string' ? v.issue : '', anchor: typeof v.anchor === 'string' ? v.anchor : '',
      });
    }
    for (const [k, x] of Object.entries(v)) {
      if (!x || typeof x !== 'object' || k === 'rounds' || k === 'trajectories' || k === 'actors') continue;
      const named = !Array.isArray(x) && labelOf(x);
      const step = named || generic.has(k) || /^\d+$/.test(k) ? '' : k;
      walk(x, step ? [...here, step] : here);
    }
  };
  walk(result, []);
  return panels;
}

// issueDef finds the scale and anchors of a panel's issue in the report's
// "issue_defs" (or "issues") list.
function issueDef(result, panel) {
  const defs = (result && (result.issue_defs || result.issues)) || [];
  return Array.isArray(defs) ? defs.find((d) => d && d.id === panel.issue) : undefined;
}

// drawPanel draws one panel's trajectories on the issue's scale, with its
// anchors and the forecast outcome as horizontal lines.
function drawPanel(node, panel, def) {
  const rounds = Math.max(...panel.series.map((s) => s.data.length));
  const lines = [];
  for (const a of (def && def.anchors) || []) {
    if (num(a.value) === undefined) continue;
    lines.push({ yAxis: a.value, lineStyle: { color: '#c3c9d2', type: 'dotted' },
      label: { position: 'insideStartTop', color: '#8a93a0', formatter: String(a.label || a.value) } });
  }
  if (panel.outcome !== undefined) {
    lines.push({ yAxis: panel.outcome, lineStyle: { color: '#1d2430', type: 'dashed', width: 2 },
      label: { position: 'insideEndTop', formatter: `outcome ${panel.outcome.toFixed(1)}` } });
  }
  const series = panel.series.map((s, i) => ({
    name: s.name, type: 'line', data: s.data, symbolSize: 5, connectNulls: true,
    ...(i === 0 && lines.length ? { markLine: { silent: true, symbol: 'none', data: lines } } : {}),
  }));
  const scale = (def && def.scale) || {};
  const unit = scale.unit ? ` (${scale.unit})` : '';
  render(node, {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 50, right: 30, top: 64, bottom: 40 },
    xAxis: { type: 'category', name: 'round', data: Array.from({ length: rounds }, (_, i) => String(i)) },
    yAxis: { type: 'value', name: `position${unit}`, min: num(scale.min), max: num(scale.max), scale: num(scale.min) === undefined },
    series,
  }, panel.series.length);
}

// whatIfRows renders the report's what-if comparisons, if any.
function whatIfRows(table, result) {
  const rows = [];
  for (const w of (result && Array.isArray(result.what_if) ? result.what_if : [])) {
    for (const o of Array.isArray(w.outcomes) ? w.outcomes : []) {
      const tr = el('tr');
      const fmt = (v) => (num(v) === undefined ? '' : v.toFixed(1));
      const raw = num(o.delta);
      const delta = raw === undefined ? undefined : Math.abs(raw) < 0.05 ? 0 : raw;
      tr.append(el('td', null, w.name || (w.changes || []).join(', ')), el('td', null, o.model), el('td', null, o.issue),
        el('td', 'num', fmt(o.baseline)), el('td', 'num', fmt(o.outcome)),
        el('td', `num ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}`, delta === undefined ? '' : (delta > 0 ? '+' : '') + delta.toFixed(1)));
      rows.push(tr);
    }
  }
  table.querySelector('tbody').replaceChildren(...rows);
  table.hidden = rows.length === 0;
  table.dataset.count = String(rows.length);
}

let loaded = false;

// loadSimulate fetches /api/simulate once and draws the first panel
// (EUM first when present).
export async function loadSimulate(ui) {
  if (loaded) return;
  loaded = true;
  let result;
  try {
    result = await getJSON('/api/simulate');
  } catch (e) {
    loaded = false;
    ui.status.textContent = e.status === 501 ? 'The simulator is not available in this server.' : `Simulation failed: ${e.message}`;
    ui.status.classList.add('error');
    return;
  }
  ui.title.textContent = result && typeof result.scenario === 'string' ? result.scenario : 'bundled scenario';
  ui.notes.textContent = result && typeof result.notes === 'string' ? result.notes : '';
  whatIfRows(ui.whatIf, result);
  const panels = extractPanels(result);
  panels.sort((a, b) => (/eum/i.test(b.label) ? 1 : 0) - (/eum/i.test(a.label) ? 1 : 0));
  if (!panels.length) {
    ui.status.textContent = 'The simulation result holds no round-by-round positions to draw.';
    return;
  }
  const show = (i) => {
    const p = panels[i];
    const def = issueDef(result, p);
    const out = p.outcome !== undefined ? `forecast outcome ${p.outcome.toFixed(2)}${p.anchor ? ` (nearest: ${p.anchor})` : ''}` : 'no outcome reported';
    const rounds = Math.max(...p.series.map((s) => s.data.length));
    ui.status.textContent = `${p.label}${def && def.name ? ` — ${def.name}` : ''}: ${p.series.length} actors, ${rounds} rounds, ${out}.`;
    drawPanel(ui.chart, p, def);
  };
  ui.pick.replaceChildren(...panels.map((p, i) => { const o = el('option', null, p.label); o.value = String(i); return o; }));
  ui.pickLabel.hidden = panels.length < 2;
  ui.pick.onchange = () => show(Number(ui.pick.value));
  show(0);
}
