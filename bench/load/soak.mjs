// The soak driver (bench/load/README.md): CLIENTS concurrent users against one or more galley
// nodes for SECONDS, each going through what a real user does — register, create a project,
// upload TXT and DOCX files from the shared corpus, start a run, follow it over server-sent
// events, read and review suggestions, preview, download exports and the changelog, delete old
// documents — and a report of requests/s, p50/p99 per route and every 5xx. Exits 1 on any 5xx or
// transport failure. Usage:
//   node bench/load/soak.mjs --bases http://127.0.0.1:8080[,...] --seconds 60 [--clients 64] [--corpus DIR]
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const bases = (args.bases || 'http://127.0.0.1:8080').split(',');
const seconds = Number(args.seconds || 60);
const clients = Number(args.clients || 64);
const corpus = args.corpus || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpus');

const novel = fs.readFileSync(path.join(corpus, 'text/es__la_regenta.txt'), 'utf8');
const docxDir = path.join(corpus, 'docx');
const docxFiles = fs.readdirSync(docxDir).filter((f) => f.endsWith('.docx'))
  .map((f) => fs.readFileSync(path.join(docxDir, f))).filter((b) => b.length < 200_000);

const stats = new Map();  // route -> {count, errors5xx, latencies[]}
let transportFailures = 0;
const failures = [];
function record(route, status, ms) {
  let s = stats.get(route);
  if (!s) stats.set(route, s = { count: 0, s5xx: 0, other: new Map(), latencies: [] });
  s.count++;
  s.latencies.push(ms);
  if (status >= 500) {
    s.s5xx++;
    if (failures.length < 20) failures.push(`${route} -> ${status}`);
  } else if (status >= 400) {
    s.other.set(status, (s.other.get(status) || 0) + 1);
  }
}

async function call(base, route, method, target, { token, body, headers = {}, raw = false } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = 'Bearer ' + token;
  if (body !== undefined && !(body instanceof Buffer) && typeof body !== 'string') {
    h['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  const t0 = performance.now();
  try {
    const r = await fetch(base + target, { method, headers: h, body, signal: AbortSignal.timeout(120_000) });
    const bytes = Buffer.from(await r.arrayBuffer());
    record(route, r.status, performance.now() - t0);
    if (raw) return { status: r.status, bytes };
    let json = null;
    try { json = JSON.parse(bytes.toString('utf8')); } catch (_) { /* not JSON */ }
    return { status: r.status, json };
  } catch (e) {
    transportFailures++;
    if (failures.length < 20) failures.push(`${route}: ${e.message}`);
    record(route, 0, performance.now() - t0);
    return { status: 0, json: null };
  }
}

// Follows the run's event stream until it ends (the run finished) or 120 s pass.
async function follow(base, token, runId) {
  const t0 = performance.now();
  try {
    const r = await fetch(`${base}/api/v1/runs/${runId}/events`, {
      headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
      signal: AbortSignal.timeout(120_000),
    });
    const reader = r.body.getReader();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
      if (/event: (run|done|end)/.test(text) && /"status":"(succeeded|partial|failed|cancelled)"/.test(text)) {
        await reader.cancel();
        break;
      }
    }
    record('GET /runs/{id}/events', r.status, performance.now() - t0);
  } catch (e) {
    if (e.name !== 'TimeoutError') {
      transportFailures++;
      if (failures.length < 20) failures.push(`events: ${e.message}`);
    }
    record('GET /runs/{id}/events', 0, performance.now() - t0);
  }
}

async function waitFinal(base, token, runId, until) {
  while (Date.now() < until + 120_000) {
    const r = await call(base, 'GET /runs/{id}', 'GET', `/api/v1/runs/${runId}`, { token });
    const status = r.json?.data?.status;
    if (['succeeded', 'partial', 'failed', 'cancelled'].includes(status)) return status;
    await new Promise((res) => setTimeout(res, 250));
  }
  return 'timeout';
}

async function user(n, until) {
  const base = bases[n % bases.length];
  const email = `soak-${process.pid}-${n}@load.example`;
  const reg = await call(base, 'POST /auth/register', 'POST', '/api/v1/auth/register',
    { body: { email, password: 'soak-password-1' } });
  let token = reg.json?.data?.access_token;
  let refresh = reg.json?.data?.refresh_token;
  if (!token) return;
  const project = (await call(base, 'POST /projects', 'POST', '/api/v1/projects', { token, body: { name: `soak ${n}` } }))
    .json?.data?.id;
  if (!project) return;
  const documents = [];
  for (let round = 0; Date.now() < until; round++) {
    // A fresh access token now and then, as the page does before its token expires.
    if (round % 5 === 4) {
      const r = await call(base, 'POST /auth/refresh', 'POST', '/api/v1/auth/refresh', { body: { refresh_token: refresh } });
      if (r.json?.data?.access_token) ({ access_token: token, refresh_token: refresh } = r.json.data);
    }
    const start = Math.floor(Math.random() * (novel.length - 6000));
    const txt = novel.slice(start, start + 3000 + Math.floor(Math.random() * 3000));
    const up = round % 3 === 2 && docxFiles.length > 0
      ? await call(base, 'POST /projects/{id}/documents', 'POST',
        `/api/v1/projects/${project}/documents?filename=r${round}.docx`,
        { token, body: docxFiles[(n + round) % docxFiles.length], headers: { 'Content-Type': 'application/octet-stream' } })
      : await call(base, 'POST /projects/{id}/documents', 'POST',
        `/api/v1/projects/${project}/documents?filename=r${round}.txt`,
        { token, body: Buffer.from(txt), headers: { 'Content-Type': 'text/plain' } });
    const docId = up.json?.data?.id;
    if (!docId) continue;
    documents.push(docId);
    const run = await call(base, 'POST /projects/{id}/runs', 'POST', `/api/v1/projects/${project}/runs`,
      { token, body: { document_ids: [docId] } });
    const runId = run.json?.data?.id;
    if (!runId) continue;
    await follow(base, token, runId);
    if ((await waitFinal(base, token, runId, until)) === 'timeout') continue;
    const sugg = await call(base, 'GET /runs/{id}/suggestions', 'GET', `/api/v1/runs/${runId}/suggestions?limit=50`, { token });
    const items = sugg.json?.data?.items || [];
    if (items.length > 0) {
      await call(base, 'POST /runs/{id}/reviews', 'POST', `/api/v1/runs/${runId}/reviews`, {
        token, body: { decisions: items.slice(0, 5).map((s, i) => ({ suggestion_id: s.id, decision: i % 2 ? 'rejected' : 'accepted' })) },
      });
    }
    await call(base, 'GET /runs/{id}/preview', 'GET', `/api/v1/runs/${runId}/preview?document_id=${docId}&format=txt`, { token, raw: true });
    const exports = (await call(base, 'GET /runs/{id}/exports', 'GET', `/api/v1/runs/${runId}/exports`, { token })).json?.data?.items || [];
    if (exports.length > 0) {
      const e = exports[round % exports.length];
      await call(base, 'GET /runs/{id}/exports/{id}/download', 'GET', `/api/v1/runs/${runId}/exports/${e.id}/download`, { token, raw: true });
    }
    await call(base, 'GET /runs/{id}/changelog.csv', 'GET', `/api/v1/runs/${runId}/changelog.csv`, { token, raw: true });
    await call(base, 'GET /users/me', 'GET', '/api/v1/users/me', { token });
    // Storage stays bounded: the oldest documents go.
    while (documents.length > 3) {
      await call(base, 'DELETE /documents/{id}', 'DELETE', `/api/v1/documents/${documents.shift()}`, { token });
    }
  }
}

const started = Date.now();
const until = started + seconds * 1000;
await Promise.all(Array.from({ length: clients }, (_, i) => user(i, until)));
const elapsed = (Date.now() - started) / 1000;

const pct = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
let total = 0, total5xx = 0;
const rows = [...stats.entries()].sort((a, b) => b[1].count - a[1].count).map(([route, s]) => {
  const sorted = s.latencies.sort((x, y) => x - y);
  total += s.count;
  total5xx += s.s5xx;
  const other = [...s.other.entries()].map(([c, k]) => `${c}x${k}`).join(' ');
  return `${route.padEnd(40)} ${String(s.count).padStart(7)} ${pct(sorted, 0.5).toFixed(1).padStart(9)} ${pct(sorted, 0.99).toFixed(1).padStart(9)} ${String(s.s5xx).padStart(5)}  ${other}`;
});
console.log(`soak: ${clients} clients on ${bases.length} node(s) for ${elapsed.toFixed(0)} s`);
console.log(`${'route'.padEnd(40)} ${'count'.padStart(7)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'5xx'.padStart(5)}  4xx`);
for (const r of rows) console.log(r);
console.log(`total: ${total} requests, ${(total / elapsed).toFixed(1)} requests/s, ${total5xx} 5xx, ${transportFailures} transport failures`);
for (const f of failures) console.log('failure:', f);
process.exit(total5xx === 0 && transportFailures === 0 && total > 0 ? 0 : 1);
