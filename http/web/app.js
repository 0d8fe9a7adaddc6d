// galley review page: plain JS, no framework. Talks to /api/v1 (see API.md) with a bearer token.
'use strict';
(function () {
  const API = '/api/v1';
  const WINDOW = 200;           // rows rendered around the cursor
  const PAGE = 500;             // suggestions per request
  const FINISHED = ['succeeded', 'partial', 'failed', 'cancelled'];

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const n = document.createElement(tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null) continue;
      if (k === 'class') n.className = v;
      else if (k === 'text') n.textContent = v;
      else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v);
    }
    for (const c of kids) if (c !== null && c !== undefined) n.append(c);
    return n;
  };

  const S = {
    project: null, run: null, runStream: null, docId: null,
    items: [], cursor: 0, loadToken: 0, decisionChain: Promise.resolve(),
  };

  // ---------- session ----------
  const session = {
    get access() { return sessionStorage.getItem('galley.access'); },
    get refresh() { return sessionStorage.getItem('galley.refresh'); },
    get email() { return sessionStorage.getItem('galley.email') || ''; },
    get guest() { return sessionStorage.getItem('galley.guest') === 'true'; },
    set(data) {
      sessionStorage.setItem('galley.access', data.access_token);
      sessionStorage.setItem('galley.refresh', data.refresh_token);
      if (data.user) {
        sessionStorage.setItem('galley.email', data.user.email || 'guest');
        sessionStorage.setItem('galley.guest', data.user.plan === 'guest' ? 'true' : 'false');
      }
    },
    clear() { ['galley.access', 'galley.refresh', 'galley.email', 'galley.guest'].forEach((k) => sessionStorage.removeItem(k)); },
  };

  class ApiError extends Error {
    constructor(status, code, message, details) {
      super(message); this.status = status; this.code = code; this.details = details;
    }
  }

  let refreshing = null;   // one refresh at a time: refresh tokens rotate and work once
  function refreshSession() {
    if (!refreshing) {
      const token = session.refresh;
      refreshing = (async () => {
        if (!token) return false;
        const res = await fetch(API + '/auth/refresh', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refresh_token: token }),
        });
        if (!res.ok) return false;
        const body = await res.json();
        session.set(body.data);
        return true;
      })().catch(() => false).finally(() => { setTimeout(() => { refreshing = null; }, 0); });
    }
    return refreshing;
  }

  let busyCount = 0;
  function busy(delta) {
    busyCount += delta;
    $('busy').classList.toggle('hidden', busyCount <= 0);
  }

  // Raw fetch with the bearer token; on 401 refreshes once and retries; returns the Response.
  async function request(method, path, opts = {}) {
    const doFetch = () => {
      const headers = Object.assign({}, opts.headers || {});
      if (session.access) headers['Authorization'] = 'Bearer ' + session.access;
      let body = opts.body;
      if (opts.json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(opts.json); }
      return fetch(path.startsWith('/') && !path.startsWith(API) ? API + path : path,
        { method, headers, body, signal: opts.signal });
    };
    let res = await doFetch();
    if (res.status === 401 && !opts.noRefresh) {
      if (await refreshSession()) res = await doFetch();
      if (res.status === 401) { sessionExpired(); throw new ApiError(401, 'unauthorized', 'Session expired'); }
    }
    if (!res.ok) throw await toError(res);
    return res;
  }

  async function toError(res) {
    let code = 'http_' + res.status, message = res.statusText || 'request failed', details;
    try {
      const body = await res.json();
      if (body && body.error) { code = body.error.code; message = body.error.message; details = body.error.details; }
    } catch (_) { /* not JSON */ }
    const e = new ApiError(res.status, code, message, details);
    e.retryAfter = res.headers.get('Retry-After');
    return e;
  }

  async function api(method, path, json) {
    busy(1);
    try {
      const res = await request(method, path, json === undefined ? {} : { json });
      const body = await res.json();
      return body.data;
    } finally { busy(-1); }
  }

  function showError(e) {
    if (e && e.name === 'AbortError') return;
    const banner = $('error-banner');
    let code = (e && e.code) || 'error';
    let msg = (e && e.message) || String(e);
    if (e && e.status === 429) msg = 'Too many requests — slow down' + (e.retryAfter ? ' and retry in ' + e.retryAfter + ' s' : '') + '. (' + msg + ')';
    else if (e && e.status === 402) msg = 'Quota exceeded for your plan: ' + msg;
    if (e && e.details && e.details.field) msg += ' [field: ' + e.details.field + ']';
    $('error-code').textContent = code;
    $('error-message').textContent = msg;
    banner.dataset.errorCode = code;
    banner.dataset.status = e && e.status ? String(e.status) : '';
    banner.classList.remove('hidden');
  }
  function clearError() { $('error-banner').classList.add('hidden'); $('error-banner').dataset.errorCode = ''; }
  function notice(text) {
    const n = $('notice'); n.textContent = text; n.classList.remove('hidden');
    clearTimeout(notice.t); notice.t = setTimeout(() => n.classList.add('hidden'), 4000);
  }
  const guard = (fn) => async (...args) => { try { await fn(...args); } catch (e) { showError(e); } };

  function sessionExpired() {
    session.clear();
    stopStream();
    showLogin('Your session expired — please log in again.');
  }

  function showLogin(message) {
    $('app-view').classList.add('hidden');
    $('login-view').classList.remove('hidden');
    $('logout-btn').classList.add('hidden');
    $('user-email').textContent = '';
    const m = $('session-msg');
    m.textContent = message || '';
    m.classList.toggle('hidden', !message);
    m.dataset.state = message ? 'expired' : '';
  }

  async function showApp() {
    $('login-view').classList.add('hidden');
    $('app-view').classList.remove('hidden');
    $('logout-btn').classList.remove('hidden');
    $('user-email').textContent = session.email;
    $('claim-form').classList.toggle('hidden', !session.guest);
    await loadProjects();
  }

  async function authenticate(kind) {
    clearError();
    const email = $('email').value.trim(), password = $('password').value;
    const payload = { email, password };
    if (kind === 'register' && $('name').value.trim()) payload.name = $('name').value.trim();
    const res = await fetch(API + '/auth/' + kind, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload),
    });
    if (!res.ok) throw await toError(res);
    session.set((await res.json()).data);
    await showApp();
  }

  async function startGuest() {
    clearError();
    const res = await fetch(API + '/auth/guest', { method: 'POST' });
    if (!res.ok) throw await toError(res);
    session.set((await res.json()).data);
    await showApp();
  }

  // The guest becomes an account with this e-mail and password and keeps its projects.
  async function claimGuest() {
    const data = await api('POST', '/auth/claim', { email: $('claim-email').value.trim(), password: $('claim-password').value });
    session.set(data);
    $('claim-password').value = '';
    notice('Saved: you can now log in as ' + data.user.email);
    await showApp();
  }

  // ---------- projects, documents, runs ----------
  async function listAll(path) {
    const out = [];
    let cursor = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const data = await api('GET', path + sep + 'limit=' + PAGE + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      out.push(...data.items);
      cursor = data.next_cursor;
    } while (cursor);
    return out;
  }

  // ---------- roles in a shared project (docs/permissions.md) ----------
  const RANK = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };
  const NEEDS = { read: 0, review: 1, edit: 2, manage: 3 };
  function can(action) { return !!S.project && RANK[S.project.role || 'owner'] >= NEEDS[action]; }
  // Controls marked data-needs="ACTION" show only when the role allows it; the server refuses
  // anyway (403), this only spares the user buttons that cannot work.
  function applyRole() {
    document.querySelectorAll('[data-needs]').forEach((n) => n.classList.toggle('role-hidden', !can(n.dataset.needs)));
    const role = S.project ? S.project.role || 'owner' : '';
    $('project-view').dataset.role = role;
    $('project-role').textContent = role && role !== 'owner' ? 'Shared with you as ' + role : '';
  }

  async function loadProjects() {
    const projects = await listAll('/projects');
    const ul = $('project-list');
    ul.replaceChildren(...projects.map((p) => el('li', { 'data-project-id': p.id, 'data-role': p.role || 'owner' },
      el('button', { type: 'button', class: S.project && S.project.id === p.id ? 'selected' : '',
        text: p.name + ' · ' + p.language + ' (' + p.document_count + ')' + (p.role && p.role !== 'owner' ? ' · ' + p.role : ''),
        onclick: guard(() => openProject(p)) }))));
  }

  async function openProject(p) {
    stopStream();
    S.project = p;
    S.run = null;
    $('run-view').classList.add('hidden');
    $('review-view').classList.add('hidden');
    $('project-title').textContent = p.name;
    $('project-view').classList.remove('hidden');
    $('project-view').dataset.projectId = p.id;
    applyRole();
    await Promise.all([loadDocuments(), loadRuns(), loadMembers()]);
    await loadProjects();
  }

  async function loadMembers() {
    const members = await listAll('/projects/' + S.project.id + '/members');
    $('member-list').replaceChildren(...members.map((m) => {
      const mine = m.email === session.email;
      const action = m.role === 'owner' ? null
        : mine ? el('button', { type: 'button', text: 'Leave', onclick: guard(() => removeMember(m, true)) })
        : can('manage') ? el('button', { type: 'button', text: 'Remove', onclick: guard(() => removeMember(m, false)) })
        : null;
      return el('li', { class: 'member', 'data-user-id': m.user_id, 'data-role': m.role },
        el('span', { text: m.email + ' · ' + m.role }), action);
    }));
  }

  async function share() {
    const email = $('share-email').value.trim();
    await api('POST', '/projects/' + S.project.id + '/members', { email, role: $('share-role').value });
    $('share-email').value = '';
    notice('Shared with ' + email);
    await loadMembers();
  }

  async function removeMember(m, leaving) {
    await api('DELETE', '/projects/' + S.project.id + '/members/' + m.user_id);
    if (!leaving) { notice('Removed ' + m.email); await loadMembers(); return; }
    notice('You left ' + S.project.name);
    S.project = null;
    $('project-view').classList.add('hidden');
    $('run-view').classList.add('hidden');
    $('review-view').classList.add('hidden');
    await loadProjects();
  }

  async function loadDocuments() {
    const docs = await listAll('/projects/' + S.project.id + '/documents');
    S.documents = docs;
    $('document-list').replaceChildren(...docs.map((d) => el('li', { 'data-document-id': d.id, 'data-filename': d.filename },
      d.filename + ' · ' + d.format + ' · ' + d.word_count + ' words')));
  }

  async function loadRuns() {
    const runs = await listAll('/projects/' + S.project.id + '/runs');
    $('run-list').replaceChildren(...runs.map((r) => el('li', { 'data-run-id': r.id, 'data-status': r.status },
      el('button', { type: 'button', text: r.created_at + ' · ' + r.status, onclick: guard(() => openRun(r.id)) }))));
  }

  async function upload() {
    const f = $('upload-file').files[0];
    if (!f) { notice('Choose a file first'); return; }
    const form = new FormData();
    form.append('file', f, f.name);
    busy(1);
    try { await request('POST', '/projects/' + S.project.id + '/documents', { body: form }); } finally { busy(-1); }
    $('upload-file').value = '';
    notice('Uploaded ' + f.name);
    await Promise.all([loadDocuments(), loadProjects()]);  // the project list shows document counts
  }

  async function startRun() {
    const run = await api('POST', '/projects/' + S.project.id + '/runs', {});
    await loadRuns();
    await openRun(run.id);
  }

  // ---------- live progress: fetch + ReadableStream (EventSource cannot send Authorization) ----------
  function stopStream() { if (S.runStream) { S.runStream.abort(); S.runStream = null; } }

  function renderRun(run) {
    S.run = run;
    $('run-view').classList.remove('hidden');
    $('run-view').dataset.runId = run.id;
    $('run-id').textContent = run.id;
    const st = $('run-status'); st.textContent = run.status; st.dataset.status = run.status;
    const c = run.counts || {};
    $('run-counts').textContent = Object.entries(c).map(([k, v]) => k + ': ' + v).join(' · ');
    const name = (id) => { const d = (S.documents || []).find((x) => x.id === id); return d ? d.filename : id; };
    $('run-docs').replaceChildren(...(run.documents || []).map((d) => el('li', { 'data-document-id': d.document_id, 'data-status': d.status },
      name(d.document_id) + ' — ' + d.status + (d.attempts ? ' (attempts ' + d.attempts + ')' : '') + (d.error ? ' — ' + (d.error.message || d.error.code || d.error) : ''))));
  }

  async function openRun(runId) {
    stopStream();
    $('review-view').classList.add('hidden');
    $('preview').classList.add('hidden');
    $('run-events-log').replaceChildren();
    if (!S.documents) await loadDocuments();
    const run = await api('GET', '/runs/' + runId);
    renderRun(run);
    if (FINISHED.includes(run.status)) { await runFinished(run); return; }
    watchRun(runId);
  }

  async function watchRun(runId) {
    const ctrl = new AbortController();
    S.runStream = ctrl;
    try {
      const res = await request('GET', '/runs/' + runId + '/events', { signal: ctrl.signal, headers: { Accept: 'text/event-stream' } });
      const reader = res.body.getReader();
      const dec = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i); buf = buf.slice(i + 2);
          let name = 'message'; const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length || name !== 'message') onRunEvent(runId, name, data.join('\n'));
        }
      }
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status !== 401) showError(e);
    }
    if (S.runStream !== ctrl) return;
    S.runStream = null;
    // The stream closed: the run should be finished; poll if it is not (e.g. a dropped connection).
    for (let delay = 500; ; delay = Math.min(delay * 2, 5000)) {
      const run = await api('GET', '/runs/' + runId).catch((e) => { showError(e); return null; });
      if (!run || (S.run && S.run.id !== runId)) return;
      renderRun(run);
      if (FINISHED.includes(run.status)) { await runFinished(run); return; }
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  function onRunEvent(runId, name, data) {
    if (!S.run || S.run.id !== runId) return;
    let obj = null;
    try { obj = JSON.parse(data); } catch (_) { /* plain text */ }
    const log = $('run-events-log');
    log.append(el('li', { 'data-event': name }, name + ' ' + (obj && obj.status ? obj.status : '') + (obj && obj.document_id ? ' ' + obj.document_id : '')));
    if (obj && obj.counts && obj.documents) renderRun(obj);
    else if (obj && obj.document_id && obj.status && S.run.documents) {
      const d = S.run.documents.find((x) => x.document_id === obj.document_id);
      if (d) { Object.assign(d, obj); renderRun(S.run); }
    } else if (obj && obj.status && obj.id === runId) { S.run.status = obj.status; renderRun(S.run); }
  }

  async function runFinished(run) {
    renderRun(run);
    await loadRuns().catch(showError);
    const select = $('review-doc-select');
    const docs = (run.documents || []).filter((d) => d.status === 'succeeded');
    const name = (id) => { const d = (S.documents || []).find((x) => x.id === id); return d ? d.filename : id; };
    select.replaceChildren(...docs.map((d) => el('option', { value: d.document_id, text: name(d.document_id) })));
    $('review-view').classList.remove('hidden');
    $('review-view').dataset.runId = run.id;
    await loadExports();
    if (docs.length) await loadSuggestions(docs[0].document_id);
    else { S.items = []; renderList(); }
  }

  // ---------- suggestions ----------
  async function loadSuggestions(docId) {
    const token = ++S.loadToken;
    S.docId = docId; S.items = []; S.cursor = 0;
    $('load-state').dataset.loaded = 'false';
    $('load-state').textContent = 'loading…';
    renderList();
    let cursor = null;
    do {
      const q = '/runs/' + S.run.id + '/suggestions?document_id=' + encodeURIComponent(docId) + '&limit=' + PAGE +
        (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      const data = await api('GET', q);
      if (token !== S.loadToken) return;  // another document was chosen meanwhile
      for (const s of data.items) S.items.push(s);
      cursor = data.next_cursor;
      renderList();
      await new Promise((r) => setTimeout(r, 0));  // let the page breathe between pages
    } while (cursor);
    $('load-state').dataset.loaded = 'true';
    $('load-state').textContent = '';
    const rules = [...new Set(S.items.map((s) => s.rule_id))].sort();
    $('bulk-rule').replaceChildren(...rules.map((r) => el('option', { value: r, text: r })));
    renderList();
  }

  function updateStats() {
    const c = { pending: 0, accepted: 0, rejected: 0 };
    for (const s of S.items) c[s.state] = (c[s.state] || 0) + 1;
    const st = $('review-stats');
    st.dataset.total = S.items.length; st.dataset.pending = c.pending; st.dataset.accepted = c.accepted; st.dataset.rejected = c.rejected;
    $('count-total').textContent = S.items.length;
    $('count-pending').textContent = c.pending;
    $('count-accepted').textContent = c.accepted;
    $('count-rejected').textContent = c.rejected;
  }

  // Code-point slicing: offsets and lengths in the API count Unicode code points. `lead` bounds the
  // text kept before the span (list rows are one line: the span must stay in view).
  function contextNodes(s, lead = Infinity) {
    const ctx = s.context || { text: '', offset: 0 };
    const cps = Array.from(ctx.text || '');
    const at = Math.max(0, Math.min(cps.length, ctx.offset || 0));
    const len = Array.from(s.original || '').length || s.length || 0;
    const from = at > lead ? at - lead : 0;
    const before = (from > 0 ? '…' : '') + cps.slice(from, at).join(''), hit = cps.slice(at, at + len).join(''), after = cps.slice(at + len).join('');
    const nodes = [before, el('mark', { class: 'hl' }, hit)];
    if (s.replacement !== null && s.replacement !== undefined)
      nodes.push(el('span', { class: 'repl' }, '→ ' + (s.replacement === '' ? '∅' : s.replacement)));
    nodes.push(after);
    return nodes;
  }

  function rowFor(s, i) {
    const row = el('div', {
      class: 'sugg state-' + s.state + (i === S.cursor ? ' current' : ''), role: 'option',
      'data-index': i, 'data-suggestion-id': s.id, 'data-state': s.state, 'data-category': s.category,
      'data-rule-id': s.rule_id, 'data-original': s.original, 'data-replacement': s.replacement === null ? '' : s.replacement,
      'aria-selected': i === S.cursor ? 'true' : 'false',
    },
    el('span', { class: 'badge cat-' + s.category, text: s.category }),
    el('span', { class: 'state', text: s.state }),
    el('span', { class: 'ctx' }, ...contextNodes(s, 24)));
    row.addEventListener('click', () => { S.cursor = i; renderList(); });
    return row;
  }

  function renderList() {
    updateStats();
    const list = $('suggestion-list');
    const n = S.items.length;
    if (S.cursor >= n) S.cursor = Math.max(0, n - 1);
    list.dataset.count = n;
    list.dataset.cursor = S.cursor;
    if (!n) {
      list.replaceChildren(el('p', { class: 'empty', text: $('load-state').dataset.loaded === 'true' ? 'No suggestions for this document.' : 'Loading…' }));
      renderDetail();
      return;
    }
    const start = Math.max(0, Math.min(S.cursor - WINDOW / 2, n - WINDOW));
    const end = Math.min(n, start + WINDOW);
    const rows = [];
    if (start > 0) rows.push(el('p', { class: 'more', text: '… ' + start + ' earlier' }));
    for (let i = start; i < end; i++) rows.push(rowFor(S.items[i], i));
    if (end < n) rows.push(el('p', { class: 'more', text: '… ' + (n - end) + ' later' }));
    list.replaceChildren(...rows);
    const cur = list.querySelector('.sugg.current');
    if (cur) cur.scrollIntoView({ block: 'nearest' });
    renderDetail();
  }

  function renderDetail() {
    const s = S.items[S.cursor];
    const d = $('suggestion-detail');
    if (!s) { d.classList.add('hidden'); d.dataset.suggestionId = ''; return; }
    d.classList.remove('hidden');
    if (d.dataset.suggestionId !== s.id) $('replacement-input').value = s.replacement === null ? '' : s.replacement;
    d.dataset.suggestionId = s.id;
    d.dataset.state = s.state;
    $('detail-meta').textContent = '#' + (S.cursor + 1) + ' of ' + S.items.length + ' · ' + s.category + ' · ' + s.rule_id +
      ' · confidence ' + Number(s.confidence).toFixed(2) + ' · ' + s.story + ' ¶' + (s.paragraph + 1) + ' · ' + s.state;
    $('detail-message').textContent = s.message || '';
    $('detail-context').replaceChildren(...contextNodes(s));
    $('dict-word').textContent = s.original;
  }

  function move(delta) {
    if (!S.items.length) return;
    S.cursor = Math.max(0, Math.min(S.items.length - 1, S.cursor + delta));
    renderList();
  }

  // Decisions go out one after another, in the order they were made.
  function decide(decision, replacement) {
    const s = S.items[S.cursor];
    if (!s || !S.run || !can('review')) return;
    const runId = S.run.id;
    const body = { suggestion_id: s.id, decision };
    if (replacement !== undefined) body.replacement = replacement;
    if (decision !== 'pending') move(1);
    S.decisionChain = S.decisionChain.then(async () => {
      try {
        await api('POST', '/runs/' + runId + '/reviews', { decisions: [body] });
        s.state = decision;
        if (replacement !== undefined) s.replacement = replacement;
        renderList();
      } catch (e) { showError(e); }
    });
  }

  // Bulk decisions take pending suggestions only: an editor's explicit rejections stand.
  async function bulk(filter) {
    filter.document_id = S.docId;
    filter.state = 'pending';
    const data = await api('POST', '/runs/' + S.run.id + '/reviews/bulk', { filter, decision: 'accepted' });
    notice('Accepted ' + data.updated + ' suggestion(s)');
    const keep = S.cursor;
    await loadSuggestions(S.docId);
    S.cursor = Math.min(keep, Math.max(0, S.items.length - 1));
    renderList();
  }

  async function addToDictionary() {
    const s = S.items[S.cursor];
    if (!s) return;
    await api('POST', '/projects/' + S.run.project_id + '/dictionary/words', { word: s.original });
    notice('Added “' + s.original + '” to the project dictionary (used by later runs)');
  }

  // ---------- preview (HTML from galley, rebuilt from an allow-list of elements as text-safe nodes) ----------
  function sanitize(node) {
    const allowed = { P: 'p', INS: 'ins', DEL: 'del', MARK: 'mark' };
    const out = document.createDocumentFragment();
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) out.append(document.createTextNode(c.textContent));
      else if (c.nodeType === Node.ELEMENT_NODE) {
        const tag = allowed[c.tagName];
        if (!tag) { out.append(sanitize(c)); continue; }
        const n = document.createElement(tag);
        if (c.getAttribute('data-id')) n.dataset.id = c.getAttribute('data-id');
        if (c.getAttribute('title')) n.title = c.getAttribute('title');
        n.append(sanitize(c));
        out.append(n);
      }
    }
    return out;
  }

  async function preview() {
    await S.decisionChain;
    busy(1);
    try {
      const res = await request('GET', '/runs/' + S.run.id + '/preview?document_id=' + encodeURIComponent(S.docId) + '&format=html');
      const html = await res.text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const box = $('preview');
      box.replaceChildren(sanitize(doc.body));
      box.classList.remove('hidden');
      box.dataset.loaded = 'true';
    } finally { busy(-1); }
  }

  // ---------- finalize and downloads ----------
  async function finalize() {
    await S.decisionChain;
    const data = await api('POST', '/runs/' + S.run.id + '/finalize');
    const n = Array.isArray(data) ? data.length : (data && data.items ? data.items.length : 0);
    notice('Finalized: ' + n + ' file(s)');
    $('review-view').dataset.finalized = 'true';
    await loadExports();
  }

  async function loadExports() {
    const items = await listAll('/runs/' + S.run.id + '/exports');
    items.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : (b.version || 0) - (a.version || 0)));
    $('exports-list').replaceChildren(...items.map((x) => el('li', { 'data-export-id': x.id, 'data-export-kind': x.kind, 'data-version': x.version },
      el('button', { type: 'button', class: 'download', 'data-export-kind': x.kind, 'data-version': x.version,
        text: 'Download ' + x.kind + ' v' + x.version + ' — ' + x.filename + ' (' + x.size + ' B)',
        onclick: guard(() => download(x)) }))));
    $('exports-list').dataset.count = items.length;
  }

  async function download(x) {
    busy(1);
    try {
      const res = await request('GET', '/runs/' + S.run.id + '/exports/' + x.id + '/download');
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: x.filename, class: 'hidden' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } finally { busy(-1); }
  }

  // ---------- wiring ----------
  function isTyping(t) { return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable); }

  document.addEventListener('DOMContentLoaded', () => {
    $('error-close').addEventListener('click', clearError);
    $('auth-form').addEventListener('submit', (ev) => { ev.preventDefault(); guard(() => authenticate('login'))(); });
    $('register-btn').addEventListener('click', guard(() => authenticate('register')));
    $('guest-btn').addEventListener('click', guard(startGuest));
    $('claim-form').addEventListener('submit', (ev) => { ev.preventDefault(); guard(claimGuest)(); });
    $('logout-btn').addEventListener('click', guard(async () => {
      const token = session.refresh;
      if (token) await fetch(API + '/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refresh_token: token }) }).catch(() => {});
      session.clear(); stopStream(); showLogin('');
    }));
    $('new-project-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      guard(async () => {
        const p = await api('POST', '/projects', { name: $('new-project-name').value.trim(), language: $('new-project-language').value });
        $('new-project-name').value = '';
        await openProject(p);
      })();
    });
    $('upload-form').addEventListener('submit', (ev) => { ev.preventDefault(); guard(upload)(); });
    $('start-run-btn').addEventListener('click', guard(startRun));
    $('share-form').addEventListener('submit', (ev) => { ev.preventDefault(); guard(share)(); });
    $('review-doc-select').addEventListener('change', guard(() => loadSuggestions($('review-doc-select').value)));
    $('accept-btn').addEventListener('click', () => decide('accepted'));
    $('reject-btn').addEventListener('click', () => decide('rejected'));
    $('pending-btn').addEventListener('click', () => decide('pending'));
    $('accept-edited-btn').addEventListener('click', () => decide('accepted', $('replacement-input').value));
    $('dict-btn').addEventListener('click', guard(addToDictionary));
    $('bulk-category-btn').addEventListener('click', guard(() => bulk({ category: $('bulk-category').value })));
    $('bulk-rule-btn').addEventListener('click', guard(() => { if ($('bulk-rule').value) return bulk({ rule_id: $('bulk-rule').value }); }));
    $('preview-btn').addEventListener('click', guard(preview));
    $('finalize-btn').addEventListener('click', guard(finalize));
    document.addEventListener('keydown', (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev.target)) return;
      if ($('review-view').classList.contains('hidden')) return;
      const k = ev.key;
      if (k === 'j') move(1);
      else if (k === 'k') move(-1);
      else if (k === 'PageDown') move(20);
      else if (k === 'PageUp') move(-20);
      else if (k === 'Home') move(-S.items.length);
      else if (k === 'End') move(S.items.length);
      else if (k === 'a') decide('accepted');
      else if (k === 'r') decide('rejected');
      else return;
      ev.preventDefault();
    });
    if (session.access) guard(showApp)(); else showLogin('');
  });
})();
