// Browser test of a shared project (docs/permissions.md): the owner shares a corrected DOCX with a
// reviewer (over the API) and a viewer (from the page). The reviewer logs in, finds the project marked as
// shared, sees no upload, run or finalize controls, accepts a suggestion with the keyboard and
// previews it; the owner then finds the decision recorded as the reviewer's. The viewer reads the
// same suggestions but has no decision controls, and its keys change nothing. Harness in support.mjs.
import { check, makeDocx, runBrowserTest } from './support.mjs';

const PARAGRAPH = 'Ayer fue un dia largo y tambien muy fresco en la ciudad, pero los niños jugaron en el parque con sus amigos.';
const PASSWORD = 'correct horse battery';

async function call(base, method, path, token, body, headers = {}) {
  const res = await fetch(base + '/api/v1' + path, {
    method,
    headers: { ...(token ? { Authorization: 'Bearer ' + token } : {}), ...(body && !(body instanceof Buffer) ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body instanceof Buffer ? body : body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!json.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.error)}`);
  return json.data;
}

async function setUp(base) {
  const register = (email) => call(base, 'POST', '/auth/register', null, { email, password: PASSWORD });
  const owner = await register('owner@example.com');
  const reviewer = await register('reviewer@example.com');
  await register('viewer@example.com');
  const t = owner.access_token;
  const project = await call(base, 'POST', '/projects', t, { name: 'Novela compartida', language: 'es' });
  const doc = await call(base, 'POST', '/projects/' + project.id + '/documents?filename=capitulo.docx', t, await makeDocx([PARAGRAPH]),
    { 'Content-Type': 'application/octet-stream' });
  const run = await call(base, 'POST', '/projects/' + project.id + '/runs', t, { document_ids: [doc.id] });
  const deadline = Date.now() + 120_000;
  for (let r = run; r.status !== 'succeeded'; r = await call(base, 'GET', '/runs/' + run.id, t)) {
    if (Date.now() > deadline || ['failed', 'partial', 'cancelled'].includes(r.status)) throw new Error('run ended ' + r.status);
    await new Promise((ok) => setTimeout(ok, 200));  // polling interval while the run works
  }
  await call(base, 'POST', '/projects/' + project.id + '/members', t, { email: 'reviewer@example.com', role: 'reviewer' });
  return { owner, reviewer, run };
}

async function logIn(page, base, email) {
  await page.goto(base + '/');
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(base + '/');
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await page.click('#login-btn');
  await page.locator('#app-view').waitFor({ state: 'visible' });
}

async function openSharedRun(page) {
  await page.locator('#project-list li[data-role] button', { hasText: 'Novela compartida' }).click();
  await page.locator('#project-view').waitFor({ state: 'visible' });
  await page.locator('#run-list li button').first().click();
  await page.locator('#review-view').waitFor({ state: 'visible' });
  await page.locator('#load-state[data-loaded="true"]').waitFor({ state: 'attached' });
}

const hiddenByRole = (page, sel) => page.$eval(sel, (e) => e.classList.contains('role-hidden') || e.offsetParent === null);

async function scenario({ base, page, consoleErrors }) {
  const { owner, reviewer, run } = await setUp(base);

  // The owner shares with the viewer from the page.
  await logIn(page, base, 'owner@example.com');
  await page.locator('#project-list li[data-role="owner"] button', { hasText: 'Novela compartida' }).click();
  await page.locator('#share-form').waitFor({ state: 'visible' });
  await page.fill('#share-email', 'viewer@example.com');
  await page.selectOption('#share-role', 'viewer');
  await page.click('#share-btn');
  await page.locator('#member-list li[data-role="viewer"]').waitFor();
  check(await page.locator('#member-list li[data-role="viewer"] button', { hasText: 'Remove' }).count() === 1, 'the owner shares from the page and may remove members');

  // The reviewer.
  await logIn(page, base, 'reviewer@example.com');
  const item = page.locator('#project-list li', { hasText: 'Novela compartida' });
  check((await item.getAttribute('data-role')) === 'reviewer', 'the shared project is listed with the reviewer role');
  check((await item.textContent()).includes('reviewer'), 'and the list says so');
  await openSharedRun(page);
  check((await page.textContent('#project-role')) === 'Shared with you as reviewer', 'the project says how it is shared');
  for (const sel of ['#upload-form', '#start-run-btn', '#finalize-btn', '#share-form'])
    check(await hiddenByRole(page, sel), `a reviewer does not see ${sel}`);
  for (const sel of ['#bulk-bar', '#preview-btn'])
    check(!(await hiddenByRole(page, sel)), `a reviewer sees ${sel}`);
  const members = await page.$$eval('#member-list li', (n) => n.map((x) => x.dataset.role));
  check(JSON.stringify(members) === JSON.stringify(['owner', 'reviewer', 'viewer']), `members listed (got ${JSON.stringify(members)})`);
  check(await page.locator('#member-list li[data-role="reviewer"] button', { hasText: 'Leave' }).count() === 1, 'the reviewer may leave');
  check(await page.locator('#member-list li button', { hasText: 'Remove' }).count() === 0, 'but remove no one');

  const stats = async () => page.$eval('#review-stats', (e) => ({ ...e.dataset }));
  const before = await stats();
  check(Number(before.total) >= 2 && before.pending === before.total, `suggestions shown to the reviewer (got ${JSON.stringify(before)})`);
  await page.focus('#suggestion-list');
  await page.keyboard.press('a');
  await page.locator('#suggestion-list .sugg[data-index="0"][data-state="accepted"]').waitFor();
  await page.click('#preview-btn');
  await page.locator('#preview[data-loaded="true"]').waitFor();
  check((await page.$$('#preview ins')).length === 1, 'the reviewer previews the accepted change');

  const history = await call(base, 'GET', '/runs/' + run.id + '/reviews/history', owner.access_token);
  check(history.items.length === 1 && history.items[0].user_id === reviewer.user.id, 'the owner sees the decision as the reviewer\'s');

  // The viewer.
  await logIn(page, base, 'viewer@example.com');
  await openSharedRun(page);
  for (const sel of ['#bulk-bar', '#accept-btn', '#preview-btn', '#finalize-btn', '#upload-form'])
    check(await hiddenByRole(page, sel), `a viewer does not see ${sel}`);
  const viewed = await stats();
  check(viewed.total === before.total && viewed.accepted === '1', `the viewer reads the same suggestions (got ${JSON.stringify(viewed)})`);
  await page.focus('#suggestion-list');
  await page.keyboard.press('j');
  await page.keyboard.press('a');
  await page.locator('#suggestion-list .sugg.current[data-index="1"]').waitFor();
  await page.waitForLoadState('networkidle');  // a decision, had one gone out, has landed
  const after = await call(base, 'GET', '/runs/' + run.id + '/suggestions', owner.access_token);
  check(after.items.filter((s) => s.state === 'accepted').length === 1, 'the viewer\'s keys decide nothing');

  check(consoleErrors.length === 0, `no console errors (got ${JSON.stringify(consoleErrors)})`);
  check(await page.$eval('#error-banner', (e) => e.classList.contains('hidden')), 'no API error banner');
}

await runBrowserTest('shared_review', scenario);
