// Starting a run from a form generated from the chosen trigger's payload contract (GET /api/workflows): one input
// per declared field, typed as declared, defaults filled in. The server checks the payload again; its field errors
// are shown beside the fields. Operators only (the API refuses others with 403 anyway).
import { api, whoAmI } from './api.js';
import { el, replace, showError, showUser } from './dom.js';

const form = document.getElementById('start');
const workflowSelect = document.getElementById('workflow');
const triggerSelect = document.getElementById('trigger');
const fieldset = document.getElementById('fields');
let workflows = [];

function input(field) {
  const id = `field-${field.name}`;
  const common = { id, name: field.name, dataset: { type: field.type }, required: field.required && field.default === undefined };
  const value = field.default === undefined || (typeof field.default === 'object' && field.default !== null) ? undefined : field.default;
  switch (field.type) {
    case 'integer': return el('input', { ...common, type: 'number', step: '1', value });
    case 'float': return el('input', { ...common, type: 'number', step: 'any', value });
    case 'boolean': return el('select', common, el('option', { value: '' }, '—'), el('option', { value: 'true' }, 'true'),
      el('option', { value: 'false' }, 'false'));
    case 'map':
    case 'list': return el('textarea', { ...common, rows: 3, placeholder: field.type === 'map' ? '{"key": "value"}' : '["a", "b"]' },
      value === undefined ? '' : JSON.stringify(value));
    default: return el('input', { ...common, type: 'text', value });
  }
}

function showFields() {
  const workflow = workflows.find((w) => w.workflow === workflowSelect.value);
  const trigger = workflow?.triggers.find((t) => t.name === triggerSelect.value);
  replace(document.getElementById('description'), workflow?.description ?? '');
  replace(fieldset, el('legend', {}, 'Payload'), ...(trigger?.payload ?? []).map((field) =>
    el('div', { class: 'field', dataset: { field: field.name } },
      el('label', { for: `field-${field.name}` }, field.name, ' ', el('span', { class: 'muted' },
        `${field.type}${field.required && field.default === undefined ? ', required' : ''}`)),
      input(field),
      el('span', { class: 'field-error', id: `error-${field.name}` }))));
}

function showTriggers() {
  const workflow = workflows.find((w) => w.workflow === workflowSelect.value);
  const manual = (workflow?.triggers ?? []).filter((t) => t.type === 'manual');
  replace(triggerSelect, manual.map((t) => el('option', { value: t.name }, t.name)));
  showFields();
}

/** The form's values as the payload: typed as declared; empty optional fields left out. */
function payload() {
  const values = {};
  for (const node of fieldset.querySelectorAll('[data-type]')) {
    const raw = node.value.trim();
    if (raw === '') continue;
    switch (node.dataset.type) {
      case 'integer': values[node.name] = Number.parseInt(raw, 10); break;
      case 'float': values[node.name] = Number.parseFloat(raw); break;
      case 'boolean': values[node.name] = raw === 'true'; break;
      case 'map':
      case 'list':
        try {
          values[node.name] = JSON.parse(raw);
        } catch {
          throw new Error(`${node.name} is not JSON`);
        }
        break;
      default: values[node.name] = raw;
    }
  }
  return values;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  for (const span of fieldset.querySelectorAll('.field-error')) replace(span);
  try {
    const body = { workflow: workflowSelect.value, trigger: triggerSelect.value, payload: payload() };
    const priority = document.getElementById('priority').value.trim();
    if (priority !== '') body.priority = Number.parseInt(priority, 10);
    const key = document.getElementById('key').value.trim();
    const run = await api.post('runs', body, key ? { 'Idempotency-Key': key } : {});
    location.href = `run.html?id=${encodeURIComponent(run.id)}`;
  } catch (e) {
    for (const error of Array.isArray(e.problem?.errors) ? e.problem.errors : []) {
      const span = document.getElementById(`error-${error.field}`);
      if (span) replace(span, error.problem + (error.expected ? ` (expected ${error.expected})` : ''));
    }
    showError(e);
  }
});

try {
  const me = await whoAmI();
  showUser(me);
  if (!me.isOperator) {
    document.getElementById('viewer-note').hidden = false;
  } else {
    ({ workflows } = await api.get('workflows'));
    workflows = workflows.filter((w) => w.triggers.some((t) => t.type === 'manual'));
    replace(workflowSelect, workflows.map((w) => el('option', { value: w.workflow }, w.workflow)));
    const wanted = new URLSearchParams(location.search).get('workflow');
    if (wanted && workflows.some((w) => w.workflow === wanted)) workflowSelect.value = wanted;
    workflowSelect.addEventListener('change', showTriggers);
    triggerSelect.addEventListener('change', showFields);
    showTriggers();
    form.hidden = false;
  }
} catch (e) {
  showError(e);
}
