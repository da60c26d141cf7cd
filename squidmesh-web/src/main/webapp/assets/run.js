// One run: summary, explanation, operator actions, step graph, step runs with attempts, audit trail.
// While the run is active it reloads every two seconds.
import { ACTIVE, api } from './api.js';
import { renderActions } from './actions.js';
import { renderGraph } from './graph.js';
import { badge, el, json, replace, showError, signIn, time, words } from './dom.js';

const POLL_MS = 2000;
const id = new URLSearchParams(location.search).get('id');
const byId = (name) => document.getElementById(name);
let me = { isOperator: false };
let definition;
let timer;

function renderSummary(run) {
  byId('title').textContent = run.workflow;
  replace(byId('status'), badge(run.status));
  byId('run-id').textContent = run.id;
  document.title = `${run.workflow} ${run.status} · Squid Mesh`;
  const item = (label, value) => [el('dt', {}, label), el('dd', {}, value ?? el('span', { class: 'muted' }, '—'))];
  replace(byId('summary'), el('dl', { class: 'facts' },
    item('Version', run.version),
    item('Priority', run.priority),
    item('Trigger', run.trigger),
    item('Current step', run.current_step),
    item('Started', time(run.inserted_at)),
    item('Updated', time(run.updated_at)),
    run.replayed_from_run_id ? item('Replay of', el('a', { href: `run.html?id=${run.replayed_from_run_id}`, class: 'mono' }, run.replayed_from_run_id)) : [],
    run.parent_run_id ? item('Child of', [el('a', { href: `run.html?id=${run.parent_run_id}`, class: 'mono', id: 'parent-link' }, run.parent_run_id),
      ' at ', el('code', {}, run.parent_step)]) : [],
    run.children?.length ? item('Children', el('ul', { class: 'children', id: 'children' }, run.children.map((c) => el('li', {},
      el('a', { href: `run.html?id=${c.id}`, class: 'mono' }, c.id), ' ', c.workflow, ' ', badge(c.status), ' from ', el('code', {}, c.parent_step))))) : [],
    run.last_error ? item('Last error', json(run.last_error)) : []));
}

function renderExplanation(explanation) {
  byId('explanation-panel').hidden = !explanation;
  if (!explanation) return;
  const waits = explanation.next_actions.filter((a) => a.startsWith('wait_for_'));
  replace(byId('explanation'),
    el('p', { class: 'reason', dataset: { reason: explanation.reason } }, el('strong', {}, words(explanation.reason)),
      explanation.step ? [' at ', el('code', {}, explanation.step)] : null),
    waits.length ? el('p', { class: 'muted' }, 'Nothing to do but ', waits.map(words).join(', '), '.') : null,
    Object.keys(explanation.details || {}).length ? json(explanation.details) : null,
    el('details', {}, el('summary', {}, 'Evidence'), json(explanation.evidence)));
}

function attempts(list) {
  return el('ol', { class: 'attempts' }, list.map((a) => el('li', { dataset: { attempt: a.attempt_number } },
    `#${a.attempt_number} `, badge(a.status), a.error ? json(a.error) : null)));
}

function renderStepRuns(rows) {
  replace(byId('step-runs').tBodies[0], rows.map((row) => el('tr', { dataset: { step: row.step } },
    el('td', {}, el('code', {}, row.step)),
    el('td', {}, badge(row.status), row.last_error ? json(row.last_error) : null),
    el('td', {}, attempts(row.attempts)),
    el('td', {}, time(row.inserted_at)),
    el('td', {}, time(row.updated_at)),
    el('td', {}, el('details', {}, el('summary', {}, 'show'), el('h4', {}, 'input'), json(row.input), el('h4', {}, 'output'), json(row.output))))));
  if (!rows.length) replace(byId('step-runs').tBodies[0], el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No step has run yet.')));
}

function renderAudit(events) {
  replace(byId('audit').tBodies[0], events.map((e) => el('tr', { dataset: { event: e.type } },
    el('td', {}, time(e.at)), el('td', {}, words(e.type)), el('td', {}, el('code', {}, e.step)),
    el('td', {}, typeof e.actor === 'object' && e.actor !== null ? json(e.actor) : e.actor ?? '—'),
    el('td', {}, e.comment ?? '—'), el('td', {}, json(e.metadata)))));
  if (!events.length) replace(byId('audit').tBodies[0], el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No pauses, decisions or recovery routes.')));
}

function renderEvents(events) {
  byId('events-panel').hidden = !events?.length;
  if (!events?.length) return;
  replace(byId('events').tBodies[0], events.map((e) => el('tr', { dataset: { event: e.event } },
    el('td', {}, time(e.received_at)), el('td', {}, el('code', {}, e.event)),
    el('td', {}, e.consumed_by ? el('code', {}, e.consumed_by) : el('span', { class: 'muted' }, 'waiting in the mailbox')),
    el('td', {}, e.idempotency_key ?? '—'), el('td', {}, json(e.payload)))));
}

function render(run, explanation) {
  renderSummary(run);
  renderExplanation(explanation);
  byId('actions-panel').hidden = !(me.isOperator && renderActions(byId('actions'), run, explanation, load));
  replace(byId('graph'), renderGraph(definition, run.steps));
  renderStepRuns(run.step_runs);
  renderAudit(run.audit_events);
  renderEvents(run.events);
  replace(byId('data'), el('div', {}, el('h3', {}, 'Payload'), json(run.payload)), el('div', {}, el('h3', {}, 'Context'), json(run.context)));
}

async function load() {
  clearTimeout(timer);
  try {
    const run = await api.get(`runs/${encodeURIComponent(id)}?history=true`);
    const explanation = await api.optional(`runs/${encodeURIComponent(id)}/explanation`);
    if (definition === undefined) {
      // the graph of the version the run is pinned to, not the newest one
      const version = run.version ? `?version=${encodeURIComponent(run.version)}` : '';
      definition = await api.optional(`workflows/${encodeURIComponent(run.workflow)}${version}`);
    }
    render(run, explanation);
    showError(null);
    const active = ACTIVE.has(run.status);
    byId('refreshing').hidden = !active;
    if (active) timer = setTimeout(load, POLL_MS);
  } catch (e) {
    showError(e);
  }
}

me = await signIn();
await load();
