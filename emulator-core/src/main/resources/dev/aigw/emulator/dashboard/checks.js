// What Guardrails and DLP found in a log entry (its `guardrails`, `dlp_action` and `dlp` members): a badge for the
// logs table and a section for the log detail.

import { h } from './dom.js';

const TARGETS = { prompt: 'Prompt', response: 'Response', REQUEST: 'Request', RESPONSE: 'Response' };

function hazards(e) {
  return e.guardrails && Array.isArray(e.guardrails.findings) ? e.guardrails.findings : [];
}

function profiles(e) {
  return e.dlp && Array.isArray(e.dlp.findings) ? e.dlp.findings : [];
}

/** BLOCK when Guardrails or DLP blocked the entry, FLAG when they only flagged it, null when they found nothing. */
export function checksAction(e) {
  const actions = [e.guardrails?.action, e.dlp_action].filter(Boolean);
  if (!actions.length) return null;
  return actions.includes('BLOCK') ? 'BLOCK' : 'FLAG';
}

/** The findings in a few words: "S1 Violent Crimes, DLP financial-information". */
export function findingsText(e) {
  const names = [...new Set([...hazards(e).map((f) => `${f.category} ${f.name}`),
    ...profiles(e).map((f) => `DLP ${f.profile?.profile_id}`)])];
  return names.join(', ');
}

/** The badge of a logs table row, or nothing when the checks found nothing. */
export function checksBadge(e) {
  const action = checksAction(e);
  if (!action) return null;
  const label = action === 'BLOCK' ? 'Blocked' : 'Flagged';
  return h('span', { class: 'badge ' + action.toLowerCase(), dataset: { action }, text: `${label}: ${findingsText(e)}` });
}

/** The log detail's section on Guardrails and DLP, or nothing when they found nothing. */
export function checksSection(e) {
  const action = checksAction(e);
  if (!action) return null;
  const items = [
    ...hazards(e).map((f) => h('li', { dataset: { action: f.action } },
      `Guardrails, ${TARGETS[f.target] || f.target}: ${f.category} ${f.name}: ${f.action === 'BLOCK' ? 'blocked' : 'flagged'}`)),
    ...profiles(e).map((f) => h('li', { dataset: { action: f.action } },
      `DLP, ${TARGETS[f.check] || f.check}: profile ${f.profile?.profile_id}`
      + (f.profile?.entry_ids?.length ? ` (entries ${f.profile.entry_ids.join(', ')})` : '')
      + `: ${f.action === 'BLOCK' ? 'blocked' : 'flagged'}`)),
  ];
  return h('section', { class: 'checks', id: 'log-checks', 'aria-labelledby': 'log-checks-heading' },
    h('h3', { id: 'log-checks-heading', text: 'Guardrails and DLP' }),
    h('p', { id: 'log-checks-outcome' }, checksBadge(e)),
    h('ul', { id: 'log-checks-findings' }, items));
}
