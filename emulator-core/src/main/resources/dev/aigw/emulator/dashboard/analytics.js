// A gateway's analytics over the emulator's (virtual) time: requests, errors, cache hits, tokens and cost, each
// chart with a data table beside it whose figures come from the same Logs API entries.

import { management, messageOf, encode } from './api.js';
import { h, svg, replace, formatInstant, formatCost } from './dom.js';

const METRICS = [
  { key: 'requests', title: 'Requests', of: () => 1 },
  { key: 'errors', title: 'Errors', of: (e) => (e.success ? 0 : 1) },
  { key: 'cache-hits', title: 'Cache hits', of: (e) => (e.cached ? 1 : 0) },
  { key: 'tokens', title: 'Tokens', of: (e) => (e.tokens_in || 0) + (e.tokens_out || 0) },
  { key: 'cost', title: 'Cost', of: (e) => e.cost || 0, format: formatCost },
];
const NICE_STEPS = [1000, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000, 21600000, 86400000];

/** Reads every log entry of a gateway, page by page (the Logs API's 50 at most each). */
async function allEntries(gatewayId) {
  const entries = [];
  for (let page = 1; page <= 200; page++) {
    const answer = await management('GET', `/gateways/${encode(gatewayId)}/logs?per_page=50&page=${page}&order_by=created_at&order_by_direction=asc`);
    if (!answer.ok) throw new Error(messageOf(answer));
    entries.push(...answer.body.result);
    const total = answer.body.result_info?.total_count ?? 0;
    if (entries.length >= total || answer.body.result.length === 0) break;
  }
  return entries;
}

/** Groups entries into time buckets of a size that gives at most a dozen bars. */
export function buckets(entries) {
  if (!entries.length) return { size: 60000, rows: [] };
  const times = entries.map((e) => Date.parse(e.created_at));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const size = NICE_STEPS.find((s) => (last - first) / s < 12) || NICE_STEPS[NICE_STEPS.length - 1];
  const start = Math.floor(first / size) * size;
  const count = Math.floor((last - start) / size) + 1;
  const rows = Array.from({ length: count }, (_, i) => ({ start: start + i * size, values: Object.fromEntries(METRICS.map((m) => [m.key, 0])) }));
  entries.forEach((e, i) => {
    const row = rows[Math.floor((times[i] - start) / size)];
    METRICS.forEach((m) => { row.values[m.key] += m.of(e); });
  });
  return { size, rows };
}

export function analyticsView(gatewayId) {
  const heading = h('h2', { id: 'view-heading', tabindex: '-1', text: `Analytics of ${gatewayId}` });
  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite', id: 'analytics-status' });
  const body = h('div', { class: 'charts' });
  const element = h('section', { class: 'view analytics-view', 'aria-labelledby': 'view-heading' }, heading,
    h('p', { class: 'hint', text: 'Over the emulator\'s clock, from the gateway\'s log entries.' }), status, body);
  let shown = null;

  async function refresh() {
    let entries;
    try {
      entries = await allEntries(gatewayId);
    } catch (e) {
      status.textContent = 'Cannot read the logs: ' + e.message;
      return;
    }
    const key = JSON.stringify(entries.map((e) => [e.id, e.success, e.cached, e.tokens_in, e.tokens_out, e.cost]));
    if (key === shown) return;
    shown = key;
    status.textContent = `${entries.length} requests logged.`;
    const { size, rows } = buckets(entries);
    replace(body, METRICS.map((m) => chart(m, rows, size)));
  }
  refresh();
  return { element, heading, refresh };
}

function chart(metric, rows, size) {
  const format = metric.format || ((v) => String(v));
  const total = rows.reduce((sum, r) => sum + r.values[metric.key], 0);
  const max = Math.max(1e-12, ...rows.map((r) => r.values[metric.key]));
  const width = 360;
  const height = 140;
  const barWidth = rows.length ? Math.min(48, (width - 20) / rows.length) : 0;
  const id = 'chart-' + metric.key;
  const graphic = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bar-chart', role: 'img', 'aria-labelledby': id + '-title' },
    svg('title', { id: id + '-title', text: `${metric.title}: ${format(total)} in all; the table beside it has the figures.` }),
    rows.map((r, i) => {
      const value = r.values[metric.key];
      const barHeight = value === 0 ? 0 : Math.max(2, (value / max) * (height - 30));
      return svg('rect', { class: 'bar', x: 10 + i * barWidth + 1, y: height - 20 - barHeight, width: Math.max(1, barWidth - 2), height: barHeight });
    }),
    svg('line', { class: 'axis', x1: 10, x2: width - 10, y1: height - 20, y2: height - 20 }),
    rows.length ? svg('text', { class: 'tick', x: 10, y: height - 5, text: formatInstant(new Date(rows[0].start).toISOString()).slice(11) }) : null);
  const table = h('table', { class: 'data-table', id: id + '-table', dataset: { metric: metric.key } },
    h('caption', { text: `${metric.title} per ${size / 1000} s of the emulator's clock` }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'From' }), h('th', { scope: 'col', text: metric.title }))),
    h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row', text: formatInstant(new Date(r.start).toISOString()) }),
      h('td', { text: format(r.values[metric.key]) })))),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', text: 'Total' }),
      h('td', { class: 'total', dataset: { value: String(total) }, text: format(total) }))));
  return h('section', { class: 'metric', 'aria-labelledby': id + '-heading' },
    h('h3', { id: id + '-heading', text: metric.title }),
    h('div', { class: 'chart-and-table' }, h('figure', { class: 'chart' }, graphic), h('div', { class: 'table-scroll' }, table)));
}
