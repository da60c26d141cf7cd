// The operator API as the dashboard uses it. Addresses are built from location.origin (never from the
// page URL, which may carry user:password@ and would make fetch() refuse the request).

const CONTEXT = location.pathname.replace(/[^/]*$/, '');
const API = `${location.origin}${CONTEXT}api/`;

/** A non-2xx answer; `problem` is the application/problem+json body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function call(method, path, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body, headers) => call('POST', path, body ?? {}, headers),
  /** GET that answers null for 404, for optional resources (a run's explanation). */
  async optional(path) {
    try {
      return await call('GET', path);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
};

export const OPERATOR = 'squidmesh-operator';

/** The caller: { user, roles, isOperator }. */
export async function whoAmI() {
  const me = await api.get('me');
  return { ...me, isOperator: me.roles.includes(OPERATOR) };
}

/** Statuses in which a run still moves on its own, so its page keeps refreshing. */
export const ACTIVE = new Set(['pending', 'running', 'retrying', 'cancelling']);

export const RUN_STATUSES = ['pending', 'running', 'retrying', 'paused', 'failed', 'completed', 'cancelling', 'cancelled'];
