// A gateway's spend limits (`spend_limits`) as people read them: one row per rule, its budget, window and what it
// applies to. Read only: the rules are set through the management API.

import { h } from './dom.js';
import { formatDollars } from './billing.js';

const UNITS = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];

/** Formats a window of seconds: 86400 → "1 day", 7200 → "2 hours", 90 → "90 seconds". */
export function formatWindow(seconds) {
  const [size, unit] = UNITS.find(([s]) => seconds % s === 0) || [1, 'second'];
  const n = seconds / size;
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Describes how a rule treats one dimension: every value together, only some values, or each value apart. */
function describeDimension(name, dimension) {
  if (!dimension) return null;
  if (dimension.mode === 'partition') return `a budget for each ${name}`;
  const values = Array.isArray(dimension.values) ? dimension.values.map(String) : [];
  return `${name} ${values.length === 1 ? 'is' : 'is one of'} ${values.join(', ')}`;
}

export function describeScope(rule) {
  const parts = [describeDimension('provider', rule.provider), describeDimension('model', rule.model),
    ...Object.entries(rule.metadata || {}).map(([key, d]) => describeDimension(`metadata ${key}`, d))].filter(Boolean);
  return parts.length ? parts.join('; ') : 'every request';
}

/** The section of a gateway's settings that lists its spend-limit rules. */
export function spendLimitsSection(limits) {
  const rules = limits && Array.isArray(limits.rules) ? limits.rules : [];
  const off = !limits || limits.enabled === false;
  const summary = !limits ? 'No spend limits are set.'
    : off ? `Spend limits are off (${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} kept).`
      : `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}; a request over a rule's budget is refused with 429 (code 2041).`;
  return h('section', { class: 'spend-limits', id: 'spend-limits', 'aria-labelledby': 'spend-limits-heading' },
    h('h3', { id: 'spend-limits-heading', text: 'Spend limits' }),
    h('p', { id: 'spend-limits-summary', text: summary }),
    rules.length ? h('div', { class: 'table-scroll' }, h('table', { id: 'spend-limits-table' },
      h('caption', { text: 'Spend-limit rules, in the order they are checked' }),
      h('thead', {}, h('tr', {}, ['Rule', 'Budget', 'Window', 'Applies to', 'State']
        .map((name) => h('th', { scope: 'col', text: name })))),
      h('tbody', {}, rules.map((r, i) => h('tr', { dataset: { rule: r.id || `rule-${i + 1}` } },
        h('th', { scope: 'row', text: r.id || `rule-${i + 1}` }),
        h('td', { text: formatDollars(r.limit) }),
        h('td', { text: `${formatWindow(Number(r.window))}, ${r.technique === 'sliding' ? 'sliding' : 'fixed'}` }),
        h('td', { text: describeScope(r) }),
        h('td', { text: off || r.enabled === false ? 'Off' : 'On' })))))) : null,
    h('p', { class: 'hint', text: 'Set through the management API (spend_limits); saving this form keeps them.' }));
}
