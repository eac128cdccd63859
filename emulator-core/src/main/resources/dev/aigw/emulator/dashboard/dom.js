// Small DOM helpers: elements built from data, never from HTML strings (so nothing read from the API can run).

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Creates an HTML element: h('button', {type: 'button', onclick: f}, 'Save'). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** Creates an SVG element. */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** A label and its control, with an error slot the control is described by. */
export function field(id, label, control, hint) {
  control.id = id;
  const error = h('p', { class: 'field-error', id: id + '-error', role: 'status', 'aria-live': 'polite' });
  const described = [error.id];
  let hintEl = null;
  if (hint) {
    hintEl = h('p', { class: 'hint', id: id + '-hint', text: hint });
    described.unshift(hintEl.id);
  }
  control.setAttribute('aria-describedby', described.join(' '));
  const wrap = h('div', { class: control.type === 'checkbox' ? 'field checkbox' : 'field' },
    control.type === 'checkbox' ? [control, h('label', { for: id, text: label })] : [h('label', { for: id, text: label }), control],
    hintEl, error);
  return wrap;
}

/** Shows (or, with an empty message, clears) the error next to a control made by field(). */
export function setFieldError(control, message) {
  const error = document.getElementById(control.id + '-error');
  if (error) error.textContent = message || '';
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/** Formats an instant of the emulator's clock: 2026-01-01 00:00:05.000 UTC. */
export function formatInstant(iso) {
  if (!iso) return '';
  return iso.replace('T', ' ').replace(/Z$/, ' UTC');
}

/** Formats milliseconds for people: 250 ms, 5 s, 1.5 min. */
export function formatMillis(ms) {
  if (ms === null || ms === undefined) return '';
  if (Math.abs(ms) < 1000) return `${+ms.toFixed(3)} ms`;
  if (Math.abs(ms) < 60000) return `${+(ms / 1000).toFixed(3)} s`;
  return `${+(ms / 60000).toFixed(2)} min`;
}

/** Formats a cost in dollars. */
export function formatCost(cost) {
  if (cost === null || cost === undefined) return '';
  return '$' + Number(cost).toFixed(6).replace(/0+$/, '').replace(/\.$/, '.0');
}
