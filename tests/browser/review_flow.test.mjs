// Browser test of galley's review page: playwright-core drives Debian's chromium (headless) through
// register → project → upload a DOCX → run → review with the keyboard (two accepted, one rejected)
// → preview → finalize → download, and checks the final DOCX has exactly the accepted changes.
// Plain node script: exit code 0 on success, 1 on failure. Starts its own galley (GALLEY_BINARY) on a
// free port with a temporary directory and SQLite.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import JSZip from 'jszip';

const here = path.dirname(fileURLToPath(import.meta.url));
const BINARY = process.env.GALLEY_BINARY || path.resolve(here, '../../build/galley');
const CHROMIUM = process.env.GALLEY_CHROMIUM || '/usr/bin/chromium';
const WAIT = 60_000;  // generous: every wait is on a condition, never a fixed sleep

// One paragraph, three known suggestions in document order:
//   0 "dia" → "día" (accept)   1 "tambien" → "también" (accept)   2 double space → " " (reject)
// (Long enough for galley to detect Spanish: a very short text is `und` and gets no spelling rules.)
const PARAGRAPH = 'Ayer fue un dia largo y tambien  muy frio en la ciudad, pero los niños jugaron en el parque con sus amigos.';
const EXPECTED_FINAL = 'Ayer fue un día largo y también  muy frio en la ciudad, pero los niños jugaron en el parque con sus amigos.';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-browser-'));
let galley = null, context = null;
const hardStop = setTimeout(() => { console.error('FAIL: overall time limit (300 s) reached'); cleanup().then(() => process.exit(1)); }, 300_000);

function check(cond, what) {
  if (!cond) throw new Error('assertion failed: ' + what);
  console.log('ok -', what);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function startGalley() {
  const port = await freePort();
  fs.writeFileSync(path.join(work, 'plans.json'), JSON.stringify({ free: { requests_per_minute: 100000 }, guest: { requests_per_minute: 100000 } }));
  const log = fs.openSync(path.join(work, 'galley.log'), 'a');
  const env = { ...process.env, GALLEY_PLANS_FILE: path.join(work, 'plans.json') };
  delete env.GALLEY_JWT_SECRET;
  galley = spawn(BINARY, ['serve', '--http', `127.0.0.1:${port}`, '--db', `sqlite://${work}/galley.db`, '--storage', `${work}/storage`],
    { env, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    if (galley.exitCode !== null) throw new Error('galley exited: ' + fs.readFileSync(path.join(work, 'galley.log'), 'utf8'));
    try { if ((await fetch(base + '/healthz')).ok) return base; } catch (_) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));  // polling interval while waiting for the port
  }
  throw new Error('galley did not answer /healthz in time');
}

async function makeDocx(paragraphs) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const z = new JSZip();
  z.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  z.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  z.file('word/document.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('') + '</w:body></w:document>');
  return z.generateAsync({ type: 'nodebuffer' });
}

// The visible text of word/document.xml: <w:t> runs per paragraph (deleted text is <w:delText>, skipped).
async function docxParagraphs(bytes) {
  const z = await JSZip.loadAsync(bytes);
  const xml = await z.file('word/document.xml').async('string');
  const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const paras = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) || []) {
    let text = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)) text += unesc(m[1]);
    paras.push(text);
  }
  return paras;
}

async function cleanup() {
  try { if (context) await context.close(); } catch (_) { /* already gone */ }
  if (galley && galley.exitCode === null) {
    galley.kill('SIGTERM');
    await new Promise((r) => { const t = setTimeout(() => { galley.kill('SIGKILL'); r(); }, 10_000); galley.once('exit', () => { clearTimeout(t); r(); }); });
  }
  if (!process.env.GALLEY_KEEP_TMP) fs.rmSync(work, { recursive: true, force: true });
}

async function main() {
  const base = await startGalley();
  context = await chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  context.setDefaultTimeout(WAIT);
  const page = context.pages()[0] || await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push('pageerror: ' + e.message));

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

let failed = false;
try {
  await main();
  console.log('PASS review_flow');
} catch (e) {
  failed = true;
  console.error('FAIL:', e && e.stack ? e.stack : e);
  try { console.error('--- galley log (tail) ---\n' + fs.readFileSync(path.join(work, 'galley.log'), 'utf8').split('\n').slice(-40).join('\n')); } catch (_) { /* none */ }
}
await cleanup();
clearTimeout(hardStop);
process.exit(failed ? 1 : 0);
