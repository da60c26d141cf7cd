// The workflow's step graph as SVG, one column per stage, nodes coloured by the run's step status.
// Columns: the dependency phase in dependency mode; the distance from the entry step along transitions
// otherwise (with a final "complete" node). Error routes are dashed.

const SVG = 'http://www.w3.org/2000/svg';
const NODE_HEIGHT = 44;
const GAP_X = 56;
const GAP_Y = 18;
const PAD = 12;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** Nodes and edges from the definition (GET /workflows/{name}), or from the run's steps when it is gone. */
function shape(definition, steps) {
  if (!definition) {
    const names = steps.map((s) => s.step);
    return { names, edges: steps.flatMap((s) => s.depends_on.map((d) => ({ from: d, to: s.step }))), columns: dependencyColumns(steps) };
  }
  const names = definition.steps.map((s) => s.name);
  if (definition.mode === 'dependencies') {
    const edges = definition.steps.flatMap((s) => (s.depends_on || []).map((d) => ({ from: d, to: s.name })));
    return { names, edges, columns: new Map(definition.steps.map((s) => [s.name, s.phase])) };
  }
  const edges = definition.transitions.map((t) => ({ from: t.from, to: t.to, error: t.on === 'error' }));
  if (edges.some((e) => e.to === 'complete')) names.push('complete');
  return { names, edges, columns: transitionColumns(definition.initial_step, names, edges) };
}

function dependencyColumns(steps) {
  const columns = new Map();
  const column = (name) => {
    if (!columns.has(name)) {
      const step = steps.find((s) => s.step === name);
      columns.set(name, 0);
      columns.set(name, step && step.depends_on.length ? 1 + Math.max(...step.depends_on.map(column)) : 0);
    }
    return columns.get(name);
  };
  steps.forEach((s) => column(s.step));
  return columns;
}

/** Breadth-first distance from the entry step; "complete" and unreachable steps go last. */
function transitionColumns(entry, names, edges) {
  const columns = new Map([[entry, 0]]);
  const queue = [entry];
  while (queue.length) {
    const from = queue.shift();
    for (const edge of edges.filter((e) => e.from === from && e.to !== 'complete')) {
      if (!columns.has(edge.to)) {
        columns.set(edge.to, columns.get(from) + 1);
        queue.push(edge.to);
      }
    }
  }
  const last = Math.max(0, ...columns.values()) + 1;
  names.filter((n) => !columns.has(n) && n !== 'complete').forEach((n) => columns.set(n, last));
  columns.set('complete', Math.max(...names.filter((n) => n !== 'complete').map((n) => columns.get(n))) + 1);
  return columns;
}

function layout(names, columns) {
  const width = Math.min(260, Math.max(120, 8 * Math.max(...names.map((n) => n.length)) + 28));
  const byColumn = new Map();
  names.forEach((n) => byColumn.set(columns.get(n), [...(byColumn.get(columns.get(n)) || []), n]));
  const rows = Math.max(...[...byColumn.values()].map((c) => c.length));
  const positions = new Map();
  for (const [column, members] of byColumn) {
    const offset = ((rows - members.length) * (NODE_HEIGHT + GAP_Y)) / 2;
    members.forEach((name, row) => positions.set(name, {
      x: PAD + column * (width + GAP_X),
      y: PAD + offset + row * (NODE_HEIGHT + GAP_Y),
    }));
  }
  const columnCount = Math.max(...byColumn.keys()) + 1;
  return { positions, width, size: { width: 2 * PAD + columnCount * width + (columnCount - 1) * GAP_X, height: 2 * PAD + rows * NODE_HEIGHT + (rows - 1) * GAP_Y } };
}

function edgePath(from, to, width) {
  const x1 = from.x + width;
  const y1 = from.y + NODE_HEIGHT / 2;
  const x2 = to.x;
  const y2 = to.y + NODE_HEIGHT / 2;
  const bend = Math.max(24, Math.abs(x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}

function node(name, status, at, width) {
  return svg('g', { class: `node status-${status}`, 'data-step': name, 'data-status': status, transform: `translate(${at.x},${at.y})` },
    svg('title', {}, `${name}: ${status}`),
    svg('rect', { width, height: NODE_HEIGHT, rx: name === 'complete' ? NODE_HEIGHT / 2 : 6 }),
    ...(name === 'complete'
      ? [svg('text', { x: width / 2, y: 27, class: 'name' }, name)]
      : [svg('text', { x: width / 2, y: 18, class: 'name' }, name), svg('text', { x: width / 2, y: 34, class: 'state' }, status)]));
}

/** @param definition GET /workflows/{name}, or null  @param steps the run's `steps` (history) */
export function renderGraph(definition, steps) {
  const statuses = new Map(steps.map((s) => [s.step, s.status]));
  const { names, edges, columns } = shape(definition, steps);
  if (!names.length) return document.createTextNode('');
  const { positions, width, size } = layout(names, columns);
  const graph = svg('svg', { class: 'step-graph', width: size.width, height: size.height, viewBox: `0 0 ${size.width} ${size.height}`, role: 'img', 'aria-label': 'step graph' },
    svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z' }))));
  for (const edge of edges.filter((e) => positions.has(e.from) && positions.has(e.to))) {
    graph.append(svg('path', { class: edge.error ? 'edge error' : 'edge', d: edgePath(positions.get(edge.from), positions.get(edge.to), width), 'marker-end': 'url(#arrow)' }));
  }
  for (const name of names) {
    const status = name === 'complete' ? 'terminal' : statuses.get(name) || 'waiting';
    graph.append(node(name, status, positions.get(name), width));
  }
  return graph;
}
