// A request's timeline: its attempts on the emulator's time axis, the outcome of each and the waits between them.

import { control, messageOf, encode } from './api.js';
import { h, svg, replace, formatInstant, formatMillis } from './dom.js';

const OUTCOME_TEXT = {
  success: 'succeeded', http_error: 'answered with an error status', timeout: 'timed out',
  connection_reset: 'connection reset (fault)', connection_refused: 'connection refused',
  empty_response: 'empty response (fault)', broken_stream: 'stream broken (fault)',
  malformed_body: 'malformed body (fault)', bad_request: 'could not be sent', invalid_response: 'invalid response',
};

export function describeOutcome(a) {
  const text = OUTCOME_TEXT[a.outcome] || a.outcome;
  return a.status === null || a.status === undefined ? text : `${a.status}, ${text}`;
}

export function timelineView(gatewayId, logId) {
  const heading = h('h2', { id: 'view-heading', tabindex: '-1', text: 'Timeline of a request' });
  const body = h('div', {}, h('p', { text: 'Loading…' }));
  const element = h('section', { class: 'view timeline-view', 'aria-labelledby': 'view-heading' }, heading,
    h('p', {}, h('a', { href: `#/gateways/${encode(gatewayId)}/logs/${encode(logId)}`, text: 'Back to the log entry' })),
    body);
  let found = false;

  async function refresh() {
    if (found) return;
    const answer = await control('GET', `/timelines?gateway_id=${encode(gatewayId)}`);
    if (!answer.ok) {
      replace(body, h('p', { class: 'error', text: messageOf(answer) }));
      return;
    }
    const timeline = answer.body.timelines.find((t) => t.log_id === logId);
    if (!timeline) {
      replace(body, h('p', { text: 'No timeline for this log entry (yet): the request may still be running, or the emulator was reset.' }));
      return;
    }
    found = true;
    replace(body, render(timeline));
  }
  refresh();
  return { element, heading, refresh };
}

/** A refusal in words: "424 (code 2016) at 0 ms: Prompt blocked due to security configurations". */
export function describeRefusal(r) {
  return `${r.status} (code ${r.code}) at ${formatMillis(r.offset_ms)}: ${r.reason}`;
}

function render(t) {
  const attempts = t.attempts;
  const refusal = t.refusal || null;
  const end = Math.max(1, ...attempts.map((a) => a.end_offset_ms), ...attempts.map((a) => a.end_offset_ms + a.delay_before_next_ms),
    refusal ? refusal.offset_ms : 0);
  const width = 800;
  const rowHeight = 42;
  const left = 10;
  const x = (ms) => left + (ms / end) * (width - 2 * left);
  const height = (attempts.length + (refusal ? 1 : 0)) * rowHeight + 34;
  const title = `${attempts.length} attempts over ${formatMillis(end)}` + (refusal ? `, then refused by the gateway with ${refusal.status}` : '');
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline-chart', role: 'img',
    'aria-labelledby': 'timeline-chart-title' },
  svg('title', { id: 'timeline-chart-title', text: title }),
  attempts.map((a, i) => {
    const y = 6 + i * rowHeight;
    const x1 = x(a.start_offset_ms);
    const x2 = Math.max(x1 + 4, x(a.end_offset_ms));
    const barY = y + 20;
    const wait = a.delay_before_next_ms > 0 && i < attempts.length - 1;
    return svg('g', { class: 'attempt-mark ' + (a.outcome === 'success' ? 'ok' : 'bad') },
      svg('text', { x: Math.min(x1, width - 330), y: y + 13, text: `#${a.attempt} ${describeOutcome(a)}`
        + (wait ? `, then wait ${formatMillis(a.delay_before_next_ms)}` : '') }),
      svg('rect', { x: x1, y: barY, width: x2 - x1, height: 12, rx: 2 }),
      wait ? svg('line', { class: 'wait-line', x1: x2, x2: x(a.end_offset_ms + a.delay_before_next_ms), y1: barY + 6, y2: barY + 6 }) : null);
  }),
  refusal ? svg('g', { class: 'refusal-mark' },
    svg('text', { x: Math.min(x(refusal.offset_ms), width - 330), y: 6 + attempts.length * rowHeight + 13,
      text: `Refused: ${refusal.status}, code ${refusal.code}` }),
    svg('line', { x1: x(refusal.offset_ms), x2: x(refusal.offset_ms), y1: 6 + attempts.length * rowHeight + 18, y2: height - 22 })) : null,
  svg('line', { class: 'axis', x1: left, x2: width - left, y1: height - 22, y2: height - 22 }),
  [0, 0.25, 0.5, 0.75, 1].map((f) => svg('text', { class: 'tick', x: Math.min(left + f * (width - 2 * left), width - 60), y: height - 6,
    text: formatMillis(Math.round(end * f)) })));

  const steps = [];
  attempts.forEach((a, i) => {
    steps.push(h('li', { class: 'attempt ' + (a.outcome === 'success' ? 'ok' : 'bad'), dataset: { outcome: a.outcome } },
      `Attempt ${i + 1}`, a.step > 0 || t.attempts.some((b) => b.step > 0) ? ` (step ${a.step}, ${a.provider})` : '',
      `: ${describeOutcome(a)}, from ${formatMillis(a.start_offset_ms)} to ${formatMillis(a.end_offset_ms)}`));
    if (a.delay_before_next_ms > 0 && i < attempts.length - 1) {
      steps.push(h('li', { class: 'wait', dataset: { waitMs: String(a.delay_before_next_ms) } },
        `Wait ${formatMillis(a.delay_before_next_ms)} before the next attempt`));
    }
  });
  if (refusal) {
    steps.push(h('li', { class: 'refusal bad', dataset: { status: String(refusal.status), code: String(refusal.code) } },
      `Refused by the gateway: ${describeRefusal(refusal)}`));
  }
  return h('div', {},
    h('dl', { class: 'facts' },
      h('dt', { text: 'Started' }), h('dd', { text: formatInstant(t.started_at) }),
      h('dt', { text: 'Provider' }), h('dd', { text: t.provider }),
      h('dt', { text: 'Final status' }), h('dd', { id: 'timeline-status', text: String(t.status) }),
      h('dt', { text: 'Attempts' }), h('dd', { id: 'timeline-attempts', text: String(attempts.length) }),
      refusal ? [h('dt', { text: 'Refused' }), h('dd', { id: 'timeline-refusal', text: describeRefusal(refusal) })] : null),
    h('figure', { class: 'chart' }, chart, h('figcaption', { text: 'Attempts on the emulator\'s time axis; dashed: the wait before the next attempt; a vertical line: the gateway\'s refusal.' })),
    h('h3', { text: 'Step by step' }),
    h('ul', { class: 'timeline-steps', id: 'timeline-steps' }, steps));
}
