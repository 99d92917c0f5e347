// main.js wires the dashboard: the actor pair form, the overview panels
// (dyad chart, network, timeline, quotes) and the Simulate view.
import { getJSON, el } from './api.js';
import { resizeAll } from './charts.js';
import { loadDyad } from './dyad.js';
import { loadNetwork } from './network.js';
import { loadTimeline, loadQuotes } from './timeline.js';
import { loadSimulate } from './simulate.js';

const $ = (id) => document.getElementById(id);

// selection reads the form.
function selection() {
  return {
    source: $('source').value.trim().toUpperCase() || 'USA',
    target: $('target').value.trim().toUpperCase() || 'IRN',
    both: $('both').checked,
    interval: $('interval').value,
    from: $('from').value,
    to: $('to').value,
  };
}

// setStatus shows progress or an error next to the form.
function setStatus(msg, isError = false) {
  const s = $('status');
  s.textContent = msg;
  s.classList.toggle('error', isError);
}

let stale = false;

// refresh reloads every overview panel for the current selection. While
// the overview is hidden it only marks it stale: charts cannot lay out in
// a hidden element, so they are drawn when the view is shown.
async function refresh() {
  if ($('view-overview').hidden) { stale = true; return; }
  stale = false;
  const sel = selection();
  $('dyad-title').textContent = `${sel.source} ${sel.both ? '⇄' : '→'} ${sel.target}`;
  $('timeline-title').textContent = `${sel.source} ${sel.both ? '⇄' : '→'} ${sel.target}`;
  setStatus('Loading…');
  const pick = (s, t) => { $('source').value = s; $('target').value = t; refresh(); };
  const results = await Promise.allSettled([
    loadDyad($('dyad-chart'), sel),
    loadNetwork($('network-chart'), sel, pick),
    loadTimeline($('timeline'), sel),
  ]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) setStatus(failed.reason.message, true);
  else setStatus(`${results[0].value} periods, ${results[2].value} events shown`);
}

// loadActors fills the actor pickers and the header statistics.
async function loadHeader() {
  try {
    const [actors, stats] = await Promise.all([getJSON('/api/actors', { limit: 200 }), getJSON('/api/stats')]);
    $('actor-list').replaceChildren(...(actors.actors || []).map((a) => {
      const o = el('option', null, `${a.events} events`);
      o.value = a.actor;
      return o;
    }));
    $('stats').textContent = `${stats.documents} documents · ${stats.events} events · ${stats.quotes} quotes`;
  } catch (e) {
    $('stats').textContent = `store: ${e.message}`;
  }
}

// route shows the view named by the URL hash.
function route() {
  const sim = location.hash === '#simulate';
  $('view-overview').hidden = sim;
  $('view-simulate').hidden = !sim;
  $('nav-overview').classList.toggle('active', !sim);
  $('nav-simulate').classList.toggle('active', sim);
  if (sim) {
    loadSimulate({ chart: $('sim-chart'), status: $('sim-status'), pick: $('sim-pick'), pickLabel: $('sim-pick-label'),
      title: $('sim-title'), notes: $('sim-notes'), whatIf: $('sim-whatif') });
  }
  if (!sim && stale) refresh();
  requestAnimationFrame(resizeAll);
}

function start() {
  $('controls').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  $('swap').addEventListener('click', () => {
    const s = $('source').value;
    $('source').value = $('target').value;
    $('target').value = s;
    refresh();
  });
  $('quote-form').addEventListener('submit', (e) => {
    e.preventDefault();
    loadQuotes($('quotes'), $('speaker').value.trim()).catch((err) => setStatus(err.message, true));
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', resizeAll);
  route();
  loadHeader();
  refresh();
  loadQuotes($('quotes'), '').catch((err) => setStatus(err.message, true));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
