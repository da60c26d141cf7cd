// Operator actions for one run, as buttons. Which ones: the explanation's next_actions when the API offers
// an explanation; otherwise (an engine without it) just Cancel while the run can still be cancelled.
import { api } from './api.js';
import { el, showError } from './dom.js';

const CANCELLABLE = new Set(['pending', 'running', 'retrying', 'paused']);
const COMMENTED = new Set(['approve_run', 'reject_run', 'unblock_run', 'cancel_run']);

const BUTTONS = {
  approve_run: { label: 'Approve', verb: 'approve' },
  reject_run: { label: 'Reject', verb: 'reject', danger: true },
  unblock_run: { label: 'Unblock', verb: 'unblock' },
  cancel_run: { label: 'Cancel run', verb: 'cancel', danger: true, confirm: 'Cancel this run?' },
  replay_run: { label: 'Replay', verb: 'replay' },
  signal_run: { label: 'Send event' }, // a form of its own (signalControls)
  migrate_run: { label: 'Migrate' }, // a form of its own (migrateControls)
};

/** The actions to offer: [{ action, blockedBy? }]. */
export function offeredActions(run, explanation) {
  if (!explanation) {
    return CANCELLABLE.has(run.status) ? [{ action: 'cancel_run' }] : [];
  }
  const offered = explanation.next_actions.filter((a) => BUTTONS[a]).map((action) => ({ action }));
  const replay = explanation.details?.replay;
  if (replay && replay['allowed?'] === false) {
    offered.push({ action: 'replay_run', blockedBy: (replay.blocked_by || []).map((b) => b.step) });
  }
  return offered;
}

function actionButton(run, { action }, body, onDone) {
  const spec = BUTTONS[action];
  return el('button', {
    type: 'button', class: spec.danger ? 'danger' : 'primary', dataset: { action },
    onclick: async (event) => {
      if (spec.confirm && !window.confirm(spec.confirm)) return;
      const button = event.target;
      button.disabled = true;
      try {
        const result = await api.post(`runs/${encodeURIComponent(run.id)}/${spec.verb}`, body());
        showError(null);
        if (action === 'replay_run') location.assign(`run.html?id=${encodeURIComponent(result.id)}`);
        else await onDone();
      } catch (e) {
        showError(e);
      } finally {
        button.disabled = false;
      }
    },
  }, spec.label);
}

/** Sends the event the run waits for (its name from the explanation) with a JSON payload. */
function signalControls(run, explanation, onDone) {
  const name = el('input', { type: 'text', id: 'event-name', value: explanation?.details?.event ?? '', size: 24 });
  const payload = el('textarea', { id: 'event-payload', rows: 3, placeholder: 'Payload: a JSON object, e.g. {"provider_reference": "psp-1"}' });
  const button = el('button', {
    type: 'button', class: 'primary', dataset: { action: 'signal_run' },
    onclick: async () => {
      let body;
      try {
        body = payload.value.trim() ? { payload: JSON.parse(payload.value) } : {};
      } catch (e) {
        showError(new Error(`The payload is not JSON: ${e.message}`));
        return;
      }
      button.disabled = true;
      try {
        await api.post(`runs/${encodeURIComponent(run.id)}/events/${encodeURIComponent(name.value.trim())}`, body);
        showError(null);
        payload.value = '';
        await onDone();
      } catch (e) {
        showError(e);
      } finally {
        button.disabled = false;
      }
    },
  }, 'Send event');
  return el('div', { class: 'signal' }, el('label', {}, 'Event ', name), payload, button);
}

/** Moves a run held for its definition to a deployed version, at a step of that version. */
function migrateControls(run, explanation, onDone) {
  const versions = explanation?.details?.deployed_versions ?? [explanation?.details?.version ?? run.version];
  const version = el('input', { type: 'text', id: 'migrate-version', value: versions[0] ?? '', size: 8 });
  const step = el('input', { type: 'text', id: 'migrate-step', value: explanation?.step ?? '', size: 20 });
  const button = el('button', {
    type: 'button', class: 'primary', dataset: { action: 'migrate_run' },
    onclick: async () => {
      button.disabled = true;
      try {
        const body = { version: version.value.trim() };
        if (step.value.trim()) body.step = step.value.trim();
        await api.post(`runs/${encodeURIComponent(run.id)}/migrate`, body);
        showError(null);
        await onDone();
      } catch (e) {
        showError(e);
      } finally {
        button.disabled = false;
      }
    },
  }, 'Migrate');
  return el('div', { class: 'migrate' }, el('label', {}, 'Version ', version), el('label', {}, ' at step ', step), button);
}

/** Replay, with the explicit "allow irreversible" confirmation (required when steps block a plain replay). */
function replayControls(run, offer, onDone) {
  const allow = el('input', { type: 'checkbox', id: 'allow-irreversible' });
  const button = actionButton(run, offer, () => ({ allow_irreversible: allow.checked }), onDone);
  const blocked = offer.blockedBy?.length > 0;
  if (blocked) {
    button.disabled = true;
    allow.addEventListener('change', () => { button.disabled = !allow.checked; });
  }
  return el('div', { class: 'replay' },
    blocked ? el('p', {}, 'A plain replay is refused: these steps are irreversible or cannot be compensated: ',
      el('strong', {}, offer.blockedBy.join(', ')), '.') : null,
    button,
    el('label', {}, allow, ' allow irreversible steps to run again'));
}

/**
 * Fills `container`; returns false when there is nothing to offer. Redraws only when the offer changes,
 * so a refresh of an active run keeps a comment being typed.
 */
export function renderActions(container, run, explanation, onDone) {
  const offered = offeredActions(run, explanation);
  const key = JSON.stringify([run.id, offered]);
  if (container.dataset.offer === key) return offered.length > 0;
  container.dataset.offer = key;
  const comment = el('textarea', { id: 'action-comment', rows: 2, placeholder: 'Comment (optional), kept with approvals, rejections and unblocks' });
  const body = () => (comment.value.trim() ? { comment: comment.value.trim() } : {});
  const buttons = offered.filter((o) => BUTTONS[o.action].verb && o.action !== 'replay_run')
    .map((o) => actionButton(run, o, body, onDone));
  const replay = offered.find((o) => o.action === 'replay_run');
  const signal = offered.some((o) => o.action === 'signal_run');
  const migrate = offered.some((o) => o.action === 'migrate_run');
  container.replaceChildren(
    ...(signal ? [signalControls(run, explanation, onDone)] : []),
    ...(migrate ? [migrateControls(run, explanation, onDone)] : []),
    ...(offered.some((o) => COMMENTED.has(o.action)) ? [comment] : []),
    el('div', { class: 'buttons' }, buttons),
    ...(replay ? [replayControls(run, replay, onDone)] : []));
  return offered.length > 0;
}
