// timeline.js lists events for the selected dyad, newest first, with the
// evidence sentence and the source, verb and target words highlighted.
import { getJSON, el } from './api.js';

// goldsteinBadge shows the Goldstein score coloured by sign.
function goldsteinBadge(g) {
  const cls = g > 0 ? 'coop' : g < 0 ? 'conf' : 'zero';
  return el('span', `gs ${cls}`, (g > 0 ? '+' : '') + Number(g).toFixed(1));
}

// sentenceNode renders the API's segments (plain text plus marked words).
export function sentenceNode(ev) {
  const p = el('p', 'sentence');
  const segs = ev.segments && ev.segments.length ? ev.segments : [{ text: ev.sentence || ev.evidence || '' }];
  for (const s of segs) {
    if (!s.kind) { p.append(document.createTextNode(s.text)); continue; }
    const m = el('mark', `hl-${s.kind}`, s.text);
    m.title = s.kind;
    p.append(m);
  }
  return p;
}

// eventItem renders one event.
function eventItem(ev) {
  const li = el('li');
  const meta = el('div', 'meta');
  meta.append(el('span', null, ev.date || '—'), goldsteinBadge(ev.goldstein));
  meta.append(el('b', null, `${ev.source} → ${ev.target}`));
  meta.append(el('span', null, `${ev.cameo}${ev.event_name ? ' ' + ev.event_name : ''}`));
  if (ev.plover) meta.append(el('span', null, ev.plover));
  if (ev.modality) meta.append(el('span', null, `(${ev.modality})`));
  meta.append(el('span', null, ev.doc_id));
  li.append(meta, sentenceNode(ev));
  return li;
}

// loadTimeline fetches events for the dyad (both directions when asked)
// and lists them; returns the event count.
export async function loadTimeline(node, sel) {
  const base = { from: sel.from, to: sel.to, limit: 200 };
  const reqs = [getJSON('/api/events', { ...base, source: sel.source, target: sel.target })];
  if (sel.both) reqs.push(getJSON('/api/events', { ...base, source: sel.target, target: sel.source }));
  const events = (await Promise.all(reqs)).flatMap((r) => r.events || []);
  events.sort((a, b) => String(b.date || '').localeCompare(String(a.date || '')));
  node.replaceChildren(...events.map(eventItem));
  if (!events.length) node.append(el('li', 'empty', 'No events for this pair and period.'));
  node.dataset.count = String(events.length);
  return events.length;
}

// loadQuotes lists quotes, optionally by speaker; returns the count.
export async function loadQuotes(node, speaker) {
  const data = await getJSON('/api/quotes', { speaker, limit: 100 });
  const qs = data.quotes || [];
  node.replaceChildren(...qs.map((q) => {
    const li = el('li');
    const meta = el('div', 'meta');
    meta.append(el('b', null, q.speaker || q.speaker_code), el('span', null, q.speaker_code),
      el('span', null, q.date || ''), el('span', null, q.doc_id));
    li.append(meta, el('q', null, q.quote));
    return li;
  }));
  if (!qs.length) node.append(el('li', 'empty', 'No quotes found.'));
  node.dataset.count = String(qs.length);
  return qs.length;
}
