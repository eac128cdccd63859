// A gateway's logs: a table polled live, the Logs API's filters, and an entry's detail with its bodies and headers.

import { management, control, messageOf, encode } from './api.js';
import { h, replace, field, formatInstant, formatMillis, formatCost } from './dom.js';
import { checksBadge, checksSection } from './checks.js';

const PER_PAGE = 50;

/** Builds the Logs API's `filters` array from the filter form's values. */
export function filtersOf(values) {
  const filters = [];
  if (values.provider) filters.push({ key: 'provider', operator: 'eq', value: [values.provider] });
  if (values.model) filters.push({ key: 'model', operator: 'contains', value: [values.model] });
  if (values.success) filters.push({ key: 'success', operator: 'eq', value: [values.success === 'true'] });
  if (values.cached) filters.push({ key: 'cached', operator: 'eq', value: [values.cached === 'true'] });
  if (values.minDuration) filters.push({ key: 'duration', operator: 'gt', value: [Number(values.minDuration)] });
  return filters;
}

export function logsQuery(values, page) {
  const params = new URLSearchParams({ per_page: String(PER_PAGE), page: String(page || 1) });
  const filters = filtersOf(values);
  if (filters.length) params.set('filters', JSON.stringify(filters));
  if (values.search) params.set('search', values.search);
  params.set('order_by', 'created_at');
  params.set('order_by_direction', values.direction || 'desc');
  return '?' + params.toString();
}

export function logsView(gatewayId) {
  const heading = h('h2', { id: 'view-heading', tabindex: '-1', text: `Logs of ${gatewayId}` });
  const c = {
    provider: h('input', { type: 'text', name: 'provider', autocomplete: 'off' }),
    model: h('input', { type: 'text', name: 'model', autocomplete: 'off' }),
    success: h('select', { name: 'success' }, h('option', { value: '', text: 'Any' }),
      h('option', { value: 'true', text: 'Succeeded' }), h('option', { value: 'false', text: 'Failed' })),
    cached: h('select', { name: 'cached' }, h('option', { value: '', text: 'Any' }),
      h('option', { value: 'true', text: 'Cache hits' }), h('option', { value: 'false', text: 'Not cached' })),
    minDuration: h('input', { type: 'number', min: '0', name: 'min-duration', inputmode: 'numeric' }),
    search: h('input', { type: 'search', name: 'search', autocomplete: 'off' }),
    direction: h('select', { name: 'direction' }, h('option', { value: 'desc', text: 'Newest first' }),
      h('option', { value: 'asc', text: 'Oldest first' })),
  };
  const filters = h('form', { class: 'filters', id: 'log-filters', 'aria-label': 'Log filters', role: 'search' },
    field('filter-provider', 'Provider', c.provider),
    field('filter-model', 'Model contains', c.model),
    field('filter-success', 'Outcome', c.success),
    field('filter-cached', 'Cache', c.cached),
    field('filter-duration', 'Slower than (ms)', c.minDuration),
    field('filter-search', 'Search', c.search),
    field('filter-direction', 'Order', c.direction));
  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite', id: 'logs-status' });
  const tbody = h('tbody');
  const table = h('table', { class: 'logs', id: 'logs-table' },
    h('caption', { text: 'Log entries, updated as requests arrive' }),
    h('thead', {}, h('tr', {}, ['Time', 'Provider', 'Model', 'Status', 'Cached', 'Duration', 'Tokens', 'Cost', 'Guardrails and DLP', 'Details']
      .map((name) => h('th', { scope: 'col', text: name })))),
    tbody);
  const element = h('section', { class: 'view logs-view', 'aria-labelledby': 'view-heading' },
    heading, filters, status, h('div', { class: 'table-scroll' }, table));
  let shown = null;

  function values() {
    return Object.fromEntries(Object.entries(c).map(([k, control]) => [k, control.value.trim()]));
  }

  async function refresh() {
    const answer = await management('GET', `/gateways/${encode(gatewayId)}/logs${logsQuery(values())}`);
    if (!answer.ok) {
      status.textContent = 'Cannot read the logs: ' + messageOf(answer);
      return;
    }
    const entries = answer.body.result;
    const total = answer.body.result_info?.total_count ?? entries.length;
    const key = JSON.stringify(entries);
    const noun = (n) => (n === 1 ? `${n} entry` : `${n} entries`);
    const text = total > entries.length ? `${noun(total)}; the first ${entries.length} shown.` : `${noun(total)}.`;
    if (status.textContent !== text) status.textContent = text;
    if (key === shown) return;
    shown = key;
    // New rows replace the old ones; a link that had the keyboard focus keeps it in its new row.
    const focused = tbody.contains(document.activeElement) ? document.activeElement : null;
    const focusedRow = focused?.closest('tr')?.dataset.logId;
    const focusedClass = focused?.className;
    replace(tbody, entries.length ? entries.map(row)
      : h('tr', {}, h('td', { colspan: '10', text: 'No log entries match.' })));
    if (focusedRow) {
      [...tbody.querySelectorAll('tr')].find((tr) => tr.dataset.logId === focusedRow)
        ?.querySelector('a.' + focusedClass)?.focus();
    }
  }

  function row(e) {
    const link = `#/gateways/${encode(gatewayId)}/logs/${encode(e.id)}`;
    return h('tr', { dataset: { logId: e.id }, class: e.success ? '' : 'failed' },
      h('td', { 'data-label': 'Time', text: formatInstant(e.created_at) }),
      h('td', { 'data-label': 'Provider', text: e.provider }),
      h('td', { 'data-label': 'Model', text: e.model }),
      h('td', { 'data-label': 'Status', class: 'status', text: String(e.status_code) }),
      h('td', { 'data-label': 'Cached', text: e.cached ? 'Yes' : 'No' }),
      h('td', { 'data-label': 'Duration', text: formatMillis(e.duration) }),
      h('td', { 'data-label': 'Tokens', text: `${e.tokens_in ?? 0} in, ${e.tokens_out ?? 0} out` }),
      h('td', { 'data-label': 'Cost', text: formatCost(e.cost) }),
      h('td', { 'data-label': 'Guardrails and DLP', class: 'checks' }, checksBadge(e)),
      h('td', { 'data-label': 'Details' },
        h('a', { href: link, class: 'detail-link', 'aria-label': `Details of the ${e.provider} request at ${formatInstant(e.created_at)}`, text: 'Details' }),
        ' ',
        h('a', { href: link + '/timeline', class: 'timeline-link', 'aria-label': `Timeline of the ${e.provider} request at ${formatInstant(e.created_at)}`, text: 'Timeline' })));
  }

  filters.addEventListener('input', () => { shown = null; refresh(); });
  filters.addEventListener('submit', (event) => { event.preventDefault(); shown = null; refresh(); });
  refresh();
  return { element, heading, refresh };
}

function pretty(text) {
  if (text === undefined || text === null) return '(not stored)';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return text;
  }
}

function headerTable(caption, headers) {
  const rows = Object.entries(headers || {});
  return h('div', { class: 'table-scroll' }, h('table', { class: 'headers' }, h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Header' }), h('th', { scope: 'col', text: 'Value' }))),
    h('tbody', {}, rows.length ? rows.map(([name, value]) => h('tr', {}, h('th', { scope: 'row', text: name }),
      h('td', { text: /^(authorization|x-api-key|api-key|x-goog-api-key|cf-aig-authorization)$/i.test(name) ? '(hidden)' : value })))
      : h('tr', {}, h('td', { colspan: '2', text: 'None recorded.' })))));
}

/** One log entry: its summary, bodies and headers, with a link to its timeline. */
export function logDetailView(gatewayId, logId) {
  const heading = h('h2', { id: 'view-heading', tabindex: '-1', text: 'Log entry' });
  const body = h('div', {}, h('p', { text: 'Loading…' }));
  const element = h('section', { class: 'view log-detail', 'aria-labelledby': 'view-heading' }, heading, body);

  (async () => {
    const answer = await management('GET', `/gateways/${encode(gatewayId)}/logs/${encode(logId)}`);
    if (!answer.ok) {
      replace(body, h('p', { class: 'error', text: messageOf(answer) }));
      return;
    }
    const e = answer.body.result;
    const facts = [['Log id', e.id], ['Time', formatInstant(e.created_at)], ['Provider', e.provider], ['Model', e.model],
      ['Path', e.path], ['Status', e.status_code], ['Success', e.success ? 'Yes' : 'No'], ['Cached', e.cached ? 'Yes' : 'No'],
      ['Duration', formatMillis(e.duration)], ['Tokens in', e.tokens_in], ['Tokens out', e.tokens_out], ['Cost', formatCost(e.cost)],
      ['Event id', e.event_id], ['Metadata', e.metadata]];
    const gatewayHeaders = {};
    if (e.request_content_type) gatewayHeaders['content-type'] = e.request_content_type;
    if (e.user_agent) gatewayHeaders['user-agent'] = e.user_agent;
    const responseHeaders = {};
    if (e.response_content_type) responseHeaders['content-type'] = e.response_content_type;
    const upstream = await upstreamAttempts(gatewayId, e);
    replace(body,
      h('p', {}, h('a', { href: `#/gateways/${encode(gatewayId)}/logs/${encode(logId)}/timeline`, id: 'open-timeline', text: 'Show this request\'s timeline' }),
        ' · ', h('a', { href: `#/gateways/${encode(gatewayId)}/logs`, text: 'Back to the logs' })),
      h('dl', { class: 'facts' }, facts.filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => [h('dt', { text: k }), h('dd', { text: String(v) })])),
      checksSection(e),
      h('h3', { text: 'Request' }),
      headerTable('Request headers the log keeps', gatewayHeaders),
      upstream.map((attempt, i) => headerTable(`Headers sent upstream, attempt ${i + 1} (${attempt.method} ${attempt.path})`, attempt.headers)),
      h('pre', { class: 'body', id: 'request-body', tabindex: '0', 'aria-label': 'Request body', text: pretty(e.request_head) }),
      h('h3', { text: 'Response' }),
      headerTable('Response headers the log keeps', responseHeaders),
      h('pre', { class: 'body', id: 'response-body', tabindex: '0', 'aria-label': 'Response body', text: pretty(e.response_head) }));
  })();
  return { element, heading };
}

/** The upstream attempts the journal recorded for a log entry: those that carry its log id. */
async function upstreamAttempts(gatewayId, e) {
  const answer = await control('GET', `/requests?gateway_id=${encode(gatewayId)}&provider=${encode(e.provider)}`);
  if (!answer.ok || !answer.body?.requests) return [];
  return answer.body.requests.filter((r) => r.log_id === e.id);
}
