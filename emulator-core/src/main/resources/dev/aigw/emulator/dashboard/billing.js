// The account's Unified Billing credits: the balance and auto top-up the management API reports, and whether the
// emulator meters the account (a fact of the control API: the real gateway's dashboard has no such switch).

import { management, control, messageOf, accountId, encode } from './api.js';
import { h, replace } from './dom.js';

/** Formats cents as dollars, keeping fractions of a cent a draw may leave: 1234.5 → $12.345. */
export function formatCents(cents) {
  if (cents === null || cents === undefined) return '';
  return formatDollars(Number(cents) / 100);
}

/** Formats dollars with at least two decimals and at most six: 10 → $10.00, 0.0015 → $0.0015. */
export function formatDollars(amount) {
  const dollars = Number(amount);
  const digits = Math.abs(dollars).toFixed(6).replace(/(\.\d\d\d*?)0+$/, '$1');
  return (dollars < 0 ? '-$' : '$') + digits;
}

function describeTopup(config) {
  if (!config || config.amount === null || config.amount === undefined) return 'Not set';
  const text = `Buys ${formatCents(config.amount)} when the balance falls under ${formatCents(config.threshold)}`;
  return config.disabledReason ? `${text}; disabled (${config.disabledReason}${config.error ? ': ' + config.error : ''})` : text;
}

/** The credits panel; refresh() reads the balance again. */
export function billingPanel() {
  const body = h('div', {}, h('p', { text: 'Loading…' }));
  const element = h('section', { class: 'panel billing', id: 'billing', 'aria-labelledby': 'billing-heading' },
    h('h3', { id: 'billing-heading', text: 'Credits (Unified Billing)' }), body);
  let shown = null;

  async function refresh() {
    const [balance, state] = await Promise.all([management('GET', '/billing/credit-balance'),
      control('GET', '/billing/' + encode(accountId()))]);
    if (!balance.ok) {
      const text = 'Cannot read the credit balance: ' + messageOf(balance);
      if (shown !== text) replace(body, h('p', { class: 'error', text }));
      shown = text;
      return;
    }
    const b = balance.body.result;
    const metered = state.ok ? state.body.metered : null;
    const key = JSON.stringify([b, metered]);
    if (key === shown) return;
    shown = key;
    const card = b.payment_method ? `${b.payment_method.brand} ending in ${b.payment_method.last4}` : 'None';
    const meteredText = metered === null ? 'Unknown'
      : metered ? 'Yes: requests paid through Unified Billing draw their cost, and are refused (402) at or below $0'
        : 'No: requests are not charged (set a balance to meter the account)';
    replace(body, h('dl', { class: 'facts' },
      h('dt', { text: 'Balance' }), h('dd', { id: 'billing-balance', dataset: { cents: String(b.balance) }, text: formatCents(b.balance) }),
      h('dt', { text: 'Metered' }), h('dd', { id: 'billing-metered', text: meteredText }),
      h('dt', { text: 'Auto top-up' }), h('dd', { id: 'billing-topup', text: describeTopup(b.topup_config) }),
      h('dt', { text: 'Payment method' }), h('dd', { id: 'billing-card', text: card })));
  }
  refresh();
  return { element, refresh };
}
