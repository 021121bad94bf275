/*
 * viewer.js - the heap of one run of mdriver, at any moment of its trace.
 *
 * The data (one JSON object in <script id="data">, written by
 * driver/viewer.c) holds the trace, and per policy: where each operation's
 * block went (the driver's view), the heap's size over time, mm.c's blocks
 * (mm_walk_heap) as key frames and deltas, the breakdown and the failure.
 * A moment m is "after m operations": 0 is right after mm_init.
 *
 * One function per view: showOp, drawChart, drawHeap, showBreakdown,
 * showDetails, writeState; go(m) moves the moment and calls them all.
 * The state element (id "state") always holds what the page shows, for tests.
 */
"use strict";

const DATA = JSON.parse(document.getElementById("data").textContent);
const T = DATA.trace;
const N = T.ops;
T.line = new Uint32Array(N);    /* the trace lines, from their steps */
for (let i = 0, line = 0; i < N; i++) T.line[i] = line += T.line_step[i];
const COLOURS = {
  payload: "#0072B2", overhead: "#E69F00", free: "#9AD3A8", structure: "#7F7F7F",
  unknown: "#DDDDDD", growth: "#56B4E9", external: "#D55E00", fail: "#D00000",
  list: "#8E44AD", future: "#F4F4F4",
};
/* Driver-view snapshots every this many operations (a count). */
const SNAPSHOT_EVERY = 4096;
const ROW_HEIGHT = 18, ROW_GAP = 6, MAX_ROWS = 16, LEFT = 70;

const view = { m: 0, policy: 0, pinned: null };

/* ---- Numbers and words ------------------------------------------------- */

function hex(n) {
  return typeof n === "string" ? n : "0x" + n.toString(16);
}

function bytes(n) {
  return n.toLocaleString("en-US") + " B";
}

function pct(part, whole) {
  return whole > 0 ? (100 * part / whole).toFixed(1) + "%" : "-";
}

function opText(i) {
  const k = T.kind[i];
  return k === "f" ? "f " + T.id[i] : k + " " + T.id[i] + " " + T.size[i];
}

/* The index of the last element of sorted `arr` with key(e) <= x, or -1. */
function lastAtOrBelow(arr, x, key) {
  let lo = 0, hi = arr.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(arr[mid]) <= x) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  return found;
}

/* ---- Preparing the data ------------------------------------------------ */

/* Live payload bytes after each moment: the trace's alone. */
function liveOverTime() {
  const live = new Float64Array(N + 1), sizeOf = new Map();
  let sum = 0;
  for (let i = 0; i < N; i++) {
    const id = T.id[i];
    if (sizeOf.has(id)) { sum -= sizeOf.get(id); sizeOf.delete(id); }
    if (T.kind[i] !== "f") { sum += T.size[i]; sizeOf.set(id, T.size[i]); }
    live[i + 1] = sum;
  }
  return live;
}

/* A frame's blocks from the page's compact form (driver/viewer.c). */
function decodeBlocks(flat) {
  const out = [];
  for (let i = 1; i < flat.length;) {
    const off = flat[i], size = flat[i + 1], flags = flat[i + 2];
    i += 3;
    const b = { off, size, allocated: (flags & 1) !== 0, hasFooter: (flags & 2) !== 0,
                header: size | (flags & 1), footer: null, next: null };
    if (flags & 8) b.header = flat[i++];
    b.footer = b.hasFooter ? ((flags & 16) ? flat[i++] : b.header) : null;
    if (flags & 4) b.next = flat[i++];
    out.push(b);
  }
  return out;
}

function preparePolicy(P) {
  P.frames = P.frames.map(f => ({
    m: f[0], key: f[1] === 1, heap: f[2], payload: f[3], internal: f[4], external: f[5],
    structure: f[6], divided: f[7] === 1, removed: f[8], flat: f[9], added: null,
  }));
  P.cache = null;
  P.maxHeap = P.heapsz.reduce((a, h) => Math.max(a, h[1]), 1);
  /* Where the moments end: the failure, or the last complete operation. */
  P.last = P.fail ? P.fail.op + 1 : Math.max(P.recorded, 0);
  P.snapshots = driverSnapshots(P);
}

/* The driver's live blocks every SNAPSHOT_EVERY operations: ids and the
 * operation that placed each. */
function driverSnapshots(P) {
  const snaps = [], placedBy = new Map();
  const upto = Math.min(P.ptr.length, N);
  for (let i = 0; i <= upto; i++) {
    if (i % SNAPSHOT_EVERY === 0) snaps.push(new Map(placedBy));
    if (i === upto) break;
    applyOp(P, placedBy, i);
  }
  return snaps;
}

function applyOp(P, placedBy, i) {
  placedBy.delete(T.id[i]);
  if (T.kind[i] !== "f" && P.ptr[i] >= 0 && T.size[i] > 0) placedBy.set(T.id[i], i);
}

/* ---- The state at a moment ----------------------------------------------- */

/* The driver's live payloads after moment m: {id, off, size, line}, by address. */
function payloadsAt(P, m) {
  const upto = Math.min(m, P.ptr.length);
  const s = Math.floor(upto / SNAPSHOT_EVERY);
  const placedBy = new Map(P.snapshots[Math.min(s, P.snapshots.length - 1)]);
  for (let i = Math.min(s, P.snapshots.length - 1) * SNAPSHOT_EVERY; i < upto; i++)
    applyOp(P, placedBy, i);
  const out = [];
  for (const [id, i] of placedBy) out.push({ id, off: P.ptr[i], size: T.size[i], line: T.line[i] });
  out.sort((a, b) => a.off - b.off);
  return out;
}

/* mm.c's blocks at the last frame at or before m, by address, and that
 * frame; null when mm.c has no mm_walk_heap. */
function blocksAt(P, m) {
  if (!P.walk || P.frames.length === 0) return null;
  const fi = lastAtOrBelow(P.frames, m, f => f.m);
  if (fi < 0) return null;
  if (P.cache && P.cache.fi === fi) return P.cache;
  let k = fi;
  while (!P.frames[k].key) k--;
  let map, from;
  if (P.cache && P.cache.fi >= k && P.cache.fi < fi) {
    map = P.cache.map; from = P.cache.fi + 1;
  } else {
    map = new Map(); from = k;
  }
  for (let j = from; j <= fi; j++) {
    const f = P.frames[j];
    if (f.key) map.clear();
    for (const off of f.removed) map.delete(off);
    if (!f.added) f.added = decodeBlocks(f.flat);     /* when first needed */
    for (const b of f.added) map.set(b.off, b);
  }
  const blocks = Array.from(map.values()).sort((a, b) => a.off - b.off);
  P.cache = { fi, map, blocks, frame: P.frames[fi] };
  return P.cache;
}

function heapAt(P, m) {
  const i = lastAtOrBelow(P.heapsz, m, h => h[0]);
  return i < 0 ? 0 : P.heapsz[i][1];
}

/* The moments a student jumps to. */
function failureMoment(P) {
  if (P.fail) return P.fail.op + 1;
  if (P.failed_op >= 0) return Math.min(P.failed_op, P.last);  /* a crash: the heap just before */
  return -1;
}

function firstBadMoment(P) {
  if (!P.first_bad_line) return -1;
  const i = T.line.indexOf(P.first_bad_line);    /* a typed array: -1 when absent */
  return i < 0 ? -1 : i + 1;
}

function lastMoment() {
  return Math.max(...DATA.policies.map(P => P.last));
}

/* ---- Views ---------------------------------------------------------------- */

function showSummary() {
  document.getElementById("title").textContent = "The heap: " + T.name;
  const names = DATA.policies.map(P => P.label).join(", ");
  document.getElementById("summary").textContent =
    T.path + ": " + N.toLocaleString("en-US") + " operations, peak live payload " +
    bytes(T.peak_live) + " after operation " + T.peak + "; " +
    (DATA.policies.length > 1 ? "policies " : "policy ") + names + "." +
    (N > DATA.exact_limit ? " This trace is longer than " + DATA.exact_limit +
      " operations: mm.c's blocks are shown at sampled moments (and at every operation near a" +
      " failure); the driver's payloads at every operation." : "");
}

/* The operation just performed, and where its block went. */
function showOp(m) {
  const el = document.getElementById("op");
  el.textContent = "";
  const head = document.createElement("span");
  if (m === 0) {
    head.textContent = "Start: after mm_init, before the first operation. ";
  } else {
    head.innerHTML = "Operation " + m.toLocaleString("en-US") + " of " +
      N.toLocaleString("en-US") + ": <code></code> at line " + T.line[m - 1] + ". ";
    head.querySelector("code").textContent = opText(m - 1);
  }
  el.appendChild(head);
  const tail = document.createElement("span");
  tail.textContent = DATA.policies.map(P => {
    const parts = [P.label + ": heap " + bytes(heapAt(P, Math.min(m, P.last)))];
    if (m > 0 && m <= P.ptr.length && T.kind[m - 1] !== "f" && P.ptr[m - 1] >= 0)
      parts.push("block " + T.id[m - 1] + " at heap+" + hex(P.ptr[m - 1]));
    if (m > P.last) parts.push("the run ended at " + P.last);
    return parts.join(", ");
  }).join("; ");
  el.appendChild(tail);
}

/* Heap size, live payload, internal and external fragmentation over time,
 * for the selected policy; the cursor at m. */
function drawChart(m) {
  const c = document.getElementById("chart"), g = c.getContext("2d");
  const P = DATA.policies[view.policy];
  const W = c.width, H = c.height, pad = 4, end = Math.max(lastMoment(), 1);
  const x = t => pad + (W - 2 * pad) * t / end;
  if (!P.chart) P.chart = drawChartLines(P, W, H, pad, end, x);
  g.putImageData(P.chart, 0, 0);
  g.strokeStyle = "#000"; g.lineWidth = 1; g.beginPath();
  g.moveTo(x(m), 0); g.lineTo(x(m), H); g.stroke();
}

/* The chart's lines, drawn once per policy; returns the picture. */
function drawChartLines(P, W, H, pad, end, x) {
  const c = document.getElementById("chart"), g = c.getContext("2d");
  const top = Math.max(P.maxHeap, T.peak_live, 1);
  const y = v => H - pad - (H - 2 * pad) * v / top;
  g.clearRect(0, 0, W, H);
  if (!P.chartLive) P.chartLive = liveOverTime();
  const line = (colour, points, width) => {
    g.strokeStyle = colour; g.lineWidth = width; g.beginPath();
    points.forEach(([t, v], i) => i ? g.lineTo(x(t), y(v)) : g.moveTo(x(t), y(v)));
    g.stroke();
  };
  const steps = Math.min(end, W);
  const sample = f => { const pts = []; for (let s = 0; s <= steps; s++) { const t = Math.round(s * end / steps); pts.push([t, f(t)]); } return pts; };
  g.fillStyle = "#666"; g.font = "11px sans-serif";
  g.fillText(bytes(top), pad + 4, 12);
  line(COLOURS.structure, sample(t => heapAt(P, Math.min(t, P.last))), 2);
  line(COLOURS.payload, sample(t => P.chartLive[Math.min(t, N)]), 2);
  const stride = Math.max(1, Math.floor(P.frames.length / (2 * W)));
  const fr = P.frames.filter((f, i) => i % stride === 0 && f.divided);
  line(COLOURS.overhead, fr.map(f => [f.m, f.internal]), 1.5);
  line(COLOURS.external, fr.map(f => [f.m, f.external]), 1.5);
  document.getElementById("chart-legend").innerHTML =
    swatch(COLOURS.structure, "heap size") + swatch(COLOURS.payload, "live payload") +
    swatch(COLOURS.overhead, "internal fragmentation") + swatch(COLOURS.external, "external (free blocks)") +
    "<span>policy " + escapeHtml(P.label) + (DATA.policies.length > 1 ? " (press 1-" + DATA.policies.length + " for another)" : "") + "</span>";
  return g.getImageData(0, 0, W, H);
}

function swatch(colour, text) {
  return '<span><span class="swatch" style="background:' + colour + '"></span>' + escapeHtml(text) + "</span>";
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, ch => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]);
}

/* The heap's layout: bytes per row, pixels per byte; one scale for every
 * policy, so that their heaps compare at a glance. */
function layout(P, width) {
  const most = Math.max(...DATA.policies.map(Q => Q.maxHeap));
  let rowBytes = 64;     /* at most MAX_ROWS rows; a small heap in two, up to a page each */
  while (rowBytes * MAX_ROWS < most || (rowBytes * 2 < most && rowBytes < DATA.page)) rowBytes *= 2;
  const rows = Math.max(1, Math.ceil(P.maxHeap / rowBytes));
  return { rowBytes, rows, scale: (width - LEFT) / rowBytes, height: rows * (ROW_HEIGHT + ROW_GAP) + 14 };
}

/* Call fn(x, y, w) for each row piece of bytes [a, b). */
function spans(L, a, b, fn) {
  for (let r = Math.floor(a / L.rowBytes); r * L.rowBytes < b && r < L.rows; r++) {
    const lo = Math.max(a, r * L.rowBytes) - r * L.rowBytes;
    const hi = Math.min(b, (r + 1) * L.rowBytes) - r * L.rowBytes;
    fn(LEFT + lo * L.scale, 12 + r * (ROW_HEIGHT + ROW_GAP), Math.max((hi - lo) * L.scale, 1));
  }
}

/* Where a block is drawn, for the free-list arrows: its first row piece's middle. */
function anchor(L, off, size) {
  let at = null;
  spans(L, off, off + Math.max(size, 1), (x, y, w) => { if (!at) at = [x + w / 2, y]; });
  return at;
}

/* What the page shows of policy P at m: mm.c's blocks (or the driver's
 * payloads without mm_walk_heap), the payloads, the heap's size. */
function momentOf(P, m) {
  const at = Math.min(m, P.last);
  const walked = blocksAt(P, at);
  return { at, walked, payloads: payloadsAt(P, Math.min(at, P.ptr.length)), heap: heapAt(P, at),
           exact: walked ? walked.frame.m === at : false };
}

function drawHeap(P, m) {
  const sec = P.section, c = sec.canvas, g = c.getContext("2d");
  const L = layout(P, c.width);
  if (c.height !== L.height) c.height = L.height;
  P.layout = L;
  const M = momentOf(P, m);
  P.moment = M;
  g.clearRect(0, 0, c.width, c.height);
  spans(L, 0, L.rows * L.rowBytes, (x, y, w) => { g.fillStyle = COLOURS.future; g.fillRect(x, y, w, ROW_HEIGHT); });
  spans(L, 0, M.heap, (x, y, w) => { g.fillStyle = COLOURS.unknown; g.fillRect(x, y, w, ROW_HEIGHT); });
  const fill = (colour, a, b, inset) => spans(L, a, b, (x, y, w) => {
    g.fillStyle = colour; g.fillRect(x, y + (inset || 0), w, ROW_HEIGHT - 2 * (inset || 0));
  });
  if (M.walked) {   /* blocks and payloads are both in address order */
    let k = 0;
    for (const b of M.walked.blocks) {
      while (k < M.payloads.length && M.payloads[k].off < b.off) k++;
      const holds = k < M.payloads.length && M.payloads[k].off < b.off + b.size;
      fill(!b.allocated ? COLOURS.free : holds ? COLOURS.overhead : COLOURS.structure, b.off, b.off + b.size);
    }
  }
  for (const p of M.payloads) fill(COLOURS.payload, p.off, p.off + p.size, M.walked ? 3 : 0);
  if (M.walked) {   /* block edges, where a block is wide enough to see one */
    g.fillStyle = "#fff";
    for (const b of M.walked.blocks)
      if (b.size * L.scale >= 4) spans(L, b.off, b.off + 1, (x, y) => g.fillRect(x, y, 1, ROW_HEIGHT));
  }
  drawOffsets(g, L);
  drawPages(g, L, M.heap);
  drawBreak(g, L, M.heap);
  if (P.lists && M.walked) drawFreeList(g, L, M.walked.blocks);
  drawCurrent(g, L, P, M, m);
  drawFailure(g, L, P, M);
  sec.note.textContent = heapNote(P, M, m);
}

function heapNote(P, M, m) {
  const parts = ["heap " + bytes(M.heap)];
  if (!P.walk) parts.push("mm.c has no mm_walk_heap: the driver's view (payloads; grey: not in any payload)");
  else if (!M.walked) parts.push("no blocks recorded");
  else if (!M.exact) parts.push("mm.c's blocks as of operation " + M.walked.frame.m + " (sampled); payloads exact");
  else parts.push(M.walked.blocks.length + " blocks (mm_walk_heap)");
  if (m > P.last) parts.push(P.fail || P.failed_op >= 0 ? "the run stopped at its failure: showing operation " + P.last : "");
  if (P.truncated) parts.push("the recording ran out of room after operation " + P.recorded);
  return parts.filter(Boolean).join(" · ");
}

/* Each row's first offset, at its left. */
function drawOffsets(g, L) {
  g.fillStyle = "#555"; g.font = "11px ui-monospace, monospace";
  for (let r = 0; r < L.rows; r++)
    g.fillText("+0x" + (r * L.rowBytes).toString(16), 2, 12 + r * (ROW_HEIGHT + ROW_GAP) + 13);
}

function drawPages(g, L, heap) {
  if (DATA.page * L.scale < 6) return;
  g.fillStyle = "#333";
  for (let a = 0; a <= heap; a += DATA.page)
    spans(L, a, a + 1, (x, y) => g.fillRect(x, y - 5, 1, 4));
}

function drawBreak(g, L, heap) {
  g.fillStyle = COLOURS.fail;
  const r = Math.min(Math.floor(heap / L.rowBytes), L.rows - 1);
  const x = LEFT + (heap - r * L.rowBytes) * L.scale, y = 12 + r * (ROW_HEIGHT + ROW_GAP);
  const right = LEFT + L.rowBytes * L.scale;
  g.fillRect(Math.min(x, right - 2), y - 4, 2, ROW_HEIGHT + 8);
  g.font = "10px sans-serif";
  g.fillText("break", Math.min(x + 3, right - 30), y - 2);
}

/* Free lists: an arrow from each free block to the next of its list. */
function drawFreeList(g, L, blocks) {
  g.strokeStyle = COLOURS.list; g.fillStyle = COLOURS.list; g.lineWidth = 1.5;
  const byOff = new Map(blocks.map(b => [b.off, b]));
  for (const b of blocks) {
    if (b.allocated || b.next === null || !byOff.has(b.next)) continue;
    const n = byOff.get(b.next);
    const a = anchor(L, b.off, b.size), z = anchor(L, n.off, n.size);
    if (!a || !z) continue;
    const lift = 10 + Math.min(40, Math.abs(z[0] - a[0]) / 4);
    g.beginPath(); g.moveTo(a[0], a[1]);
    g.bezierCurveTo(a[0], a[1] - lift, z[0], z[1] - lift, z[0], z[1]); g.stroke();
    g.beginPath(); g.moveTo(z[0], z[1]); g.lineTo(z[0] - 4, z[1] - 6); g.lineTo(z[0] + 4, z[1] - 6); g.fill();
  }
}

function outline(g, L, a, b, colour, width) {
  g.strokeStyle = colour; g.lineWidth = width;
  spans(L, a, Math.max(b, a + 1), (x, y, w) => g.strokeRect(x + 0.5, y - 1.5, Math.max(w - 1, 2), ROW_HEIGHT + 3));
}

/* Where operation i put its block: for a free, where the block was. */
function opOffset(P, i) {
  if (T.kind[i] !== "f") return P.ptr[i];
  for (let j = i - 1; j >= 0; j--)
    if (T.id[j] === T.id[i]) return T.kind[j] === "f" ? -1 : P.ptr[j];
  return -1;
}

/* The block of the operation just performed. */
function drawCurrent(g, L, P, M, m) {
  if (m === 0 || m > P.ptr.length || m > P.last) return;
  const i = m - 1, off = opOffset(P, i);
  if (off < 0) return;
  const b = M.walked && M.walked.blocks.find(k => off >= k.off && off < k.off + k.size);
  if (b) outline(g, L, b.off, b.off + b.size, "#000", 2);
  else outline(g, L, off, off + T.size[i], "#000", 2);
}

/* At the failure: the damaged bytes, or the block returned over live ones. */
function drawFailure(g, L, P, M) {
  if (!P.fail || M.at !== P.fail.op + 1 || P.fail.from < 0) return;
  const from = P.fail.from, to = Math.max(P.fail.to, from + 1);
  for (const p of M.payloads)
    if (p.off < to && p.off + p.size > from) outline(g, L, p.off, p.off + p.size, COLOURS.fail, 2);
  spans(L, from, to, (x, y, w) => {
    g.fillStyle = "rgba(208,0,0,0.55)"; g.fillRect(x, y - 3, Math.max(w, 3), ROW_HEIGHT + 6);
  });
}

/* Where the memory went: the run's breakdown at its peak, and the heap now. */
function showBreakdown(m) {
  const box = document.getElementById("breakdown-bars");
  box.textContent = "";
  for (const P of DATA.policies) {
    const B = P.breakdown, M = P.moment || momentOf(P, m);
    const div = document.createElement("div");
    let html = "<h3>" + escapeHtml(P.label) + "</h3>";
    if (B.measured) {
      const parts = B.divided
        ? [["payload", B.payload, COLOURS.payload], ["internal", B.internal, COLOURS.overhead],
           ["external", B.external, COLOURS.external], ["structure", B.structure, COLOURS.structure],
           ["growth", B.growth, COLOURS.growth]]
        : [["payload", B.payload, COLOURS.payload],
           ["overhead and free blocks, undivided (" + B.why + ")", B.heap - B.payload - B.growth, COLOURS.unknown],
           ["growth", B.growth, COLOURS.growth]];
      html += '<p class="bar-label">The final heap (' + bytes(B.heap) + "), split at the peak of live payload:</p>" + bar(parts, B.heap);
    } else {
      html += '<p class="bar-label">No breakdown: the run did not finish valid.</p>';
    }
    const f = M.walked && M.walked.frame;
    if (f && f.divided) {
      html += '<p class="bar-label">The heap at operation ' + f.m + " (" + bytes(f.heap) + "):</p>" +
        bar([["payload", f.payload, COLOURS.payload], ["internal", f.internal, COLOURS.overhead],
             ["external", f.external, COLOURS.external], ["structure", f.structure, COLOURS.structure]], f.heap);
    }
    div.innerHTML = html;
    box.appendChild(div);
  }
}

function bar(parts, whole) {
  const cells = parts.map(([name, n, colour]) =>
    '<div title="' + escapeHtml(name + ": " + bytes(n) + " (" + pct(n, whole) + ")") +
    '" style="background:' + colour + ";width:" + (whole > 0 ? 100 * n / whole : 0) + '%"></div>').join("");
  const words = parts.map(([name, n, colour]) => swatch(colour, name + " " + bytes(n) + " (" + pct(n, whole) + ")")).join("");
  return '<div class="bar">' + cells + '</div><p class="legend">' + words + "</p>";
}

/* A block's details: mm.c's block and the payload in it. */
function showDetails(target, P, off) {
  const M = P.moment;
  if (!M) return;
  const b = M.walked ? M.walked.blocks.find(k => off >= k.off && off < k.off + Math.max(k.size, 1)) : null;
  const p = M.payloads.find(q => off >= q.off && off < q.off + q.size) ||
            (b ? M.payloads.find(q => q.off >= b.off && q.off < b.off + b.size) : null);
  const rows = [["policy", P.label], ["byte", "heap+" + hex(off)]];
  if (b) {
    rows.push(["block", (b.allocated ? "allocated" : "free") + ", " + bytes(b.size) + " at heap+" + hex(b.off)]);
    rows.push(["header word", hex(b.header)]);
    rows.push(["footer word", b.hasFooter ? hex(b.footer) + (b.footer !== b.header ? "  (differs from its header)" : "") : "none"]);
    if (b.next !== null) rows.push(["next free", "heap+" + hex(b.next)]);
  }
  if (p) {
    rows.push(["trace id", String(p.id)]);
    rows.push(["placed by line", String(p.line)]);
    rows.push(["requested", bytes(p.size)]);
    rows.push(["payload", "heap+" + hex(p.off) + " to heap+" + hex(p.off + p.size)]);
  } else if (!b) {
    rows.push(["", off < M.heap ? "not in any payload" : "past the break"]);
  }
  target.innerHTML = "<table>" + rows.map(([k, v]) => "<tr><td>" + escapeHtml(k) + "</td><td>" + escapeHtml(v) + "</td></tr>").join("") + "</table>";
}

/* The state element: what the page shows, for tests and scripts. */
function writeState(m) {
  const state = { op: m, line: m > 0 ? T.line[m - 1] : 0, text: m > 0 ? opText(m - 1) : "",
                  ms: Math.round(performance.now()),
                  policy: DATA.policies[view.policy].label, policies: {} };
  for (const P of DATA.policies) {
    const M = P.moment || momentOf(P, m), B = P.breakdown;
    const blocks = M.walked ? M.walked.blocks.map(b => [b.off, b.size, b.allocated ? 1 : 0])
                            : M.payloads.map(p => [p.off, p.size, 1]);
    const f = M.walked && M.walked.frame;
    state.policies[P.label] = {
      shown: M.at, exact: M.walked ? M.exact : M.at === m, source: M.walked ? "mm_walk_heap" : "driver",
      heap: M.heap, blocks,
      breakdown: B.measured ? [B.payload, B.divided ? B.internal : null, B.divided ? B.external : null,
                               B.divided ? B.structure : null, B.growth] : null,
      now: f && f.divided ? [f.payload, f.internal, f.external, f.structure, f.heap] : null,
      lists: P.lists && M.walked ? M.walked.blocks.filter(b => !b.allocated && b.next !== null).map(b => [b.off, b.next]) : [],
      failure: P.failed_op >= 0 ? { op: P.failed_op, moment: failureMoment(P), first_bad: firstBadMoment(P), kind: P.failure,
        marked: P.fail && M.at === P.fail.op + 1 && P.fail.from >= 0 ? [P.fail.from, Math.max(P.fail.to, P.fail.from + 1)] : null,
        blocks: markedPayloads(P, M) } : null,
    };
  }
  document.getElementById("state").textContent = JSON.stringify(state);
}

function markedPayloads(P, M) {
  if (!P.fail || M.at !== P.fail.op + 1 || P.fail.from < 0) return [];
  const to = Math.max(P.fail.to, P.fail.from + 1);
  return M.payloads.filter(p => p.off < to && p.off + p.size > P.fail.from).map(p => [p.off, p.size, p.id]);
}

/* ---- Building the page ---------------------------------------------------- */

function buildPolicies() {
  const main = document.getElementById("heaps");
  DATA.policies.forEach((P, k) => {
    const sec = document.createElement("section");
    sec.className = "policy";
    const h = document.createElement("h2");
    h.textContent = (DATA.policies.length > 1 || P.label !== "mm" ? "Policy " + P.label : "mm.c") +
      (P.valid ? ": valid, utilization " + (100 * P.util).toFixed(1) + "%" : ": FAILED (" + P.failure + ")");
    sec.appendChild(h);
    const note = document.createElement("p"); note.className = "note"; sec.appendChild(note);
    if (P.message) {
      const pre = document.createElement("div"); pre.className = "failure";
      pre.textContent = P.message + (P.crash ? "\n(The page shows the heap just before the operation that failed.)" : "");
      sec.appendChild(pre);
    }
    const canvas = document.createElement("canvas");
    canvas.width = 1000; canvas.height = 40;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "the heap under " + P.label);
    sec.appendChild(canvas);
    const legend = document.createElement("p"); legend.className = "legend";
    legend.innerHTML = swatch(COLOURS.payload, "payload") + swatch(COLOURS.overhead, "block overhead (tags, padding)") +
      swatch(COLOURS.free, "free block") + swatch(COLOURS.structure, "allocator structure") +
      swatch(COLOURS.unknown, P.walk ? "not in any block" : "not in any payload") +
      (P.lists ? swatch(COLOURS.list, "free list order") : "") + swatch(COLOURS.fail, "break, failure");
    sec.appendChild(legend);
    main.appendChild(sec);
    P.section = { root: sec, canvas, note };
    canvas.addEventListener("mousemove", e => hover(P, e));
    canvas.addEventListener("mouseleave", () => { document.getElementById("tooltip").hidden = true; });
    canvas.addEventListener("click", e => { view.policy = k; view.pinned = { k, off: offsetAt(P, e) }; go(view.m); });
  });
}

function offsetAt(P, e) {
  const L = P.layout, r = P.section.canvas.getBoundingClientRect();
  const sx = P.section.canvas.width / r.width, sy = P.section.canvas.height / r.height;
  const x = (e.clientX - r.left) * sx - LEFT, y = (e.clientY - r.top) * sy;
  const row = Math.max(0, Math.min(L.rows - 1, Math.floor((y - 12 + ROW_GAP / 2) / (ROW_HEIGHT + ROW_GAP))));
  return Math.max(0, Math.floor(row * L.rowBytes + Math.max(x, 0) / L.scale));
}

function hover(P, e) {
  const tip = document.getElementById("tooltip");
  showDetails(tip, P, offsetAt(P, e));
  tip.hidden = false;
  tip.style.left = Math.min(e.clientX + 14, window.innerWidth - 320) + "px";
  tip.style.top = (e.clientY + 14) + "px";
}

let pending = false;

/* Move to moment m and draw every view. */
function go(m) {
  const end = lastMoment();
  view.m = Math.max(0, Math.min(end, Math.round(m)));
  const slider = document.getElementById("slider");
  slider.value = view.m;
  if (!pending) {
    pending = true;
    requestAnimationFrame(render);
  }
}

function render() {
  pending = false;
  const m = view.m;
  DATA.policies.forEach((P, k) => {
    P.moment = null;
    P.section.root.classList.toggle("selected", k === view.policy);
    drawHeap(P, m);
  });
  showOp(m);
  drawChart(m);
  showBreakdown(m);
  if (view.pinned) showDetails(document.getElementById("details"), DATA.policies[view.pinned.k], view.pinned.off);
  writeState(m);
  const hash = "#op=" + m + (DATA.policies.length > 1 ? "&policy=" + encodeURIComponent(DATA.policies[view.policy].label) : "");
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const k = DATA.policies.findIndex(P => P.label === params.get("policy"));
  if (k >= 0) view.policy = k;
  const op = parseInt(params.get("op"), 10);
  return Number.isFinite(op) ? op : 0;
}

function jumps() {
  const P = () => DATA.policies[view.policy];
  const any = f => DATA.policies.map(f).filter(v => v >= 0);
  const failures = any(failureMoment), bads = any(firstBadMoment);
  const target = {
    "go-start": () => 0, "go-end": () => lastMoment(), "go-peak": () => T.peak,
    "go-back": () => view.m - 1, "go-forward": () => view.m + 1,
    "go-failure": () => failureMoment(P()) >= 0 ? failureMoment(P()) : failures[0],
    "go-bad": () => firstBadMoment(P()) >= 0 ? firstBadMoment(P()) : bads[0],
  };
  for (const id in target) document.getElementById(id).addEventListener("click", () => go(target[id]()));
  document.getElementById("go-failure").disabled = failures.length === 0;
  document.getElementById("go-bad").disabled = bads.length === 0;
  return target;
}

function wire() {
  const slider = document.getElementById("slider");
  slider.max = lastMoment();
  slider.addEventListener("input", () => go(Number(slider.value)));
  const target = jumps();
  document.addEventListener("keydown", e => {
    if (e.target !== document.body && e.target !== slider && e.target.tagName !== "BUTTON" && e.target.tagName !== "CANVAS") return;
    const step = e.shiftKey ? 100 : 1;
    const keys = {
      ArrowLeft: () => view.m - step, ArrowRight: () => view.m + step, Home: () => 0, End: () => lastMoment(),
      p: target["go-peak"], x: target["go-failure"], b: target["go-bad"],
    };
    if (e.key >= "1" && e.key <= "9" && Number(e.key) <= DATA.policies.length) {
      view.policy = Number(e.key) - 1; go(view.m); e.preventDefault(); return;
    }
    if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const t = keys[e.key]();
      if (t !== undefined && t >= 0) go(t);
      e.preventDefault();
    }
  });
  document.getElementById("chart").addEventListener("click", e => {
    const c = e.currentTarget, r = c.getBoundingClientRect();
    go((e.clientX - r.left) / r.width * lastMoment());
  });
  window.addEventListener("hashchange", () => go(readHash()));
}

/* #bench=K: after the first picture, draw K evenly spread moments, one
 * after another, and K single steps forward, and put the mean time of each
 * in the state element (make bench reads them: BENCHMARKS.md). */
function bench(k) {
  const time = moments => {
    const t0 = performance.now();
    for (const m of moments) { view.m = m; render(); }
    return (performance.now() - t0) / moments.length;
  };
  const end = lastMoment(), jumps = [], steps = [];
  for (let i = 0; i < k; i++) jumps.push(Math.floor((i * 7919 % k) * end / k));
  for (let i = 0; i < k; i++) steps.push(Math.floor(end / 2) + i);
  const first = performance.now();
  const jumpMs = time(jumps), stepMs = time(steps);
  const state = JSON.parse(document.getElementById("state").textContent);
  state.bench = { first_ms: Math.round(first), jump_ms: +jumpMs.toFixed(2), step_ms: +stepMs.toFixed(2) };
  document.getElementById("state").textContent = JSON.stringify(state);
}

function main() {
  DATA.policies.forEach(preparePolicy);
  showSummary();
  buildPolicies();
  wire();
  go(readHash());
  render();     /* the first picture now, not at the next frame: the state is there on load */
  const k = parseInt(new URLSearchParams(location.hash.slice(1)).get("bench"), 10);
  if (k > 0) requestAnimationFrame(() => requestAnimationFrame(() => bench(k)));
}

main();
