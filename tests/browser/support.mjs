// Shared harness of galley's browser tests: starts the real galley (GALLEY_BINARY) on a free port with
// a temporary directory and SQLite, launches Debian's chromium headless through playwright-core, runs
// one scenario and exits 0 on success, 1 on failure (with the tail of galley's log).
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
export const WAIT = 60_000;  // generous: every wait is on a condition, never a fixed sleep

export function check(cond, what) {
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

async function startGalley(work) {
  const port = await freePort();
  fs.writeFileSync(path.join(work, 'plans.json'), JSON.stringify({ free: { requests_per_minute: 100000 }, guest: { requests_per_minute: 100000 } }));
  const log = fs.openSync(path.join(work, 'galley.log'), 'a');
  const env = { ...process.env, GALLEY_PLANS_FILE: path.join(work, 'plans.json') };
  delete env.GALLEY_JWT_SECRET;
  const galley = spawn(BINARY, ['serve', '--http', `127.0.0.1:${port}`, '--db', `sqlite://${work}/galley.db`, '--storage', `${work}/storage`],
    { env, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    if (galley.exitCode !== null) throw new Error('galley exited: ' + fs.readFileSync(path.join(work, 'galley.log'), 'utf8'));
    try { if ((await fetch(base + '/healthz')).ok) return { galley, base }; } catch (_) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));  // polling interval while waiting for the port
  }
  throw new Error('galley did not answer /healthz in time');
}

export async function makeDocx(paragraphs) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const z = new JSZip();
  z.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  z.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  z.file('word/document.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('') + '</w:body></w:document>');
  return z.generateAsync({ type: 'nodebuffer' });
}

// The visible text of word/document.xml: <w:t> runs per paragraph (deleted text is <w:delText>, skipped).
export async function docxParagraphs(bytes) {
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

// Runs `scenario({ base, page, work, consoleErrors })` and exits the process with its verdict.
export async function runBrowserTest(name, scenario, { limitMs = 300_000 } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-browser-'));
  let galley = null, context = null;
  const cleanup = async () => {
    try { if (context) await context.close(); } catch (_) { /* already gone */ }
    if (galley && galley.exitCode === null) {
      galley.kill('SIGTERM');
      await new Promise((r) => { const t = setTimeout(() => { galley.kill('SIGKILL'); r(); }, 10_000); galley.once('exit', () => { clearTimeout(t); r(); }); });
    }
    if (!process.env.GALLEY_KEEP_TMP) fs.rmSync(work, { recursive: true, force: true });
  };
  const hardStop = setTimeout(() => {
    console.error(`FAIL: overall time limit (${limitMs / 1000} s) reached`);
    cleanup().then(() => process.exit(1));
  }, limitMs);

  let failed = false;
  try {
    const started = await startGalley(work);
    galley = started.galley;
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
    await scenario({ base: started.base, page, work, consoleErrors });
    console.log('PASS ' + name);
  } catch (e) {
    failed = true;
    console.error('FAIL:', e && e.stack ? e.stack : e);
    try { console.error('--- galley log (tail) ---\n' + fs.readFileSync(path.join(work, 'galley.log'), 'utf8').split('\n').slice(-40).join('\n')); } catch (_) { /* none */ }
  }
  await cleanup();
  clearTimeout(hardStop);
  process.exit(failed ? 1 : 0);
}

// Registers through the page's form and waits for the app view.
export async function registerOnPage(page, base, email, password) {
  await page.goto(base + '/');
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.fill('#name', 'Editor');
  await page.click('#register-btn');
  await page.locator('#app-view').waitFor({ state: 'visible' });
}
