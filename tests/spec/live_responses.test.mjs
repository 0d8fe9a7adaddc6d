// Live responses against the spec (#14 item 4): starts the real galley (GALLEY_BINARY, default
// build/galley) on a free port with a temporary directory and SQLite, calls every operation that
// http/openapi.json documents at least once with realistic data, and checks each answer against the
// spec: the status must be documented for that operation, the Content-Type must be one the spec
// lists for that status, and a JSON body must validate against the schema there (a `$ref` response
// such as #/components/responses/E404 is followed). Also drives a few documented errors per area
// (401 without a token, 404 for a stranger, 422 for an invalid field, 403 below the needed role...).
// At the end it fails listing every operation never called and every response that disagreed.
//
//   node tests/spec/live_responses.test.mjs          (from the repository root; exit 0 = pass)
//
// Needs only Node 18+ and tests/spec/node_modules (ajv, ajv-formats). No fixed sleeps: every wait
// polls a condition under a deadline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { base, LIMIT, spec, ajv, esc, validator, operations, exercised, failures, checks, pass, fail, check, need, call, data, until } from './spec_checks.mjs';
import { makeDocx, TEXT, DOCX_PARAGRAPHS, dbUrl, startGalley, galleyCommand, startWebhookReceiver } from './server_fixtures.mjs';

// ---------------------------------------------------------------------------------------------
// The scenario.
async function scenario(work, hook) {
  const A = '/api/v1';
  const terminal = new Set(['succeeded', 'partial', 'failed', 'cancelled']);
  const email = (who) => `${who}-${process.pid}@example.com`;

  // The validator is not vacuous: it refuses a run whose fields break the spec.
  const getRun200 = validator(`/paths/${esc('/api/v1/runs/{run_id}')}/get/responses/200/content/${esc('application/json')}/schema`);
  check(!getRun200({ ok: true, data: { id: 'not-a-uuid', status: 'bogus', created_at: 'yesterday' }, request_id: 'r' }) &&
    getRun200.errors.length >= 3, 'the validator refuses a run with a bad id, status and created_at');

  // Operations endpoints.
  await call('GET', '/healthz', { expect: 200 });
  await call('GET', '/readyz', { expect: 200 });
  const metrics = await call('GET', '/metrics', { expect: 200 });
  check(metrics.text.includes('galley_http_requests_total'), 'metrics name galley_http_requests_total');
  const served = await call('GET', A + '/openapi.json', { expect: 200 });
  if (served.json && JSON.stringify(served.json) !== JSON.stringify(spec))
    console.log('# note: the served openapi.json differs from http/openapi.json (the binary predates the file); validating against the file');

  // Auth: register, login, errors.
  const register = async (who, extra = {}) => data(await call('POST', A + '/auth/register',
    { json: { email: email(who), password: 'correct horse ' + who, name: who, ...extra }, expect: 201 }));
  const alice = need(await register('alice'), 'alice registered');
  const bob = need(await register('bob'), 'bob registered');
  const carol = need(await register('carol'), 'carol registered');
  const dave = need(await register('dave'), 'dave registered');
  await call('POST', A + '/auth/register', { json: { email: email('alice').toUpperCase(), password: 'another password' }, expect: 409, note: 'duplicate email' });
  await call('POST', A + '/auth/register', { json: { email: email('eve'), password: 'short' }, expect: 422, note: 'short password' });
  await call('POST', A + '/auth/register', { json: '{"email": ', expect: 400, note: 'malformed JSON' });
  const aliceLogin = data(await call('POST', A + '/auth/login', { json: { email: email('alice'), password: 'correct horse alice' }, expect: 200 }));
  await call('POST', A + '/auth/login', { json: { email: email('alice'), password: 'wrong password!' }, expect: 401, note: 'wrong password' });
  await call('POST', A + '/auth/login', { json: { email: 'not-an-email', password: 'whatever123' }, expect: 401, note: 'not an email: same answer as a wrong password' });
  await call('POST', A + '/auth/login', { json: { password: 'whatever123' }, expect: 422, note: 'no email' });
  const tA = need(aliceLogin && aliceLogin.access_token, 'alice token');
  const tB = bob.access_token, tC = carol.access_token;

  // Refresh rotation and reuse, logout.
  const refreshed = data(await call('POST', A + '/auth/refresh', { json: { refresh_token: aliceLogin.refresh_token }, expect: 200 }));
  check(refreshed && refreshed.refresh_token !== aliceLogin.refresh_token, 'refresh rotates the refresh token');
  await call('POST', A + '/auth/refresh', { json: { refresh_token: aliceLogin.refresh_token }, expect: 401, note: 'reused refresh token' });
  await call('POST', A + '/auth/refresh', { json: {}, expect: 422, note: 'no refresh_token' });
  await call('POST', A + '/auth/logout', { json: { refresh_token: dave.refresh_token }, expect: 200 });
  await call('POST', A + '/auth/logout', { json: '[1,', expect: 400, note: 'malformed JSON' });

  // Users.
  const me = data(await call('GET', A + '/users/me', { token: tA, expect: 200 }));
  check(me && me.id === alice.user.id, 'users/me is alice');
  await call('GET', A + '/users/me', { expect: 401, note: 'no token' });
  await call('GET', A + '/users/me', { token: tA.slice(0, -2) + (tA.endsWith('AA') ? 'BB' : 'AA'), expect: 401, note: 'tampered token' });

  // Settings and webhooks.
  await call('GET', A + '/users/me/settings', { token: tA, expect: 200 });
  await call('PUT', A + '/users/me/settings', {
    token: tA, expect: 200,
    json: { language: 'es', variant: null, rules_disabled: [], tracked_changes: true, webhook_url: hook.url },
  });
  await call('PUT', A + '/users/me/settings', { token: tA, json: { language: 'klingon' }, expect: 422, note: 'invalid language' });
  await call('GET', A + '/users/me/settings', { expect: 401, note: 'no token' });
  const secret = data(await call('POST', A + '/users/me/webhook-secret', { token: tA, expect: 201 }));
  check(secret && typeof secret.secret === 'string' && secret.secret.length > 0, 'webhook secret returned');
  await call('POST', A + '/users/me/webhook-secret', { expect: 401, note: 'no token' });

  // Rules.
  const rules = data(await call('GET', A + '/rules', { token: tA, query: { language: 'es' }, expect: 200 }));
  check(rules && ((rules.items || rules).length > 0), 'the Spanish rule catalogue is not empty');
  await call('GET', A + '/rules', { token: tA, query: { language: 'xx' }, expect: 400, note: 'unknown language' });

  // Projects.
  const project = need(data(await call('POST', A + '/projects', { token: tA, json: { name: 'Novela', language: 'es' }, expect: 201 })), 'project');
  const P = { project_id: project.id };
  const scratch = need(data(await call('POST', A + '/projects', { token: tA, json: { name: 'Borrador' }, expect: 201 })), 'scratch project');
  await call('POST', A + '/projects', { token: tA, json: { language: 'es' }, expect: 422, note: 'no name' });
  await call('POST', A + '/projects', { json: { name: 'x' }, expect: 401, note: 'no token' });
  await call('GET', A + '/projects', { token: tA, query: { limit: 10 }, expect: 200 });
  await call('GET', A + '/projects', { token: tA, query: { limit: 'many' }, expect: 400, note: 'bad limit' });
  await call('GET', A + '/projects/{project_id}', { token: tA, params: P, expect: 200 });
  await call('GET', A + '/projects/{project_id}', { token: tC, params: P, expect: 404, note: 'stranger' });
  await call('PATCH', A + '/projects/{project_id}', { token: tA, params: P, json: { name: 'Novela corregida' }, expect: 200 });
  await call('PATCH', A + '/projects/{project_id}', { token: tA, params: P, json: { language: 'tlh' }, expect: 422, note: 'invalid language' });

  // Members.
  const member = data(await call('POST', A + '/projects/{project_id}/members', { token: tA, params: P, json: { email: email('bob'), role: 'editor' }, expect: 201 }));
  check(member && member.user_id === bob.user.id, 'bob is a member');
  await call('POST', A + '/projects/{project_id}/members', { token: tA, params: P, json: { email: email('nobody'), role: 'viewer' }, expect: 404, note: 'no such account' });
  await call('POST', A + '/projects/{project_id}/members', { token: tA, params: P, json: { email: email('carol'), role: 'owner' }, expect: 422, note: 'invalid role' });
  await call('GET', A + '/projects/{project_id}/members', { token: tB, params: P, expect: 200 });
  await call('GET', A + '/projects/{project_id}/members', { token: tC, params: P, expect: 404, note: 'stranger' });
  await call('PATCH', A + '/projects/{project_id}', { token: tB, params: P, json: { name: 'mine now' }, expect: 403, note: 'editor renames' });
  const shared = data(await call('GET', A + '/projects', { token: tB, expect: 200, note: 'bob sees the shared project' }));
  check(shared && shared.items.some((p) => p.id === project.id && p.role === 'editor'), 'shared project listed with role editor');

  // Documents: raw TXT with ?filename=, multipart TXT, raw DOCX, idempotent replay, errors.
  const D = '/projects/{project_id}/documents';
  const txt = need(data(await call('POST', A + D, {
    token: tA, params: P, query: { filename: 'capitulo1.txt' }, body: TEXT, contentType: 'application/octet-stream',
    headers: { 'Idempotency-Key': 'upload-capitulo1' }, expect: 201,
  })), 'txt document');
  const replay = await call('POST', A + D, {
    token: tA, params: P, query: { filename: 'capitulo1.txt' }, body: TEXT, contentType: 'application/octet-stream',
    headers: { 'Idempotency-Key': 'upload-capitulo1' }, expect: 201, note: 'idempotent replay',
  });
  check(data(replay) && data(replay).id === txt.id && replay.headers.get('idempotent-replayed') === 'true', 'replayed upload returns the first document');
  await call('POST', A + D, {
    token: tA, params: P, query: { filename: 'otro.txt' }, body: 'Otro texto distinto.\n', contentType: 'application/octet-stream',
    headers: { 'Idempotency-Key': 'upload-capitulo1' }, expect: 409, note: 'idempotency key reused for another body',
  });
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('Un segundo texto con un error: tambien.\n', 'utf8')], { type: 'text/plain' }), 'notas.txt');
  const multi = need(data(await call('POST', A + D, { token: tB, params: P, body: form, expect: 201, note: 'multipart, by an editor' })), 'multipart document');
  const docx = need(data(await call('POST', A + D, {
    token: tA, params: P, query: { filename: 'reunion.docx' }, body: makeDocx(DOCX_PARAGRAPHS), contentType: 'application/octet-stream', expect: 201,
  })), 'docx document');
  check(docx.format === 'docx', 'hand-built DOCX detected as docx');
  const slow = need(data(await call('POST', A + D, {
    token: tA, params: P, query: { filename: 'slow.txt' }, body: 'Un documento lento con un error: tambien.\n', contentType: 'application/octet-stream', expect: 201,
  })), 'slow document');
  await call('POST', A + D, {
    token: tA, params: P, query: { filename: 'image.txt' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]),
    contentType: 'application/octet-stream', expect: 415, note: 'PNG bytes named .txt',
  });
  await call('POST', A + D, { token: tC, params: P, query: { filename: 'x.txt' }, body: 'hola\n', contentType: 'application/octet-stream', expect: 404, note: 'stranger' });
  await call('POST', A + D, { token: tA, params: P, query: { filename: 'x.txt' }, body: '', contentType: 'application/octet-stream', expect: 422, note: 'empty file' });
  await call('POST', A + D, { token: tA, params: P, body: 'not multipart', contentType: 'multipart/form-data; boundary=xyz', expect: 400, note: 'malformed multipart' });
  await call('GET', A + D, { token: tA, params: P, query: { limit: 2 }, expect: 200 });
  await call('GET', A + D, { token: tC, params: P, expect: 404, note: 'stranger' });
  await call('GET', A + '/documents/{document_id}', { token: tA, params: { document_id: txt.id }, expect: 200 });
  await call('GET', A + '/documents/{document_id}', { token: tA, params: { document_id: '00000000-0000-4000-8000-000000000000' }, expect: 404, note: 'unknown id' });
  const content = await call('GET', A + '/documents/{document_id}/content', { token: tA, params: { document_id: txt.id }, expect: 200, note: 'txt' });
  check(content.text === TEXT, 'txt content is the original bytes');
  const docxContent = await call('GET', A + '/documents/{document_id}/content', { token: tA, params: { document_id: docx.id }, expect: 200, note: 'docx' });
  check(docxContent.bytes.length > 0 && docxContent.bytes[0] === 0x50, 'docx content is a zip');
  await call('GET', A + '/documents/{document_id}/content', { token: tC, params: { document_id: txt.id }, expect: 404, note: 'stranger' });

  // Dictionary.
  const Dict = '/projects/{project_id}/dictionary';
  await call('GET', A + Dict, { token: tA, params: P, expect: 200 });
  await call('PUT', A + Dict, { token: tA, params: P, json: { words: ['Galley', 'Macondo'] }, expect: 200 });
  await call('PUT', A + Dict, { token: tA, params: P, json: { words: ['ok', 3] }, expect: 422, note: 'a word that is not a string' });
  await call('POST', A + Dict + '/words', { token: tA, params: P, json: { word: 'Aureliano' }, expect: 200 });
  await call('POST', A + Dict + '/words', { token: tA, params: P, json: { word: 'two words' }, expect: 422, note: 'two words' });
  await call('GET', A + Dict, { token: tC, params: P, expect: 404, note: 'stranger' });

  // Runs: one to completion (with its event stream), one slow run to cancel.
  const R = '/projects/{project_id}/runs';
  const created = need(data(await call('POST', A + R, {
    token: tA, params: P, headers: { 'Idempotency-Key': 'run-main' },
    json: { document_ids: [txt.id, multi.id, docx.id], options: { language: 'es', tracked_changes: true } }, expect: 202,
  })), 'run');
  const RUN = { run_id: created.id };
  const stream = call('GET', A + '/runs/{run_id}/events', { token: tA, params: RUN, sse: { ms: 30_000 }, expect: 200, note: 'until the run finishes' });
  const slowRun = need(data(await call('POST', A + R, { token: tA, params: P, json: { document_ids: [slow.id] }, expect: 202, note: 'slow run' })), 'slow run');
  await call('POST', A + R, { token: tA, params: P, json: { document_ids: 'all' }, expect: 422, note: 'document_ids not a list' });
  await call('POST', A + R, { token: tA, params: P, json: { document_ids: ['00000000-0000-4000-8000-000000000000'] }, expect: 404, note: 'unknown document' });
  await call('POST', A + R, { token: tC, params: P, json: {}, expect: 404, note: 'stranger' });
  await call('GET', A + R, { token: tA, params: P, expect: 200 });
  await call('GET', A + R, { token: tA, params: P, query: { cursor: '%%%not-a-cursor' }, expect: 400, note: 'bad cursor' });

  // The slow run: wait until its document runs, finalize too early (409), cancel, cancel again.
  const SLOW = { run_id: slowRun.id };
  await until(async () => {
    const r = await fetch(`${base}${A}/runs/${slowRun.id}`, { headers: { Authorization: 'Bearer ' + tA } });
    const j = await r.json();
    return j.data && j.data.status === 'running';
  }, 'the slow run to start');
  await call('POST', A + '/runs/{run_id}/finalize', { token: tA, params: SLOW, expect: 409, note: 'run not finished' });
  await call('POST', A + '/runs/{run_id}/cancel', { token: tB, params: SLOW, expect: 200, note: 'by an editor' });
  await call('GET', A + '/runs/{run_id}/events', { token: tA, params: SLOW, sse: { ms: 15_000 }, expect: 200, note: 'cancelled run' });
  await until(async () => {
    const r = await fetch(`${base}${A}/runs/${slowRun.id}`, { headers: { Authorization: 'Bearer ' + tA } });
    const j = await r.json();
    return j.data && terminal.has(j.data.status);
  }, 'the slow run to be cancelled');
  const cancelled = data(await call('GET', A + '/runs/{run_id}', { token: tA, params: SLOW, expect: 200, note: 'cancelled' }));
  check(cancelled && cancelled.status === 'cancelled', 'slow run cancelled');
  await call('POST', A + '/runs/{run_id}/cancel', { token: tA, params: SLOW, expect: 409, note: 'already finished' });

  // The main run to its end.
  let run = null;
  await until(async () => {
    const r = await fetch(`${base}${A}/runs/${created.id}`, { headers: { Authorization: 'Bearer ' + tA } });
    const j = await r.json();
    run = j.data;
    return run && terminal.has(run.status);
  }, 'the run to finish');
  run = data(await call('GET', A + '/runs/{run_id}', { token: tA, params: RUN, expect: 200, note: 'finished' }));
  need(run && run.status === 'succeeded', 'the run succeeded (status ' + (run && run.status) + ')');
  pass('run succeeded');
  await call('GET', A + '/runs/{run_id}', { token: tC, params: RUN, expect: 404, note: 'stranger' });
  const streamed = await stream;
  check(streamed.events.length > 0 && !streamed.aborted, `event stream sent ${streamed.events.length} event(s) and closed when the run finished`);
  await call('GET', A + '/runs/{run_id}/events', { token: tC, params: RUN, expect: 404, note: 'stranger' });

  // Job log, exports, artefacts.
  await call('GET', A + '/runs/{run_id}/log', { token: tA, params: RUN, query: { document_id: txt.id, limit: 100 }, expect: 200 });
  await call('GET', A + '/runs/{run_id}/log', { token: tA, params: RUN, query: { limit: 0 }, expect: 400, note: 'limit 0' });
  const exports = data(await call('GET', A + '/runs/{run_id}/exports', { token: tA, params: RUN, expect: 200 }));
  const exportItems = (exports && exports.items) || [];
  const kinds = new Set(exportItems.map((e) => e.kind));
  check(['corrections_jsonl', 'corrected_txt', 'corrected_docx', 'tracked_docx', 'changelog_csv', 'summary_md'].every((k) => kinds.has(k)),
    'exports of every kind: ' + [...kinds].sort().join(', '));
  const seenKinds = new Set();
  for (const e of exportItems) {
    if (seenKinds.has(e.kind)) continue;
    seenKinds.add(e.kind);
    await call('GET', A + '/runs/{run_id}/exports/{export_id}/download', { token: tB, params: { ...RUN, export_id: e.id }, expect: 200, note: e.kind });
  }
  await call('GET', A + '/runs/{run_id}/exports/{export_id}/download', { token: tA, params: { ...RUN, export_id: '00000000-0000-4000-8000-000000000000' }, expect: 404, note: 'unknown export' });
  await call('GET', A + '/runs/{run_id}/exports', { token: tC, params: RUN, expect: 404, note: 'stranger' });
  await call('GET', A + '/runs/{run_id}/changelog.csv', { token: tA, params: RUN, expect: 200 });
  await call('GET', A + '/runs/{run_id}/changelog.csv', { token: tC, params: RUN, expect: 404, note: 'stranger' });
  await call('GET', A + '/runs/{run_id}/summary.md', { token: tA, params: RUN, expect: 200 });
  await call('GET', A + '/runs/{run_id}/summary.md', { params: RUN, expect: 401, note: 'no token' });

  // Suggestions and review.
  const S = '/runs/{run_id}/suggestions';
  const all = data(await call('GET', A + S, { token: tA, params: RUN, query: { limit: 500 }, expect: 200 }));
  const suggestions = (all && all.items) || [];
  need(suggestions.length >= 3, `at least 3 suggestions (got ${suggestions.length})`);
  await call('GET', A + S, { token: tA, params: RUN, query: { document_id: txt.id, state: 'pending', confidence_min: 0.1, limit: 1 }, expect: 200, note: 'filtered, one per page' });
  await call('GET', A + S, { token: tA, params: RUN, query: { category: 'colour' }, expect: 400, note: 'unknown category' });
  const txtSuggestions = suggestions.filter((s) => s.document_id === txt.id);
  need(txtSuggestions.length >= 2, 'two suggestions in the TXT document');
  const withReplacement = txtSuggestions.find((s) => s.replacement !== null) || txtSuggestions[0];
  const other = txtSuggestions.find((s) => s.id !== withReplacement.id);
  const rv = data(await call('POST', A + '/runs/{run_id}/reviews', {
    token: tB, params: RUN, expect: 200, note: 'by an editor',
    json: { decisions: [{ suggestion_id: withReplacement.id, decision: 'accepted' }, { suggestion_id: other.id, decision: 'rejected' }] },
  }));
  check(rv && rv.updated === 2, 'two decisions recorded');
  await call('POST', A + '/runs/{run_id}/reviews', { token: tA, params: RUN, json: { decisions: [{ suggestion_id: other.id, decision: 'maybe' }] }, expect: 422, note: 'invalid decision' });
  await call('POST', A + '/runs/{run_id}/reviews', { token: tA, params: RUN, json: { decisions: [{ suggestion_id: 'ffffffffffffffffffffffffffffffff', decision: 'accepted' }] }, expect: 404, note: 'unknown suggestion' });
  await call('POST', A + '/runs/{run_id}/reviews', { token: tA, params: SLOW, json: { decisions: [{ suggestion_id: other.id, decision: 'accepted' }] }, expect: 404, note: 'a suggestion of another run' });
  await call('POST', A + '/runs/{run_id}/reviews/bulk', { token: tA, params: RUN, json: { filter: { document_id: docx.id, state: 'pending' }, decision: 'accepted' }, expect: 200 });
  await call('POST', A + '/runs/{run_id}/reviews/bulk', { token: tA, params: RUN, json: { filter: { confidence_min: 7 }, decision: 'accepted' }, expect: 422, note: 'confidence_min out of range' });
  await call('GET', A + '/runs/{run_id}/reviews/history', { token: tA, params: RUN, query: { limit: 50 }, expect: 200 });
  await call('GET', A + '/runs/{run_id}/reviews/history', { token: tC, params: RUN, expect: 404, note: 'stranger' });
  await call('GET', A + '/runs/{run_id}/reviews/export', { token: tA, params: RUN, query: { format: 'jsonl', schema: 'sft' }, expect: 200, note: 'jsonl sft' });
  await call('GET', A + '/runs/{run_id}/reviews/export', { token: tA, params: RUN, query: { format: 'csv', schema: 'preference', anonymize: 'true' }, expect: 200, note: 'csv preference' });
  await call('GET', A + '/runs/{run_id}/reviews/export', { token: tA, params: RUN, query: { format: 'xml' }, expect: 400, note: 'unknown format' });
  const preview = await call('GET', A + '/runs/{run_id}/preview', { token: tA, params: RUN, query: { document_id: txt.id, format: 'txt' }, expect: 200, note: 'txt' });
  check(preview.text.length > 0 && !preview.text.includes('\n\n'), 'preview paragraphs joined by one newline');
  await call('GET', A + '/runs/{run_id}/preview', { token: tA, params: RUN, query: { document_id: docx.id, format: 'html' }, expect: 200, note: 'html' });
  await call('GET', A + '/runs/{run_id}/preview', { token: tA, params: RUN, expect: 400, note: 'no document_id' });
  await call('GET', A + '/runs/{run_id}/preview', { token: tA, params: SLOW, query: { document_id: slow.id }, expect: 409, note: 'cancelled document' });

  // Bob becomes a viewer: reading is fine, reviewing and editing are 403.
  await call('PUT', A + '/projects/{project_id}/members/{user_id}', { token: tA, params: { ...P, user_id: bob.user.id }, json: { role: 'viewer' }, expect: 200 });
  await call('PUT', A + '/projects/{project_id}/members/{user_id}', { token: tA, params: { ...P, user_id: bob.user.id }, json: { role: 'admin' }, expect: 422, note: 'invalid role' });
  await call('PUT', A + '/projects/{project_id}/members/{user_id}', { token: tB, params: { ...P, user_id: bob.user.id }, json: { role: 'editor' }, expect: 403, note: 'a viewer promotes himself' });
  await call('POST', A + '/runs/{run_id}/reviews', { token: tB, params: RUN, json: { decisions: [{ suggestion_id: other.id, decision: 'pending' }] }, expect: 403, note: 'viewer' });
  await call('POST', A + '/runs/{run_id}/reviews/bulk', { token: tB, params: RUN, json: { decision: 'pending' }, expect: 403, note: 'viewer' });
  await call('GET', A + '/runs/{run_id}/preview', { token: tB, params: RUN, query: { document_id: txt.id }, expect: 403, note: 'viewer' });
  await call('POST', A + '/runs/{run_id}/finalize', { token: tB, params: RUN, expect: 403, note: 'viewer' });
  await call('GET', A + '/runs/{run_id}/reviews/export', { token: tB, params: RUN, expect: 403, note: 'viewer' });
  await call('POST', A + Dict + '/words', { token: tB, params: P, json: { word: 'Úrsula' }, expect: 403, note: 'viewer' });
  await call('PUT', A + Dict, { token: tB, params: P, json: { words: [] }, expect: 403, note: 'viewer' });
  await call('POST', A + R, { token: tB, params: P, json: {}, expect: 403, note: 'viewer' });
  await call('POST', A + '/runs/{run_id}/cancel', { token: tB, params: RUN, expect: 403, note: 'viewer' });
  await call('POST', A + D, { token: tB, params: P, query: { filename: 'v.txt' }, body: 'hola\n', contentType: 'application/octet-stream', expect: 403, note: 'viewer' });
  await call('DELETE', A + '/documents/{document_id}', { token: tB, params: { document_id: multi.id }, expect: 403, note: 'viewer' });
  await call('POST', A + '/projects/{project_id}/members', { token: tB, params: P, json: { email: email('carol'), role: 'viewer' }, expect: 403, note: 'viewer shares' });
  await call('DELETE', A + '/projects/{project_id}', { token: tB, params: P, expect: 403, note: 'viewer deletes' });
  await call('GET', A + '/runs/{run_id}/suggestions', { token: tB, params: RUN, query: { limit: 1 }, expect: 200, note: 'viewer reads' });

  // Finalize (with an idempotent replay) and the final exports.
  const fin = data(await call('POST', A + '/runs/{run_id}/finalize', { token: tA, params: RUN, headers: { 'Idempotency-Key': 'finalize-1' }, expect: 200 }));
  check(Array.isArray(fin) && fin.length > 0 && fin.every((e) => e.kind.startsWith('final_')), 'finalize returns final_* exports');
  const finReplay = await call('POST', A + '/runs/{run_id}/finalize', { token: tA, params: RUN, headers: { 'Idempotency-Key': 'finalize-1' }, expect: 200, note: 'idempotent replay' });
  check(finReplay.headers.get('idempotent-replayed') === 'true', 'finalize replay marked Idempotent-Replayed');
  if (Array.isArray(fin) && fin[0])
    await call('GET', A + '/runs/{run_id}/exports/{export_id}/download', { token: tA, params: { ...RUN, export_id: fin[0].id }, expect: 200, note: fin[0].kind });
  await call('POST', A + '/runs/{run_id}/finalize', { token: tC, params: RUN, expect: 404, note: 'stranger' });

  // Webhook: the finished runs were POSTed to the receiver, and the deliveries list them.
  await until(() => hook.received.length >= 2, 'two webhook deliveries (run.cancelled, run.finished)');
  for (const got of hook.received.slice(0, 2)) {
    const v = validator('/components/schemas/WebhookEvent');
    let body = null;
    try { body = JSON.parse(got.body); } catch (_) { /* reported below */ }
    if (body && v(body)) pass(`webhook body ${body.type} matches #/components/schemas/WebhookEvent`);
    else fail('webhook body matches #/components/schemas/WebhookEvent', body ? ajv.errorsText(v.errors) : 'not JSON');
  }
  let deliveries = null;
  await until(async () => {
    const r = await fetch(`${base}${A}/users/me/webhook-deliveries`, { headers: { Authorization: 'Bearer ' + tA } });
    const j = await r.json();
    return j.data && j.data.items.length >= 2;
  }, 'two recorded deliveries');
  deliveries = data(await call('GET', A + '/users/me/webhook-deliveries', { token: tA, query: { limit: 10 }, expect: 200 }));
  check(deliveries && deliveries.items.every((d) => d.status_code === 200 && d.error === null), 'deliveries answered 200');
  await call('GET', A + '/users/me/webhook-deliveries', { token: tA, query: { limit: 1000 }, expect: 400, note: 'limit over 500' });

  // Admin: dave becomes admin through the command line, then signs in again.
  await call('GET', A + '/admin/users', { token: dave.access_token, expect: 403, note: 'not an admin yet' });
  const promoted = await galleyCommand(['admin', 'set-role', '--db', dbUrl, email('dave'), 'admin']);
  need(promoted.code === 0, 'galley admin set-role: ' + promoted.stderr);
  pass('galley admin set-role dave admin');
  const tD = need(data(await call('POST', A + '/auth/login', { json: { email: email('dave'), password: 'correct horse dave' }, expect: 200, note: 'admin' })), 'admin login').access_token;
  await call('GET', A + '/admin/nodes', { token: tD, expect: 200 });
  await call('GET', A + '/admin/nodes', { token: tA, expect: 403, note: 'not an admin' });
  const users = data(await call('GET', A + '/admin/users', { token: tD, query: { q: 'alice', limit: 5 }, expect: 200 }));
  check(users && users.items.some((u) => u.id === alice.user.id), 'admin search finds alice');
  await call('GET', A + '/admin/users', { token: tD, query: { plan: 'free', limit: 'x' }, expect: 400, note: 'bad limit' });
  await call('PATCH', A + '/admin/users/{user_id}', { token: tD, params: { user_id: alice.user.id }, json: { plan: 'pro' }, expect: 200 });
  await call('PATCH', A + '/admin/users/{user_id}', { token: tD, params: { user_id: alice.user.id }, json: { plan: 'platinum' }, expect: 422, note: 'unknown plan' });
  await call('PATCH', A + '/admin/users/{user_id}', { token: tD, params: { user_id: '00000000-0000-4000-8000-000000000000' }, json: { disabled: true }, expect: 404, note: 'unknown user' });
  await call('PATCH', A + '/admin/users/{user_id}', { token: tA, params: { user_id: alice.user.id }, json: { role: 'admin' }, expect: 403, note: 'not an admin' });
  await call('GET', A + '/admin/usage', { token: tD, query: { period: new Date().toISOString().slice(0, 7) }, expect: 200 });
  await call('GET', A + '/admin/usage', { token: tD, query: { period: 'last-month' }, expect: 400, note: 'bad period' });
  await call('GET', A + '/admin/audit', { token: tD, query: { action: 'document.upload', limit: 20 }, expect: 200 });
  await call('GET', A + '/admin/audit', { token: tD, query: { user_id: alice.user.id, since: '2000-01-01T00:00:00Z' }, expect: 200, note: 'by user since' });
  await call('GET', A + '/admin/audit', { token: tD, query: { since: 'yesterday' }, expect: 400, note: 'bad since' });
  const flags = data(await call('GET', A + '/admin/feature-flags', { token: tD, expect: 200 }));
  const flagName = need(flags && flags.known && flags.known[0] && flags.known[0].name, 'a known feature flag');
  await call('PUT', A + '/admin/feature-flags', { token: tD, json: { flags: [{ name: flagName, enabled: true }, { name: flagName, enabled: false, user_id: carol.user.id }] }, expect: 200 });
  await call('PUT', A + '/admin/feature-flags', { token: tD, json: { flags: [{ name: 'no_such_flag', enabled: true }] }, expect: 422, note: 'unknown flag' });
  await call('PUT', A + '/admin/feature-flags', { token: tA, json: { flags: [{ name: flagName, enabled: true }] }, expect: 403, note: 'not an admin' });
  await call('GET', A + '/admin/feature-flags', { expect: 401, note: 'no token' });
  await call('POST', A + '/admin/users/{user_id}/revoke-sessions', { token: tD, params: { user_id: carol.user.id }, expect: 200 });
  await call('POST', A + '/admin/users/{user_id}/revoke-sessions', { token: tD, params: { user_id: '00000000-0000-4000-8000-000000000000' }, expect: 404, note: 'unknown user' });
  await call('GET', A + '/users/me', { token: tC, expect: 401, note: 'revoked sessions' });
  await call('POST', A + '/auth/refresh', { json: { refresh_token: carol.refresh_token }, expect: 401, note: 'revoked family' });

  // Guest and claim; a guest's plan limits.
  const guest = need(data(await call('POST', A + '/auth/guest', { expect: 201 })), 'guest');
  const tG = guest.access_token;
  const gp = need(data(await call('POST', A + '/projects', { token: tG, json: { name: 'Invitado' }, expect: 201, note: 'guest' })), 'guest project');
  for (let i = 0; i < 3; i++)
    await call('POST', A + D, { token: tG, params: { project_id: gp.id }, query: { filename: `g${i}.txt` }, body: `Texto ${i} del invitado.\n`, contentType: 'application/octet-stream', expect: 201, note: 'guest' });
  await call('POST', A + D, {
    token: tG, params: { project_id: gp.id }, query: { filename: 'grande.txt' }, body: 'palabra '.repeat(320_000),
    contentType: 'application/octet-stream', expect: 413, note: 'over the guest plan\'s upload size',
  });
  await call('POST', A + R, { token: tG, params: { project_id: gp.id }, json: {}, expect: 402, note: 'over the guest plan\'s documents per run' });
  await call('POST', A + '/auth/claim', { token: tG, json: { email: email('alice'), password: 'correct horse guest' }, expect: 409, note: 'email taken' });
  await call('POST', A + '/auth/claim', { token: tG, json: { email: email('guest'), password: 'short' }, expect: 422, note: 'short password' });
  await call('POST', A + '/auth/claim', { json: { email: email('guest'), password: 'correct horse guest' }, expect: 401, note: 'no token' });
  const claimed = data(await call('POST', A + '/auth/claim', { token: tG, json: { email: email('guest'), password: 'correct horse guest' }, expect: 200 }));
  check(claimed && claimed.user && claimed.user.plan === 'free', 'claimed guest is on the free plan');
  await call('POST', A + '/auth/claim', { token: claimed.access_token, json: { email: email('guest2'), password: 'correct horse guest' }, expect: 409, note: 'not a guest any more' });
  await call('POST', A + '/auth/guest', { json: {}, expect: 201, note: 'with an empty JSON body' });

  // Deletes last: a member leaving, a member removed, a document, projects; then 404s.
  await call('POST', A + '/projects/{project_id}/members', { token: tA, params: P, json: { email: email('guest'), role: 'reviewer' }, expect: 201, note: 'the claimed guest' });
  await call('DELETE', A + '/projects/{project_id}/members/{user_id}', { token: tB, params: { ...P, user_id: bob.user.id }, expect: 200, note: 'bob leaves' });
  await call('DELETE', A + '/projects/{project_id}/members/{user_id}', { token: tA, params: { ...P, user_id: claimed.user.id }, expect: 200, note: 'owner removes' });
  await call('DELETE', A + '/projects/{project_id}/members/{user_id}', { token: tA, params: { ...P, user_id: claimed.user.id }, expect: 404, note: 'no longer a member' });
  await call('GET', A + '/projects/{project_id}', { token: tB, params: P, expect: 404, note: 'bob after leaving' });
  await call('DELETE', A + '/documents/{document_id}', { token: tA, params: { document_id: multi.id }, expect: 200 });
  await call('DELETE', A + '/documents/{document_id}', { token: tA, params: { document_id: multi.id }, expect: 404, note: 'already deleted' });
  await call('DELETE', A + '/projects/{project_id}', { token: tA, params: { project_id: scratch.id }, expect: 200 });
  await call('DELETE', A + '/projects/{project_id}', { token: tA, params: P, expect: 200 });
  await call('DELETE', A + '/projects/{project_id}', { token: tA, params: P, expect: 404, note: 'already deleted' });
  await call('GET', A + '/runs/{run_id}', { token: tA, params: RUN, expect: 404, note: 'run of a deleted project' });

  // The refreshed session logs out; its refresh token is then refused.
  await call('POST', A + '/auth/logout', { json: { refresh_token: refreshed.refresh_token }, expect: 200, note: 'alice' });
  await call('POST', A + '/auth/refresh', { json: { refresh_token: refreshed.refresh_token }, expect: 401, note: 'after logout' });
  await call('GET', '/metrics', { expect: 200, note: 'after the scenario' });
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-spec-'));
  let galley = null, hook = null, crashed = null;
  const cleanup = async () => {
    if (galley && galley.exitCode === null) {
      galley.kill('SIGTERM');
      await new Promise((r) => { const t = setTimeout(() => { galley.kill('SIGKILL'); r(); }, 10_000); galley.once('exit', () => { clearTimeout(t); r(); }); });
    }
    if (hook) await new Promise((r) => hook.server.close(r));
  };
  const logTail = () => {
    try { return fs.readFileSync(path.join(work, 'galley.log'), 'utf8').split('\n').slice(-40).join('\n'); } catch (_) { return '(no log)'; }
  };
  // A closed stdout (`| head`) or a signal must not leave the server running.
  for (const s of [process.stdout, process.stderr]) s.on('error', () => { /* reader went away; keep cleaning up */ });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.once(sig, () => { cleanup().then(() => process.exit(1)); });
  const hardStop = setTimeout(() => {
    console.error(`FAIL: overall time limit (${LIMIT / 1000} s) reached`);
    console.error('--- galley log (tail) ---\n' + logTail());
    cleanup().then(() => process.exit(1));
  }, LIMIT);

  try {
    hook = await startWebhookReceiver();
    galley = await startGalley(work);
    await scenario(work, hook);
  } catch (e) {
    crashed = e;
    console.error('FAIL:', e && e.stack ? e.stack : e);
  }

  const missing = operations.filter((o) => !exercised.has(o));
  for (const o of missing) fail(o, 'operation never called');
  const failed = crashed || failures.length > 0;
  if (failed) {
    console.error('--- galley log (tail) ---\n' + logTail());
  }
  await cleanup();
  if (!process.env.GALLEY_KEEP_TMP) fs.rmSync(work, { recursive: true, force: true });
  clearTimeout(hardStop);

  console.log(`# ${exercised.size}/${operations.length} operations exercised, ${checks} checks, ${failures.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length) {
    console.log('# failures:');
    for (const f of failures) console.log(`#   ${f.what}: ${f.why}`);
  }
  if (failed) { console.log('FAIL live_responses'); process.exit(1); }
  console.log('PASS live_responses');
  process.exit(0);
}

main();
