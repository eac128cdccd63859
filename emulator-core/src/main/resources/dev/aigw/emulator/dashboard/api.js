// Calls to the emulator's own APIs. Every URL is a path of this page's origin: the token goes nowhere else.

const TOKEN_KEY = 'aigw-emulator-dashboard-token';

let session = { account_id: null, api_token: null, management_path: '/client/v4' };

function ownPath(path) {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
    throw new Error('the dashboard calls paths of its own origin only, not ' + path);
  }
  return path;
}

async function call(path, options) {
  let response;
  try {
    response = await fetch(ownPath(path), {
      credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer', cache: 'no-store', ...options,
    });
  } catch (e) {
    return { ok: false, status: 0, body: null, errors: [{ message: 'The emulator did not answer: ' + e.message }] };
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = text;
  }
  const errors = body && Array.isArray(body.errors) ? body.errors : [];
  return { ok: response.ok, status: response.status, body, errors };
}

/** Reads who the page acts as: the account, and the token when the emulator runs on its embedded default one. */
export async function loadSession() {
  const answer = await call('/__emulator/session', { headers: { Accept: 'application/json' } });
  if (!answer.ok) throw new Error(messageOf(answer));
  session = answer.body;
  return session;
}

export function accountId() {
  return session.account_id;
}

/** The token for the management API: the embedded default one, or the one entered in this browser session. */
export function token() {
  return session.api_token || sessionStorage.getItem(TOKEN_KEY);
}

export function tokenIsEmbedded() {
  return Boolean(session.api_token);
}

export function rememberToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Calls the management API of the session's account: management('GET', '/gateways'). */
export function management(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: 'Bearer ' + token() };
  const options = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const base = `${session.management_path}/accounts/${encodeURIComponent(session.account_id)}/ai-gateway`;
  return call(base + path, options);
}

/** Calls the control API: control('GET', '/clock'). */
export function control(method, path, body) {
  const headers = { Accept: 'application/json' };
  const options = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  return call('/__emulator' + path, options);
}

/** The messages of a failed answer, one per error, or its status. */
export function messageOf(answer) {
  if (answer.errors && answer.errors.length) return answer.errors.map((e) => e.message).join('; ');
  if (answer.status === 0) return 'The emulator did not answer.';
  return `The emulator answered ${answer.status}.`;
}

/** Tells whether an answer refused the token (so the page should ask for another). */
export function refusedToken(answer) {
  return answer.status === 401 || (answer.status === 403 && answer.errors.some((e) => e.code === 9109))
    || (answer.status === 400 && answer.errors.some((e) => e.code === 9106 || e.code === 6003));
}

export const encode = encodeURIComponent;
