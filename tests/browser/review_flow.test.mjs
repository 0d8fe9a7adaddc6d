// Browser test of galley's review page: playwright-core drives Debian's chromium (headless) through
// register → project → upload a DOCX → run → review with the keyboard (two accepted, one rejected)
// → preview → finalize → download, and checks the final DOCX has exactly the accepted changes.
// Plain node script (harness in support.mjs): exit code 0 on success, 1 on failure.
import fs from 'node:fs';
import path from 'node:path';
import { check, docxParagraphs, makeDocx, runBrowserTest } from './support.mjs';

// One paragraph, three known suggestions in document order:
//   0 "dia" → "día" (accept)   1 "tambien" → "también" (accept)   2 double space → " " (reject)
// (Long enough for galley to detect Spanish: a very short text is `und` and gets no spelling rules.)
const PARAGRAPH = 'Ayer fue un dia largo y tambien  muy fresco en la ciudad, pero los niños jugaron en el parque con sus amigos.';
const EXPECTED_FINAL = 'Ayer fue un día largo y también  muy fresco en la ciudad, pero los niños jugaron en el parque con sus amigos.';

async function scenario({ base, page, work, consoleErrors }) {
  await page.goto(base + '/');
  await page.locator('#login-view').waitFor({ state: 'visible' });
  check(true, 'the page loads and shows the login form');

  // Register.
  await page.fill('#email', 'editor@example.com');
  await page.fill('#password', 'correct horse battery');
  await page.fill('#name', 'Editor');
  await page.click('#register-btn');
  await page.locator('#app-view').waitFor({ state: 'visible' });
  check((await page.textContent('#user-email')) === 'editor@example.com', 'registered and logged in');

  // Create a project.
  await page.fill('#new-project-name', 'Novela');
  await page.selectOption('#new-project-language', 'es');
  await page.click('#new-project-btn');
  await page.locator('#project-view').waitFor({ state: 'visible' });
  await page.locator('#project-list li').first().waitFor();
  check((await page.textContent('#project-title')) === 'Novela', 'project created and opened');

  // Upload the DOCX (multipart `file`).
  await page.setInputFiles('#upload-file', { name: 'capitulo.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await makeDocx([PARAGRAPH]) });
  await page.click('#upload-btn');
  await page.locator('#document-list li[data-filename="capitulo.docx"]').waitFor();
  check(true, 'document uploaded and listed');
  await page.locator('#project-list li button', { hasText: 'Novela · es (1)' }).waitFor();
  check(true, 'the project list counts the uploaded document');

  // Start a run and wait for it on the page.
  await page.click('#start-run-btn');
  await page.locator('#run-view').waitFor({ state: 'visible' });
  await page.locator('#run-status[data-status="succeeded"]').waitFor({ timeout: 120_000 });
  await page.locator('#run-docs li[data-status="succeeded"]').first().waitFor();
  check(true, 'run succeeded on the page');

  // Suggestions loaded.
  await page.locator('#load-state[data-loaded="true"]').waitFor({ state: 'attached' });
  const stats = async () => page.$eval('#review-stats', (e) => ({ ...e.dataset }));
  let st = await stats();
  check(st.total === '3' && st.pending === '3', `three pending suggestions shown (got ${JSON.stringify(st)})`);
  const originals = await page.$$eval('#suggestion-list .sugg', (rows) => rows.map((r) => r.dataset.original));
  check(JSON.stringify(originals) === JSON.stringify(['dia', 'tambien', '  ']), 'suggestions in document order: dia, tambien, double space');
  check((await page.textContent('#suggestion-list .sugg[data-index="0"] mark.hl')) === 'dia', 'context shown with the span highlighted');

  // Review with the keyboard.
  const current = () => page.$eval('#suggestion-list .sugg.current', (e) => Number(e.dataset.index));
  const waitCurrent = (i) => page.locator(`#suggestion-list .sugg.current[data-index="${i}"]`).waitFor();
  const waitState = (i, s) => page.locator(`#suggestion-list .sugg[data-index="${i}"][data-state="${s}"]`).waitFor();
  await page.focus('#suggestion-list');
  check((await current()) === 0, 'cursor starts on the first suggestion');
  await page.keyboard.press('a');                       // accept "dia" → cursor moves to 1
  await waitState(0, 'accepted');
  await waitCurrent(1);
  await page.keyboard.press('j');                       // move to the double space
  await waitCurrent(2);
  await page.keyboard.press('r');                       // reject it
  await waitState(2, 'rejected');
  await page.keyboard.press('k');                       // back to "tambien"
  await waitCurrent(1);
  await page.keyboard.press('a');                       // accept it
  await waitState(1, 'accepted');
  await page.locator('#review-stats[data-accepted="2"][data-rejected="1"][data-pending="0"]').waitFor({ state: 'attached' });
  st = await stats();
  check(st.accepted === '2' && st.rejected === '1' && st.pending === '0', 'page counts: 2 accepted, 1 rejected, 0 pending');
  check((await page.textContent('#count-accepted')) === '2' && (await page.textContent('#count-rejected')) === '1', 'counts visible in the stats line');

  // Preview.
  await page.click('#preview-btn');
  await page.locator('#preview[data-loaded="true"]').waitFor();
  const ins = await page.$$eval('#preview ins', (n) => n.map((x) => x.textContent));
  check(JSON.stringify(ins) === JSON.stringify(['día', 'también']), `preview shows the two accepted changes (got ${JSON.stringify(ins)})`);
  check((await page.$$('#preview mark')).length === 0, 'preview has no pending marks');

  // Finalize and download the final DOCX.
  await page.click('#finalize-btn');
  const finalBtn = page.locator('#exports-list button.download[data-export-kind="final_docx"]').first();
  await finalBtn.waitFor();
  check(await page.$eval('#review-view', (e) => e.dataset.finalized === 'true'), 'finalized on the page');
  const [download] = await Promise.all([page.waitForEvent('download'), finalBtn.click()]);
  const saved = path.join(work, 'final.docx');
  await download.saveAs(saved);
  check(download.suggestedFilename().endsWith('.docx'), `download named ${download.suggestedFilename()}`);
  const paras = await docxParagraphs(fs.readFileSync(saved));
  check(paras.length === 1 && paras[0] === EXPECTED_FINAL,
    `final DOCX has exactly the accepted changes (got ${JSON.stringify(paras)})`);

  check(consoleErrors.length === 0, `no console errors or CSP violations (got ${JSON.stringify(consoleErrors)})`);
  check(await page.$eval('#error-banner', (e) => e.classList.contains('hidden')), 'no API error banner during the flow');

  // A dead session: both tokens invalid → refresh fails → back to login with "session expired".
  await page.evaluate(() => { sessionStorage.setItem('galley.access', 'x.y.z'); sessionStorage.setItem('galley.refresh', 'bogus'); });
  await page.click('#project-list li button');
  await page.locator('#login-view').waitFor({ state: 'visible' });
  check(/expired/i.test(await page.textContent('#session-msg')), 'an expired session goes back to login with a message');
}


await runBrowserTest('review_flow', scenario);
