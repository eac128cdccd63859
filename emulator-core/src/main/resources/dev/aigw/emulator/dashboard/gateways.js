// Gateways: the list (polled, so the auto-created `default` appears), Create Gateway, a gateway's Settings
// (Retry Requests included) and Delete Gateway with a confirmation step.

import { management, messageOf, encode } from './api.js';
import { h, replace, field, setFieldError, formatInstant } from './dom.js';
import { spendLimitsSection } from './spend-limits.js';

export const MAX_NAME = 64;
const NAME_PATTERN = /^[a-z0-9_]+(?:-[a-z0-9_]+)*$/;
export const RETRY_DELAYS = [100, 500, 1000, 2000, 3000, 5000];
export const RETRY_BACKOFFS = ['constant', 'linear', 'exponential'];
const DELAY_LABELS = { 100: '100 ms', 500: '500 ms', 1000: '1 s', 2000: '2 s', 3000: '3 s', 5000: '5 s' };

/** The gateway list with the Create Gateway form above it; refresh() polls the list. */
export function gatewayList(onChange) {
  const list = h('ul', { class: 'gateway-list', id: 'gateway-list', 'aria-label': 'Gateways' });
  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite' });
  let shown = null;
  let selected = null;

  const name = h('input', { type: 'text', name: 'id', autocomplete: 'off', spellcheck: 'false' });
  const createStatus = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', id: 'create-status' });
  const form = h('form', { class: 'create-gateway', id: 'create-gateway', 'aria-labelledby': 'create-heading', novalidate: true },
    h('h2', { id: 'create-heading', text: 'Create Gateway' }),
    field('create-name', 'Gateway name', name, `Up to ${MAX_NAME} characters: lower-case letters, digits, _ and single - between them.`),
    h('button', { type: 'submit', id: 'create-submit', text: 'Create' }),
    createStatus);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = name.value.trim();
    createStatus.textContent = '';
    if (!id) return setFieldError(name, 'Enter a name for the gateway.');
    if (id.length > MAX_NAME) {
      return setFieldError(name, `The gateway name is ${id.length} characters long; it can be at most ${MAX_NAME}.`);
    }
    if (!NAME_PATTERN.test(id)) {
      return setFieldError(name, 'Use lower-case letters, digits and _, with single - between them.');
    }
    setFieldError(name, '');
    const answer = await management('POST', '/gateways', {
      id, cache_invalidate_on_update: false, cache_ttl: null, collect_logs: true,
      rate_limiting_interval: null, rate_limiting_limit: null,
    });
    if (!answer.ok) {
      setFieldError(name, messageOf(answer));
      return;
    }
    name.value = '';
    createStatus.textContent = `Gateway ${id} created.`;
    await refresh();
    location.hash = '#/gateways/' + encode(id);
  });

  async function refresh() {
    const answer = await management('GET', '/gateways?per_page=100');
    if (!answer.ok) {
      status.textContent = 'Cannot list the gateways: ' + messageOf(answer);
      return;
    }
    status.textContent = '';
    const ids = answer.body.result.map((g) => g.id).sort();
    const key = JSON.stringify([ids, selected]);
    if (key === shown) return;
    shown = key;
    replace(list, ids.length ? ids.map((id) => h('li', { dataset: { gateway: id } },
      h('a', { href: '#/gateways/' + encode(id), 'aria-current': id === selected ? 'page' : null, text: id })))
      : h('li', { class: 'empty', text: 'No gateways yet.' }));
    onChange?.(ids);
  }

  function select(id) {
    selected = id;
    shown = null;
  }

  const element = h('section', { class: 'gateways-panel', 'aria-labelledby': 'gateways-heading' },
    h('h2', { id: 'gateways-heading', text: 'Gateways' }), status, list, form);
  return { element, refresh, select };
}

function number(value) {
  return value === null || value === undefined ? '' : String(value);
}

function option(value, label, current) {
  return h('option', { value: String(value), selected: String(current) === String(value), text: label });
}

/** The Settings form of one gateway, saved with PUT; fields the form does not show are never sent, so kept. */
export function settingsView(gatewayId, onDeleted) {
  const heading = h('h2', { id: 'view-heading', tabindex: '-1', text: `Settings of ${gatewayId}` });
  const status = h('p', { class: 'form-status', id: 'settings-status', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'settings-body' }, h('p', { text: 'Loading…' }));
  const element = h('section', { class: 'view settings', 'aria-labelledby': 'view-heading' }, heading, body, status);

  async function load() {
    const answer = await management('GET', '/gateways/' + encode(gatewayId));
    if (!answer.ok) {
      replace(body, h('p', { class: 'error', text: messageOf(answer) }));
      return;
    }
    render(answer.body.result);
  }

  function render(g) {
    const c = {};
    c.authentication = h('input', { type: 'checkbox', checked: g.authentication === true });
    c.collect_logs = h('input', { type: 'checkbox', checked: g.collect_logs === true });
    c.log_management = h('input', { type: 'number', min: '10000', max: '10000000', step: '1', inputmode: 'numeric', value: number(g.log_management) });
    c.log_management_strategy = h('select', {},
      option('', 'Not set', g.log_management_strategy ?? ''),
      option('STOP_INSERTING', 'Stop inserting new logs', g.log_management_strategy),
      option('DELETE_OLDEST', 'Delete the oldest logs', g.log_management_strategy));
    c.cache_ttl = h('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', value: number(g.cache_ttl) });
    c.cache_invalidate_on_update = h('input', { type: 'checkbox', checked: g.cache_invalidate_on_update === true });
    c.rate_limiting_limit = h('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', value: number(g.rate_limiting_limit) });
    c.rate_limiting_interval = h('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', value: number(g.rate_limiting_interval) });
    c.rate_limiting_technique = h('select', {},
      option('fixed', 'Fixed window', g.rate_limiting_technique ?? 'fixed'),
      option('sliding', 'Sliding window', g.rate_limiting_technique ?? 'fixed'));

    const retriesOn = g.retry_max_attempts !== null && g.retry_max_attempts !== undefined;
    c.retry = h('input', { type: 'checkbox', checked: retriesOn });
    const count = g.retry_max_attempts ?? 3;
    c.retry_max_attempts = h('select', {}, [1, 2, 3, 4, 5].map((n) => option(n, String(n), count)),
      [1, 2, 3, 4, 5].includes(count) ? null : option(count, `${count} (set through the API)`, count));
    const delay = g.retry_delay ?? 1000;
    c.retry_delay = h('select', {}, RETRY_DELAYS.map((d) => option(d, DELAY_LABELS[d], delay)),
      RETRY_DELAYS.includes(delay) ? null : option(delay, `${delay} ms (set through the API)`, delay));
    const backoff = g.retry_backoff ?? 'constant';
    c.retry_backoff = h('select', {}, RETRY_BACKOFFS.map((b) => option(b, b[0].toUpperCase() + b.slice(1), backoff)),
      RETRY_BACKOFFS.includes(backoff) ? null : option(backoff, `${backoff} (set through the API)`, backoff));
    const retryFields = h('fieldset', { class: 'retry-fields', disabled: !retriesOn },
      h('legend', { text: 'Retry settings' }),
      field('retry_max_attempts', 'Retry count (up to 5)', c.retry_max_attempts),
      field('retry_delay', 'Retry delay', c.retry_delay),
      field('retry_backoff', 'Backoff', c.retry_backoff));
    c.retry.addEventListener('change', () => { retryFields.disabled = !c.retry.checked; });

    const form = h('form', { id: 'settings-form', novalidate: true, 'aria-labelledby': 'view-heading' },
      h('fieldset', {}, h('legend', { text: 'Authentication' }),
        field('authentication', 'Authenticated gateway (requests need cf-aig-authorization)', c.authentication)),
      h('fieldset', {}, h('legend', { text: 'Logs' }),
        field('collect_logs', 'Collect logs', c.collect_logs),
        field('log_management', 'Log limit (10,000 to 10,000,000 entries; empty: no limit)', c.log_management),
        field('log_management_strategy', 'When the limit is reached', c.log_management_strategy)),
      h('fieldset', {}, h('legend', { text: 'Caching' }),
        field('cache_ttl', 'Cache TTL in seconds (empty or 0: caching off)', c.cache_ttl),
        field('cache_invalidate_on_update', 'Invalidate cached responses when the settings change', c.cache_invalidate_on_update)),
      h('fieldset', {}, h('legend', { text: 'Rate limiting' }),
        field('rate_limiting_limit', 'Requests per interval (empty or 0: off)', c.rate_limiting_limit),
        field('rate_limiting_interval', 'Interval in seconds', c.rate_limiting_interval),
        field('rate_limiting_technique', 'Technique', c.rate_limiting_technique)),
      h('fieldset', {}, h('legend', { text: 'Retry Requests' }),
        field('retry', 'Retry Requests', c.retry), retryFields),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', id: 'settings-save', text: 'Save' })));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await save(c);
    });

    replace(body, h('p', { class: 'meta', text: `Created ${formatInstant(g.created_at)}; changed ${formatInstant(g.modified_at)}.` }),
      form, spendLimitsSection(g.spend_limits), deleteSection(g.id));
  }

  function integerOrNull(control, min, max, errors) {
    const raw = control.value.trim();
    if (raw === '') return null;
    if (!/^\d+$/.test(raw)) {
      errors.push([control, 'Enter a whole number, or leave it empty.']);
      return null;
    }
    const value = Number(raw);
    if (value < min || value > max) errors.push([control, `Enter a number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`]);
    return value;
  }

  async function save(c) {
    status.textContent = '';
    Object.values(c).forEach((control) => setFieldError(control, ''));
    const errors = [];
    const retries = c.retry.checked;
    const body = {
      authentication: c.authentication.checked,
      collect_logs: c.collect_logs.checked,
      log_management: integerOrNull(c.log_management, 10000, 10000000, errors),
      log_management_strategy: c.log_management_strategy.value || null,
      cache_ttl: integerOrNull(c.cache_ttl, 0, 2592000, errors),
      cache_invalidate_on_update: c.cache_invalidate_on_update.checked,
      rate_limiting_limit: integerOrNull(c.rate_limiting_limit, 0, 2147483647, errors),
      rate_limiting_interval: integerOrNull(c.rate_limiting_interval, 0, 2147483647, errors),
      rate_limiting_technique: c.rate_limiting_technique.value,
      retry_max_attempts: retries ? Number(c.retry_max_attempts.value) : null,
      retry_delay: retries ? Number(c.retry_delay.value) : null,
      retry_backoff: retries ? c.retry_backoff.value : null,
    };
    if (errors.length) {
      errors.forEach(([control, message]) => setFieldError(control, message));
      status.textContent = 'Not saved: fix the fields marked above.';
      errors[0][0].focus();
      return;
    }
    const answer = await management('PUT', '/gateways/' + encode(gatewayId), body);
    if (!answer.ok) {
      const general = [];
      for (const error of answer.errors) {
        const member = Array.isArray(error.path) && error.path[0] === 'body' ? error.path[1] : null;
        if (member && c[member]) setFieldError(c[member], error.message);
        else general.push(error.message);
      }
      status.textContent = 'Not saved: ' + (general.length ? general.join('; ') : 'fix the fields marked above.');
      return;
    }
    render(answer.body.result);
    status.textContent = 'Saved.';
  }

  function deleteSection(id) {
    const confirmStatus = h('p', { role: 'status', 'aria-live': 'polite', class: 'form-status', id: 'delete-status' });
    const cancel = h('button', { type: 'button', id: 'delete-cancel', text: 'Cancel' });
    const confirm = h('button', { type: 'button', class: 'danger', id: 'delete-confirm', text: `Delete ${id}` });
    const dialog = h('dialog', { id: 'delete-dialog', 'aria-labelledby': 'delete-dialog-heading' },
      h('h3', { id: 'delete-dialog-heading', text: `Delete the gateway ${id}?` }),
      h('p', { text: 'Deleting a gateway is permanent: its settings and logs are gone.' }),
      h('div', { class: 'actions' }, cancel, confirm));
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', async () => {
      const answer = await management('DELETE', '/gateways/' + encode(id));
      dialog.close();
      if (!answer.ok) {
        confirmStatus.textContent = 'Not deleted: ' + messageOf(answer);
        return;
      }
      onDeleted?.(id);
    });
    const open = h('button', { type: 'button', class: 'danger', id: 'delete-gateway', text: 'Delete Gateway' });
    open.addEventListener('click', () => {
      dialog.showModal();
      cancel.focus();
    });
    return h('section', { class: 'danger-zone', 'aria-labelledby': 'delete-heading' },
      h('h3', { id: 'delete-heading', text: 'Delete Gateway' }), open, dialog, confirmStatus);
  }

  load();
  return { element, heading };
}
