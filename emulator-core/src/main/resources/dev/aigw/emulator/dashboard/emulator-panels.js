// The emulator itself: its clock, the scripted responses waiting by provider, and the reply rules in force.

import { control, messageOf, encode } from './api.js';
import { h, replace, field, setFieldError, formatInstant, formatMillis } from './dom.js';

const ADVANCES = [100, 1000, 5000, 60000];

function clockPanel() {
  const body = h('div', {});
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', id: 'clock-status' });
  const element = h('section', { class: 'panel', id: 'clock-panel', 'aria-labelledby': 'clock-heading' },
    h('h3', { id: 'clock-heading', text: 'Clock' }), body, status);
  let shown = null;

  async function act(method, path, payload) {
    const answer = await control(method, path, payload);
    status.textContent = answer.ok ? '' : messageOf(answer);
    shown = null;
    await refresh();
  }

  async function refresh() {
    const answer = await control('GET', '/clock');
    if (!answer.ok) {
      status.textContent = messageOf(answer);
      return;
    }
    const c = answer.body;
    const key = JSON.stringify(c);
    if (key === shown) return;
    const hadFocus = element.contains(document.activeElement) ? document.activeElement.id : null;
    shown = key;
    const virtual = c.mode !== 'system';
    replace(body,
      h('dl', { class: 'facts' },
        h('dt', { text: 'Mode' }), h('dd', { id: 'clock-mode', text: c.mode }),
        h('dt', { text: 'Now' }), h('dd', { id: 'clock-now', text: formatInstant(c.now) }),
        virtual ? [h('dt', { text: 'Requests waiting' }), h('dd', { id: 'clock-waiters', text: String(c.waiters) }),
          h('dt', { text: 'Next wake-up' }), h('dd', { id: 'clock-next', text: c.next_wake_up ? formatInstant(c.next_wake_up) : 'none' })] : null),
      virtual ? h('div', { class: 'actions', role: 'group', 'aria-label': 'Clock mode' },
        h('button', { type: 'button', id: 'clock-auto', 'aria-pressed': String(c.mode === 'auto'), text: 'Auto',
          onclick: () => act('PUT', '/clock', { mode: 'auto' }) }),
        h('button', { type: 'button', id: 'clock-manual', 'aria-pressed': String(c.mode === 'manual'), text: 'Manual',
          onclick: () => act('PUT', '/clock', { mode: 'manual' }) })) : h('p', { class: 'hint', text: 'The system clock cannot be changed.' }),
      c.mode === 'manual' ? h('div', { class: 'actions', role: 'group', 'aria-label': 'Advance the clock' },
        ADVANCES.map((ms) => h('button', { type: 'button', id: `clock-advance-${ms}`, text: `+${formatMillis(ms)}`,
          'aria-label': `Advance the clock by ${formatMillis(ms)}`, onclick: () => act('POST', '/clock/advance', { millis: ms }) })),
        c.next_wake_up ? h('button', { type: 'button', id: 'clock-advance-next', text: 'To the next wake-up',
          onclick: () => act('POST', '/clock/advance', { millis: Math.max(0, Date.parse(c.next_wake_up) - Date.parse(c.now)) }) }) : null) : null);
    if (hadFocus) document.getElementById(hadFocus)?.focus();
  }
  return { element, refresh };
}

function scriptsPanel() {
  const list = h('div', { id: 'scripts-list' });
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', id: 'scripts-status' });
  const c = {
    provider: h('input', { type: 'text', value: 'openai', autocomplete: 'off' }),
    kind: h('select', {}, h('option', { value: 'status', text: 'A status' }), h('option', { value: 'latency', text: 'A latency (200 after a wait)' }),
      h('option', { value: 'fault', text: 'A fault' })),
    status: h('input', { type: 'number', min: '200', max: '599', value: '503', inputmode: 'numeric' }),
    latency: h('input', { type: 'number', min: '0', value: '1000', inputmode: 'numeric' }),
    fault: h('select', {}, ['hang', 'connection_reset', 'empty_response', 'broken_stream', 'malformed_body']
      .map((f) => h('option', { value: f, text: f.replace('_', ' ') }))),
    times: h('input', { type: 'number', min: '1', value: '1', inputmode: 'numeric' }),
    gateway: h('input', { type: 'text', autocomplete: 'off' }),
  };
  const form = h('form', { id: 'script-form', 'aria-labelledby': 'script-form-heading', novalidate: true },
    h('h4', { id: 'script-form-heading', text: 'Add a scripted response' }),
    field('script-provider', 'Provider', c.provider),
    field('script-kind', 'Kind', c.kind),
    field('script-status', 'Status', c.status),
    field('script-latency', 'Latency (ms)', c.latency),
    field('script-fault', 'Fault', c.fault),
    field('script-times', 'Times', c.times),
    field('script-gateway', 'Only for the gateway (optional)', c.gateway),
    h('button', { type: 'submit', id: 'script-add', text: 'Add' }));
  const showKind = () => {
    c.status.closest('.field').hidden = c.kind.value !== 'status';
    c.latency.closest('.field').hidden = c.kind.value !== 'latency';
    c.fault.closest('.field').hidden = c.kind.value !== 'fault';
  };
  c.kind.addEventListener('change', showKind);
  showKind();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(c).forEach((control) => setFieldError(control, ''));
    const provider = c.provider.value.trim();
    if (!provider) return setFieldError(c.provider, 'Enter a provider, e.g. openai.');
    const times = Number(c.times.value);
    if (!Number.isInteger(times) || times < 1) return setFieldError(c.times, 'Enter a whole number, 1 or more.');
    let step;
    if (c.kind.value === 'status') {
      const status = Number(c.status.value);
      if (!Number.isInteger(status) || status < 200 || status > 599) return setFieldError(c.status, 'Enter a status from 200 to 599.');
      step = { status };
    } else if (c.kind.value === 'latency') {
      const latency = Number(c.latency.value);
      if (!(latency >= 0)) return setFieldError(c.latency, 'Enter milliseconds, 0 or more.');
      step = { status: 200, latency_ms: latency };
    } else {
      step = { fault: c.fault.value };
    }
    step.times = times;
    const payload = { steps: [step] };
    if (c.gateway.value.trim()) payload.gateway_id = c.gateway.value.trim();
    const answer = await control('POST', '/scripts/' + encode(provider), payload);
    if (!answer.ok) {
      setFieldError(answer.errors.some((e) => /provider/.test(e.message)) ? c.provider : c.kind, messageOf(answer));
      return;
    }
    status.textContent = `Added: ${provider} now has ${answer.body.pending} scripted responses waiting.`;
    shown = null;
    refresh();
  });
  const element = h('section', { class: 'panel', id: 'scripts-panel', 'aria-labelledby': 'scripts-heading' },
    h('h3', { id: 'scripts-heading', text: 'Scripted responses' }), list, form, status);
  let shown = null;

  async function clear(provider) {
    const answer = await control('DELETE', '/scripts/' + encode(provider));
    status.textContent = answer.ok ? `Cleared the script of ${provider}.` : messageOf(answer);
    shown = null;
    refresh();
  }

  async function refresh() {
    const answer = await control('GET', '/scripts');
    if (!answer.ok) {
      replace(list, h('p', { class: 'error', text: messageOf(answer) }));
      return;
    }
    const key = JSON.stringify(answer.body);
    if (key === shown) return;
    shown = key;
    const byProvider = new Map();
    answer.body.scripts.forEach((s) => {
      if (!byProvider.has(s.provider)) byProvider.set(s.provider, []);
      byProvider.get(s.provider).push(s);
    });
    replace(list, byProvider.size === 0 ? h('p', { text: 'No scripted responses are waiting.' })
      : [...byProvider].map(([provider, steps]) => h('div', { class: 'script', dataset: { provider } },
        h('h4', {}, `${provider}: ${steps.reduce((n, s) => n + s.pending, 0)} waiting`),
        h('ol', {}, steps.map((s) => h('li', {},
          h('code', { text: JSON.stringify(s.step) }),
          s.gateway_id ? ` gateway ${s.gateway_id}` : '', s.test_id ? ` test ${s.test_id}` : '',
          s.repeats ? ' (repeats)' : ''))),
        h('button', { type: 'button', class: 'clear-script', 'aria-label': `Clear the script of ${provider}`, text: 'Clear',
          onclick: () => clear(provider) }))));
  }
  return { element, refresh };
}

function repliesPanel() {
  const body = h('div', { id: 'replies-body' });
  const element = h('section', { class: 'panel', id: 'replies-panel', 'aria-labelledby': 'replies-heading' },
    h('h3', { id: 'replies-heading', text: 'Reply rules' }), body);
  let shown = null;

  async function refresh() {
    const answer = await control('GET', '/replies');
    const key = JSON.stringify([answer.status, answer.body]);
    if (key === shown) return;
    shown = key;
    if (!answer.ok) {
      replace(body, h('p', { class: 'error', text: messageOf(answer) }));
      return;
    }
    const rules = answer.body.rules || [];
    replace(body,
      h('p', { id: 'replies-strict', text: answer.body.strict ? 'Strict: a chat request no rule matches is refused.'
        : 'Not strict: a chat request no rule matches gets the echo reply.' }),
      rules.length === 0 ? h('p', { text: 'No reply rules.' })
        : h('div', { class: 'table-scroll' }, h('table', { class: 'rules', id: 'replies-table' },
          h('caption', { text: 'Reply rules, in the order they are tried' }),
          h('thead', {}, h('tr', {}, ['Name', 'Match', 'Replies'].map((t) => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, rules.map((r) => h('tr', {},
            h('th', { scope: 'row', text: r.name ?? '' }),
            h('td', {}, h('code', { text: JSON.stringify(r.match ?? {}) })),
            h('td', {}, h('code', { text: JSON.stringify(r.replies ?? (r.reply ? [r.reply] : [])) }))))))));
  }
  return { element, refresh };
}

/** The Emulator view: clock, scripts and reply rules, each polled. */
export function emulatorView() {
  const heading = h('h2', { id: 'view-heading', tabindex: '-1', text: 'Emulator' });
  const panels = [clockPanel(), scriptsPanel(), repliesPanel()];
  const element = h('section', { class: 'view emulator-view', 'aria-labelledby': 'view-heading' }, heading,
    h('div', { class: 'panels' }, panels.map((p) => p.element)));
  const refresh = () => Promise.all(panels.map((p) => p.refresh()));
  refresh();
  return { element, heading, refresh };
}
