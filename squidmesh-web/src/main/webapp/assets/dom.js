// Small DOM helpers. Everything the API returns is inserted as text, never as HTML.
import { whoAmI } from './api.js';

/** el('a', { href, class: 'x', dataset: { runId } }, 'text', childNode, ...) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function replace(target, ...children) {
  target.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

export function badge(status) {
  return el('span', { class: `badge status-${status}`, dataset: { status } }, status);
}

/** ISO-8601 UTC → "2025-11-26 19:15:02Z", the full value in the tooltip. */
export function time(iso) {
  if (!iso) return el('span', { class: 'muted' }, '—');
  return el('time', { datetime: iso, title: iso }, iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
}

/** A JSON value, pretty-printed; empty objects and null read as a dash. */
export function json(value) {
  const empty = value === null || value === undefined || (typeof value === 'object' && Object.keys(value).length === 0);
  return empty ? el('span', { class: 'muted' }, '—') : el('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}

/** A snake_case code as words: "paused_for_approval" → "paused for approval". */
export function words(code) {
  return String(code ?? '').replaceAll('_', ' ');
}

/** Shows an API error in the page's error banner; clears it when called with null. */
export function showError(error) {
  const banner = document.getElementById('error');
  if (!error) {
    banner.hidden = true;
    return;
  }
  const problem = error.problem || {};
  replace(banner, el('strong', {}, problem.title || 'Request failed'), ' ', problem.detail || error.message,
    problem.code ? el('code', {}, problem.code) : null);
  banner.hidden = false;
}

export function showUser(me) {
  replace(document.getElementById('user'), me.user, ' · ', me.isOperator ? 'operator' : 'viewer');
}

/**
 * The caller, shown in the header: { user, roles, isOperator }. When it cannot be read the error is shown and a
 * caller without a name or roles is answered, so the page still loads what it may.
 */
export async function signIn() {
  try {
    const me = await whoAmI();
    showUser(me);
    return me;
  } catch (e) {
    showError(e);
    return { user: null, roles: [], isOperator: false };
  }
}
