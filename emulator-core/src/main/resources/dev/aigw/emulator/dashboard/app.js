// The dashboard's entry point: who the page acts as, the token when it must ask for one, the views by URL hash, and
// one poll a second of whatever is on screen.

import { loadSession, management, messageOf, token, tokenIsEmbedded, rememberToken, forgetToken, refusedToken, accountId } from './api.js';
import { h, replace, field, setFieldError } from './dom.js';
import { gatewayList, settingsView } from './gateways.js';
import { logsView, logDetailView } from './logs.js';
import { timelineView } from './timeline.js';
import { analyticsView } from './analytics.js';
import { emulatorView } from './emulator-panels.js';
import { billingPanel } from './billing.js';

const POLL_MILLIS = 1000;

const main = document.getElementById('main');
const aside = document.getElementById('sidebar');
const account = document.getElementById('account');
let list = null;
let view = null;
let polling = false;

function decodePart(part) {
  try {
    return decodeURIComponent(part);
  } catch (e) {
    return part;
  }
}

/** The view a hash names: #/gateways, #/gateways/ID, #/gateways/ID/logs, …/logs/LOG, …/logs/LOG/timeline, #/emulator. */
function route(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodePart);
  if (parts[0] === 'emulator') return { name: 'emulator' };
  if (parts[0] === 'gateways' && parts[1]) {
    const id = parts[1];
    if (parts[2] === 'logs' && parts[3] && parts[4] === 'timeline') return { name: 'timeline', id, logId: parts[3] };
    if (parts[2] === 'logs' && parts[3]) return { name: 'log', id, logId: parts[3] };
    if (parts[2] === 'logs') return { name: 'logs', id };
    if (parts[2] === 'analytics') return { name: 'analytics', id };
    return { name: 'settings', id };
  }
  return { name: 'gateways' };
}

function gatewayTabs(id, current) {
  const base = '#/gateways/' + encodeURIComponent(id);
  const tab = (name, href, label) => h('a', { href, 'aria-current': current === name ? 'page' : null, text: label });
  return h('nav', { class: 'tabs', 'aria-label': `Gateway ${id}` },
    tab('settings', base, 'Settings'), tab('logs', base + '/logs', 'Logs'), tab('analytics', base + '/analytics', 'Analytics'));
}

function show(event) {
  const r = route(location.hash);
  list?.select(r.id || null);
  list?.refresh();
  document.querySelectorAll('#site-nav a').forEach((a) => {
    const current = (r.name === 'emulator') === (a.getAttribute('href') === '#/emulator');
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  switch (r.name) {
    case 'settings': view = settingsView(r.id, () => { location.hash = '#/gateways'; }); break;
    case 'logs': view = logsView(r.id); break;
    case 'log': view = logDetailView(r.id, r.logId); break;
    case 'timeline': view = timelineView(r.id, r.logId); break;
    case 'analytics': view = analyticsView(r.id); break;
    case 'emulator': view = emulatorView(); break;
    default: {
      const credits = billingPanel();
      view = {
        element: h('section', { class: 'view', 'aria-labelledby': 'view-heading' },
          h('h2', { id: 'view-heading', tabindex: '-1', text: 'AI Gateway' }),
          h('p', { text: 'Pick a gateway to see its settings, logs and analytics, or create one. The list updates as gateways appear, including the default gateway when its first request creates it.' }),
          credits.element),
        refresh: credits.refresh,
      };
    }
  }
  document.title = `${view.element.querySelector('h2')?.textContent || 'Dashboard'} · aigw-emulator`;
  replace(main, r.id && r.name !== 'gateways' ? gatewayTabs(r.id, r.name === 'log' || r.name === 'timeline' ? 'logs' : r.name) : null, view.element);
  // After a navigation, focus goes to the new view's heading, so a screen reader announces it and Tab goes on from it.
  if (event) view.element.querySelector('#view-heading')?.focus({ preventScroll: true });
}

async function poll() {
  if (polling || document.hidden) return;
  polling = true;
  try {
    await Promise.all([list?.refresh(), view?.refresh?.()]);
  } finally {
    polling = false;
  }
}

/** Asks for a token (kept for this browser session only) until the management API takes one. */
function askForToken(message) {
  return new Promise((resolve) => {
    const input = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false' });
    const form = h('form', { class: 'token-form', id: 'token-form', 'aria-labelledby': 'token-heading', novalidate: true },
      h('h2', { id: 'token-heading', text: 'API token' }),
      h('p', { text: 'This emulator runs with API tokens of its own. Enter one with AI Gateway Read and Edit; it is kept in this browser tab until you close it, and sent only to this emulator.' }),
      field('token-input', 'API token', input),
      h('button', { type: 'submit', id: 'token-submit', text: 'Use this token' }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!input.value.trim()) return setFieldError(input, 'Enter a token.');
      rememberToken(input.value.trim());
      const answer = await management('GET', '/gateways?per_page=1');
      if (!answer.ok) {
        forgetToken();
        return setFieldError(input, 'The emulator refused this token: ' + messageOf(answer));
      }
      resolve();
    });
    replace(main, form);
    if (message) setFieldError(input, message);
    input.focus();
  });
}

async function start() {
  try {
    await loadSession();
  } catch (e) {
    replace(main, h('p', { class: 'error', role: 'alert', text: 'The dashboard cannot talk to the emulator: ' + e.message }));
    return;
  }
  account.textContent = `Account ${accountId()}`;
  if (!token()) await askForToken();
  const check = await management('GET', '/gateways?per_page=1');
  if (refusedToken(check) && !tokenIsEmbedded()) {
    forgetToken();
    await askForToken('The emulator refused the token: ' + messageOf(check));
  }
  list = gatewayList();
  replace(aside, list.element);
  window.addEventListener('hashchange', show);
  show(null);
  setInterval(poll, POLL_MILLIS);
  document.body.dataset.ready = 'true';
}

start();
