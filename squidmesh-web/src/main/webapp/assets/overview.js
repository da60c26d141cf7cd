// The overview: the load and the incidents of a recent window (GET /api/overview), refreshed every 10 s. The
// chart is uPlot (served from the WAR's WebJar); tables are plain text cells.
import { api } from './api.js';
import { badge, el, replace, showError, signIn, time } from './dom.js';

const REFRESH_MS = 10_000;
const windowSelect = document.getElementById('window');
const chartBox = document.getElementById('chart');
let chart = null;

const SERIES = [
  { key: 'started', label: 'started', stroke: '#2563eb' },
  { key: 'completed', label: 'completed', stroke: '#16a34a' },
  { key: 'failed', label: 'failed', stroke: '#dc2626' },
  { key: 'cancelled', label: 'cancelled', stroke: '#6b7280' },
];

function draw(minutes) {
  const data = [minutes.map((m) => Date.parse(m.at) / 1000), ...SERIES.map((s) => minutes.map((m) => m[s.key]))];
  if (chart) {
    chart.setData(data);
    return;
  }
  chart = new uPlot({
    width: Math.max(320, chartBox.clientWidth || 800),
    height: 240,
    series: [{}, ...SERIES.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, points: { show: false } }))],
    axes: [{}, { label: 'runs / minute' }],
    scales: { y: { range: (u, min, max) => [0, Math.max(1, max)] } },
  }, data, chartBox);
}

// Queue depths are read now, not stored: the chart shows the samples taken while the page is open.
const SAMPLES = 360;
const queueBox = document.getElementById('queue-chart');
const samples = [];
let queueChart = null;

function drawQueues(incidents) {
  const total = (role) => incidents.queues.filter((q) => q.role === role).reduce((sum, q) => sum + q.messages, 0);
  samples.push([Date.parse(incidents.at) / 1000, total('work'), total('dead_letters')]);
  if (samples.length > SAMPLES) samples.shift();
  const data = [samples.map((p) => p[0]), samples.map((p) => p[1]), samples.map((p) => p[2])];
  if (queueChart) {
    queueChart.setData(data);
  } else {
    queueChart = new uPlot({
      width: Math.max(320, queueBox.clientWidth || 800),
      height: 180,
      series: [{}, { label: 'waiting work', stroke: '#2563eb', width: 2 }, { label: 'dead letters', stroke: '#dc2626', width: 2 }],
      axes: [{}, { label: 'messages' }],
      scales: { y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    }, data, queueBox);
  }
  replace(document.querySelector('#queues tbody'), incidents.queues.map((q) =>
    el('tr', { dataset: { queue: q.queue, role: q.role } },
      el('td', {}, q.queue), el('td', {}, q.role === 'work' ? 'work' : el('a', { href: 'incidents.html' }, 'dead letters')),
      el('td', { class: 'num' }, `${q.messages}${q.capped ? '+' : ''}`))));
}

async function load() {
  try {
    const [overview, incidents] = await Promise.all([
      api.get(`overview?minutes=${encodeURIComponent(windowSelect.value)}`), api.get('incidents?limit=1')]);
    showError(null);
    draw(overview.minutes);
    drawQueues(incidents);
    replace(document.querySelector('#open tbody'), Object.entries(overview.open).map(([status, runs]) =>
      el('tr', { dataset: { status } },
        el('td', {}, el('a', { href: `./?status=${encodeURIComponent(status)}` }, badge(status))),
        el('td', { class: 'num' }, runs))));
    replace(document.querySelector('#failures tbody'), overview.failures.map((f) =>
      el('tr', { dataset: { workflow: f.workflow, reason: f.reason } },
        el('td', {}, el('a', { href: `./?workflow=${encodeURIComponent(f.workflow)}&status=failed` }, f.workflow)),
        el('td', {}, el('code', {}, f.reason)),
        el('td', { class: 'num' }, f.runs),
        el('td', {}, el('a', { class: 'mono', href: `run.html?id=${encodeURIComponent(f.last_run_id)}` }, f.last_run_id.slice(0, 8))),
        el('td', {}, time(f.last_at)))));
    document.getElementById('no-failures').hidden = overview.failures.length > 0;
    replace(document.querySelector('#steps tbody'), overview.steps.map((s) =>
      el('tr', { dataset: { workflow: s.workflow, step: s.step } },
        el('td', {}, s.workflow), el('td', {}, s.step),
        el('td', { class: 'num' }, s.attempts), el('td', { class: 'num' }, s.failed),
        el('td', { class: 'num' }, s.p50_ms), el('td', { class: 'num' }, s.p95_ms), el('td', { class: 'num' }, s.max_ms))));
    replace(document.getElementById('refreshed'), 'updated ', time(overview.to));
  } catch (e) {
    showError(e);
  }
}

windowSelect.addEventListener('change', load);
await signIn();
await load();
setInterval(load, REFRESH_MS);
