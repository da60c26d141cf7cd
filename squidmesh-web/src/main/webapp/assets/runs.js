// The runs list: filters, a run key and keyset paging kept in the address (?workflow=&status=&key=&after=&limit=), so a
// reload or a shared link shows the same page.
import { api, whoAmI, RUN_STATUSES } from './api.js';
import { badge, el, replace, showError, showUser, time } from './dom.js';

const params = new URLSearchParams(location.search);
const filters = {
  workflow: document.getElementById('filter-workflow'),
  status: document.getElementById('filter-status'),
};
let next = null;

function query() {
  const query = new URLSearchParams();
  for (const name of ['workflow', 'status', 'key', 'after', 'limit']) {
    if (params.get(name)) query.set(name, params.get(name));
  }
  return query;
}

function navigate(changes) {
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  history.replaceState(null, '', `?${params}`);
  return load();
}

function row(run) {
  return el('tr', { dataset: { runId: run.id } },
    el('td', {}, el('a', { class: 'mono', href: `run.html?id=${encodeURIComponent(run.id)}`, title: run.id }, run.id.slice(0, 8))),
    el('td', {}, run.workflow),
    el('td', {}, badge(run.status)),
    el('td', {}, run.current_step ?? el('span', { class: 'muted' }, '—')),
    el('td', {}, time(run.inserted_at)),
    el('td', {}, time(run.updated_at)));
}

async function load() {
  try {
    const page = await api.get(`runs?${query()}`);
    showError(null);
    replace(document.querySelector('#runs tbody'), page.runs.map(row));
    document.getElementById('empty').hidden = page.runs.length > 0;
    next = page.next;
    document.getElementById('next-page').disabled = !next;
    document.getElementById('first-page').disabled = !params.get('after');
  } catch (e) {
    showError(e);
  }
}

async function fillFilters() {
  const { workflows } = await api.get('workflows');
  filters.workflow.append(...workflows.map((w) => el('option', { value: w.workflow }, w.workflow)));
  filters.status.append(...RUN_STATUSES.map((s) => el('option', { value: s }, s)));
  filters.workflow.value = params.get('workflow') ?? '';
  filters.status.value = params.get('status') ?? '';
}

for (const [name, select] of Object.entries(filters)) {
  select.addEventListener('change', () => navigate({ [name]: select.value, after: null }));
}
document.getElementById('refresh').addEventListener('click', load);

// A run id opens the run; anything else is taken as a run key (Idempotency-Key), whatever the workflow.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const searchText = document.getElementById('search-text');
const clearKey = document.getElementById('clear-key');
searchText.value = params.get('key') ?? '';
clearKey.hidden = !params.get('key');
document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = searchText.value.trim();
  if (UUID.test(text)) {
    location.href = `run.html?id=${encodeURIComponent(text)}`;
    return;
  }
  clearKey.hidden = !text;
  navigate({ key: text, after: null });
});
clearKey.addEventListener('click', () => {
  searchText.value = '';
  clearKey.hidden = true;
  navigate({ key: null, after: null });
});
document.getElementById('first-page').addEventListener('click', () => navigate({ after: null }));
document.getElementById('next-page').addEventListener('click', () => navigate({ after: next }));

try {
  showUser(await whoAmI());
  await fillFilters();
} catch (e) {
  showError(e);
}
await load();
