// Incidents: failed runs grouped by workflow and reason (GET /api/overview?minutes=1440), stuck runs and dead
// letters (GET /api/incidents), refreshed every 10 s; operators get a Redrive button per dead letter
// (POST /api/dead-letters/{id}/redrive).
import { api } from './api.js';
import { badge, el, replace, showError, signIn, time } from './dom.js';

const REFRESH_MS = 10_000;

function runLink(id) {
  return id ? el('a', { class: 'mono', href: `run.html?id=${encodeURIComponent(id)}` }, id.slice(0, 8)) : '—';
}

function notice(text) {
  const box = document.getElementById('notice');
  box.hidden = !text;
  replace(box, text || '');
}

async function redrive(letter, button) {
  button.disabled = true;
  try {
    await api.post(`dead-letters/${encodeURIComponent(letter.id)}/redrive`);
    notice(`Sent ${letter.kind || 'the message'}${letter.run_id ? ` of run ${letter.run_id.slice(0, 8)}` : ''} back to ${letter.queue}.`);
    await load();
  } catch (e) {
    button.disabled = false;
    showError(e);
  }
}

async function load() {
  try {
    const [overview, incidents] = await Promise.all([api.get('overview?minutes=1440'), api.get('incidents')]);
    showError(null);
    replace(document.querySelector('#failures tbody'), overview.failures.map((f) =>
      el('tr', { dataset: { workflow: f.workflow, reason: f.reason } },
        el('td', {}, el('a', { href: `./?workflow=${encodeURIComponent(f.workflow)}&status=failed` }, f.workflow)),
        el('td', {}, el('code', {}, f.reason)),
        el('td', { class: 'num' }, f.runs),
        el('td', {}, runLink(f.last_run_id)),
        el('td', {}, time(f.last_at)))));
    document.getElementById('no-failures').hidden = overview.failures.length > 0;
    document.getElementById('failures').hidden = overview.failures.length === 0;

    replace(document.querySelector('#stuck tbody'), incidents.stuck_runs.map((r) =>
      el('tr', { dataset: { run: r.id } },
        el('td', {}, runLink(r.id)), el('td', {}, r.workflow), el('td', {}, badge(r.status)),
        el('td', {}, r.current_step || '—'), el('td', {}, r.expected_by ? time(r.expected_by) : '—'),
        el('td', { class: 'num' }, r.requeued), el('td', {}, time(r.updated_at)))));
    document.getElementById('no-stuck').hidden = incidents.stuck_runs.length > 0;
    document.getElementById('stuck').hidden = incidents.stuck_runs.length === 0;

    replace(document.querySelector('#dead-letters tbody'), incidents.dead_letters.map((d) => {
      const action = me.isOperator ? el('button', { type: 'button', class: 'redrive' }, 'Redrive') : '';
      if (action) action.addEventListener('click', () => redrive(d, action));
      return el('tr', { dataset: { deadLetter: d.id, run: d.run_id || '' } },
        el('td', {}, d.dead_at ? time(d.dead_at) : '—'), el('td', {}, d.kind || '—'), el('td', {}, runLink(d.run_id)),
        el('td', {}, d.workflow || '—'), el('td', {}, d.step || '—'),
        el('td', {}, d.reason ? el('code', {}, d.reason) : el('span', { class: 'muted' }, 'moved aside (no engine reason)')),
        el('td', { class: 'num' }, d.deliveries), el('td', {}, d.queue), el('td', {}, action));
    }));
    document.getElementById('no-dead-letters').hidden = incidents.dead_letters.length > 0;
    document.getElementById('dead-letters').hidden = incidents.dead_letters.length === 0;
    replace(document.getElementById('refreshed'), 'updated ', time(incidents.at));
  } catch (e) {
    showError(e);
  }
}

const me = await signIn();
await load();
setInterval(load, REFRESH_MS);
