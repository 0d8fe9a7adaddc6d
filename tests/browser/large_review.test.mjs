// Browser test of galley's review page on a large document: a 3 400-paragraph manuscript with over
// 10 000 suggestions. The page must load them all, keep answering the keyboard (j/k/a) and the
// buttons, bulk-accept a category and show the preview — an editor's session that froze the page
// before the list was windowed and rendered incrementally. Waits are on conditions (generous
// deadlines); the longest main-thread task is printed as a figure, not asserted.
import { check, runBrowserTest } from './support.mjs';

const PARAGRAPHS = 3400;
// Three suggestions per paragraph: "dia" → "día", "tambien" → "también", a double space.
const paragraph = (i) => `Capítulo ${i + 1}: ayer fue un dia largo y tambien  muy soleado en la ciudad, pero los niños jugaron en el parque.`;

async function apiCall(base, token, method, path, body, headers = {}) {
  const res = await fetch(base + '/api/v1' + path, {
    method,
    headers: { ...(token ? { Authorization: 'Bearer ' + token } : {}), ...(body && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text).data;
}

async function scenario({ base, page, consoleErrors }) {
  // Set-up over the API (the page's own upload and run buttons are covered by review_flow).
  const email = 'big@example.com', password = 'correct horse battery';
  const auth = await apiCall(base, null, 'POST', '/auth/register', { email, password });
  const token = auth.access_token;
  const project = await apiCall(base, token, 'POST', '/projects', { name: 'Saga', language: 'es' });
  const text = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n\n') + '\n';
  await apiCall(base, token, 'POST', `/projects/${project.id}/documents?filename=saga.txt`, text, { 'Content-Type': 'text/plain; charset=utf-8' });
  const run = await apiCall(base, token, 'POST', `/projects/${project.id}/runs`, {});
  const deadline = Date.now() + 180_000;
  for (;;) {
    const r = await apiCall(base, token, 'GET', `/runs/${run.id}`);
    if (r.status === 'succeeded') break;
    if (['failed', 'partial', 'cancelled'].includes(r.status) || Date.now() > deadline) throw new Error('run did not succeed: ' + JSON.stringify(r));
    await new Promise((res) => setTimeout(res, 200));  // polling interval while the run works
  }
  check(true, `a run over ${PARAGRAPHS} paragraphs succeeded`);

  // Watch the main thread: the longest task is the figure of "does the page freeze".
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });

  // Log in through the page and open the run.
  await page.goto(base + '/');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('#login-btn');
  await page.locator('#app-view').waitFor({ state: 'visible' });
  await page.click(`#project-list li[data-project-id="${project.id}"] button`);
  await page.click(`#run-list li[data-run-id="${run.id}"] button`);
  const loadStarted = Date.now();
  await page.locator('#load-state[data-loaded="true"]').waitFor({ state: 'attached', timeout: 180_000 });
  const loadMs = Date.now() - loadStarted;
  const total = Number(await page.$eval('#review-stats', (e) => e.dataset.total));
  check(total >= 3 * PARAGRAPHS, `all ${total} suggestions loaded on the page`);
  const rendered = await page.$$eval('#suggestion-list .sugg', (rows) => rows.length);
  check(rendered > 0 && rendered <= 1000, `only a window of the list is in the DOM (${rendered} rows of ${total})`);

  // Keyboard review deep in the list: move 30 down, accept, reject, and jump with the end key.
  await page.focus('#suggestion-list');
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  await page.locator('#suggestion-list .sugg.current[data-index="30"]').waitFor();
  check(true, 'j moved the cursor 30 rows down');
  await page.keyboard.press('a');
  await page.locator('#suggestion-list .sugg[data-index="30"][data-state="accepted"]').waitFor();
  await page.locator('#suggestion-list .sugg.current[data-index="31"]').waitFor();
  await page.keyboard.press('r');
  await page.locator('#suggestion-list .sugg[data-index="31"][data-state="rejected"]').waitFor();
  check(true, 'a and r decide and move on in a list of ' + total);
  await page.keyboard.press('End');
  await page.locator(`#suggestion-list .sugg.current[data-index="${total - 1}"]`).waitFor();
  await page.keyboard.press('k');
  await page.locator(`#suggestion-list .sugg.current[data-index="${total - 2}"]`).waitFor();
  check(true, 'End jumps to the last suggestion and k moves back from there');

  // Bulk-accept the pending suggestions of one category: the counts on the page follow the server.
  await page.selectOption('#bulk-category', 'spelling');
  await page.click('#bulk-category-btn');
  await page.locator('#notice').filter({ hasText: 'Accepted' }).waitFor();
  await page.locator('#load-state[data-loaded="true"]').waitFor({ state: 'attached', timeout: 180_000 });
  const st = await page.$eval('#review-stats', (e) => ({ ...e.dataset }));
  // Spelling is two of every paragraph's three; the one rejected by hand stays rejected.
  check(Number(st.accepted) === 2 * PARAGRAPHS - 1 && Number(st.rejected) === 1 && Number(st.pending) === PARAGRAPHS,
    `bulk accept of pending spelling reflected in the counts, the rejection kept (${JSON.stringify(st)})`);

  // The preview of the whole manuscript renders.
  await page.click('#preview-btn');
  await page.locator('#preview[data-loaded="true"]').waitFor({ timeout: 120_000 });
  const paragraphsShown = await page.$$eval('#preview p', (n) => n.length);
  check(paragraphsShown >= PARAGRAPHS, `preview shows all ${paragraphsShown} paragraphs`);

  if (process.env.GALLEY_SCREENSHOT_DIR) await page.screenshot({ path: process.env.GALLEY_SCREENSHOT_DIR + '/large_review.png', fullPage: false });
  const longest = await page.evaluate(() => window.__longest);
  console.log(`figure: ${total} suggestions loaded in ${loadMs} ms; longest main-thread task ${Math.round(longest)} ms`);
  check(consoleErrors.length === 0, `no console errors (got ${JSON.stringify(consoleErrors.slice(0, 5))})`);
  check(await page.$eval('#error-banner', (e) => e.classList.contains('hidden')), 'no API error banner');
}

await runBrowserTest('large_review', scenario, { limitMs: 380_000 });
