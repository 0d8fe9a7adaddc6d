// The checks of tests/spec/live_responses.test.mjs: the spec loaded into ajv, and call(), which
// sends one documented operation and checks its answer — status documented for the operation,
// Content-Type listed for that status, JSON body valid against the schema there — keeping the
// tally of operations exercised, checks passed and failures.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const BINARY = path.resolve(ROOT, process.env.GALLEY_BINARY || 'build/galley');
export const SPEC_FILE = path.join(ROOT, 'http/openapi.json');
export const WAIT = 60_000;        // generous deadline for every condition we wait on
export const LIMIT = 110_000;      // the whole test, including start-up and shutdown
export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

// ---------------------------------------------------------------------------------------------
// The spec and its validator (tests/spec/README.md, "Validating responses: ajv").
export const spec = JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8'));
// GALLEY_SPEC_STRICT=1: treat every property a response schema declares as required (the spec marks
// few as required, so by default a missing field passes). A diagnostic, off by default.
export const STRICT = process.env.GALLEY_SPEC_STRICT === '1';
export function requireAll(node) {
  if (Array.isArray(node)) { node.forEach(requireAll); return node; }
  if (node && typeof node === 'object') {
    if (node.properties && typeof node.properties === 'object' && !node.required && Object.keys(node.properties).length)
      node.required = Object.keys(node.properties);
    for (const v of Object.values(node)) requireAll(v);
  }
  return node;
}
export const ajv = new Ajv({ allErrors: true, strictTypes: true });
addFormats(ajv);
ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components', 'tags', 'security', 'example']);
export const strictSpec = STRICT ? requireAll(structuredClone(spec)) : null;
if (strictSpec) strictSpec.components.schemas.Error = spec.components.schemas.Error;  // details.field is optional
ajv.addSchema({ ...(strictSpec || spec), $id: 'galley' });
export const esc = (s) => s.replaceAll('~', '~0').replaceAll('/', '~1');
export const validators = new Map();
export function validator(pointer) {
  if (!validators.has(pointer)) {
    const v = ajv.getSchema('galley#' + pointer);
    if (!v) throw new Error('no schema at ' + pointer);
    validators.set(pointer, v);
  }
  return validators.get(pointer);
}

export const operations = [];  // "METHOD /path/template"
for (const [p, item] of Object.entries(spec.paths))
  for (const m of Object.keys(item)) if (METHODS.includes(m)) operations.push(`${m.toUpperCase()} ${p}`);

// ---------------------------------------------------------------------------------------------
// Bookkeeping: one line per check, failures collected and listed at the end.
export const exercised = new Set();
export const failures = [];        // { what, why }
export let checks = 0;

export function pass(what) { checks++; console.log('ok - ' + what); }
export function fail(what, why) {
  checks++;
  failures.push({ what, why });
  console.log(`not ok - ${what}: ${why}`);
}
// A condition the scenario relies on (not a spec check): fails the test but does not stop it.
export function check(cond, what) { if (cond) pass(what); else fail(what, 'assertion failed'); return cond; }
// Something later steps cannot do without: stop the scenario.
export function need(value, what) {
  if (value === undefined || value === null || value === false) throw new Error('cannot continue: ' + what);
  return value;
}

// API.md's table of error codes: the code each status carries.
export const ERROR_CODES = {
  400: ['bad_request'], 401: ['unauthorized'], 402: ['quota_exceeded'], 403: ['forbidden'], 404: ['not_found'],
  409: ['conflict'], 413: ['payload_too_large'], 415: ['unsupported_media_type'], 422: ['validation_error', 'unsafe_document'],
  429: ['rate_limited'], 500: ['internal'], 503: ['over_capacity'],
};

export const mediaType = (ct) => (ct || '').split(';')[0].trim().toLowerCase();
export function documentedMedia(content, actual) {
  for (const key of Object.keys(content)) {
    const k = key.toLowerCase();
    if (k === actual || k === '*/*' || (k.endsWith('/*') && actual.startsWith(k.slice(0, -1)))) return key;
  }
  return null;
}

export function resolveResponse(op, status) {
  const responses = op.responses || {};
  for (const key of [String(status), `${String(status)[0]}XX`, 'default'])
    if (responses[key]) return { key, resp: deref(responses[key]), ref: responses[key].$ref || null };
  return null;
  function deref(r) {
    let seen = 0;
    while (r && r.$ref && seen++ < 10) {
      const parts = r.$ref.replace(/^#\//, '').split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
      r = parts.reduce((o, k) => (o ? o[k] : undefined), spec);
    }
    return r;
  }
}

// Calls one documented operation and checks the answer against the spec.
//   template: the spec's path, e.g. '/api/v1/runs/{run_id}'; params fill it.
//   expect: the status the scenario expects (a mismatch is a failure too).
//   sse: read a text/event-stream until it ends or `sse.events` events arrive (or `sse.ms` pass).
export async function call(method, template, opts = {}) {
  const { params = {}, query, token, json, body, contentType, headers = {}, expect, note, sse } = opts;
  const opKey = `${method} ${template}`;
  let url = template.replace(/\{([^}]+)\}/g, (_, k) => {
    if (params[k] === undefined) throw new Error(`${opKey}: no value for {${k}}`);
    return encodeURIComponent(params[k]);
  });
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
    if ([...qs].length) url += '?' + qs.toString();
  }
  const h = { ...headers };
  if (token) h.Authorization = 'Bearer ' + token;
  let payload = body;
  if (json !== undefined) { payload = typeof json === 'string' ? json : JSON.stringify(json); h['Content-Type'] = 'application/json'; }
  if (contentType) h['Content-Type'] = contentType;

  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), sse ? sse.ms || 15_000 : WAIT);
  let res, bytes = Buffer.alloc(0), events = [], aborted = false;
  try {
    res = await fetch(base + url, { method, headers: h, body: payload, signal: ac.signal });
    if (sse && res.status === 200) {
      const reader = res.body.getReader();
      let text = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += Buffer.from(value).toString('utf8');
          events = text.split(/\r?\n\r?\n/).slice(0, -1).filter((b) => /^(event|data):/m.test(b));
          if (events.length >= (sse.events || Infinity)) { aborted = true; ac.abort(); break; }
        }
      } catch (e) {
        if (e.name !== 'AbortError') throw e;
        aborted = true;
      }
      bytes = Buffer.from(text, 'utf8');
    } else {
      bytes = Buffer.from(await res.arrayBuffer());
    }
  } finally {
    clearTimeout(timer);
  }

  const status = res.status;
  const ct = res.headers.get('content-type');
  const out = { status, headers: res.headers, bytes, text: bytes.toString('utf8'), json: undefined, events, aborted };
  const what = `${opKey} ${status}${note ? ' (' + note + ')' : ''}`;
  const problems = [];

  const pathItem = spec.paths[template];
  const op = pathItem && pathItem[method.toLowerCase()];
  if (!op) {
    fail(what, 'operation not in the spec');
    return out;
  }
  exercised.add(opKey);
  if (expect !== undefined && status !== expect) problems.push(`expected ${expect}`);

  const found = resolveResponse(op, status);
  if (!found) {
    problems.push(`status ${status} is not documented for ${opKey} (documented: ${Object.keys(op.responses).join(', ')})`);
  } else if (found.resp && found.resp.content) {
    const mt = mediaType(ct);
    const key = documentedMedia(found.resp.content, mt);
    if (!key) {
      problems.push(`Content-Type '${ct}' is not documented for ${status} (documented: ${Object.keys(found.resp.content).join(', ')})`);
    } else if (key === 'application/json' || key.endsWith('+json')) {
      try { out.json = JSON.parse(out.text); } catch (e) { problems.push('body is not JSON: ' + out.text.slice(0, 120)); }
      if (out.json !== undefined && found.resp.content[key].schema) {
        const pointer = found.ref
          ? `${found.ref.replace(/^#/, '')}/content/${esc(key)}/schema`
          : `/paths/${esc(template)}/${method.toLowerCase()}/responses/${found.key}/content/${esc(key)}/schema`;
        const v = validator(pointer);
        if (!v(out.json)) problems.push(`schema ${pointer}: ${ajv.errorsText(v.errors, { separator: '; ' })}`);
      }
    }
  }
  if (out.json === undefined && mediaType(ct) === 'application/json') {
    try { out.json = JSON.parse(out.text); } catch (_) { /* reported above when documented */ }
  }
  // Beyond the schema, what API.md's conventions say of every envelope.
  const env = out.json;
  if (env && typeof env === 'object' && !Array.isArray(env) && 'ok' in env) {
    // An idempotent replay is the first answer's body, request_id included (API.md: "same body").
    if (res.headers.get('idempotent-replayed') !== 'true' && env.request_id !== res.headers.get('x-request-id'))
      problems.push(`request_id ${env.request_id} is not the X-Request-Id header ${res.headers.get('x-request-id')}`);
    if (env.ok === false && ERROR_CODES[status] && env.error && !ERROR_CODES[status].includes(env.error.code))
      problems.push(`error.code '${env.error.code}' is not the code API.md gives status ${status} (${ERROR_CODES[status].join('|')})`);
    if (env.ok === false && status < 400) problems.push('ok:false with a success status');
    if (env.ok === true && status >= 400) problems.push('ok:true with an error status');
  }
  if (problems.length) {
    const bodyHint = out.text && problems.some((p) => p.startsWith('expected')) ? ` [body: ${out.text.slice(0, 200)}]` : '';
    fail(what, problems.join(' | ') + bodyHint);
  } else pass(what);
  return out;
}
export const data = (r) => (r && r.json && r.json.data) || null;

// Polls `fn` until it returns a truthy value (deadline WAIT).
export async function until(fn, what, interval = 100) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, interval));  // polling interval, not a correctness sleep
  }
}

// The server every call goes to (set by startGalley).
export let base = '';
export function setBase(url) { base = url; }
