// The fixtures of tests/spec/live_responses.test.mjs: a hand-built DOCX, the real galley on a
// free port with a temporary SQLite database, the galley command line, and a webhook receiver.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { BINARY, WAIT, setBase } from './spec_checks.mjs';

// ---------------------------------------------------------------------------------------------
// Fixtures: a hand-built DOCX (a stored zip: no compression, so no dependency).
export const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
export function storedZip(files) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8'), content = Buffer.from(f.data, 'utf8'), crc = crc32(content);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x0800, 6); lh.writeUInt16LE(0, 8);
    lh.writeUInt16LE(0, 10); lh.writeUInt16LE(0x21, 12); lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(content.length, 18); lh.writeUInt32LE(content.length, 22); lh.writeUInt16LE(name.length, 26); lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x0800, 8); ch.writeUInt16LE(0, 10);
    ch.writeUInt16LE(0, 12); ch.writeUInt16LE(0x21, 14); ch.writeUInt32LE(crc, 16); ch.writeUInt32LE(content.length, 20);
    ch.writeUInt32LE(content.length, 24); ch.writeUInt16LE(name.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, content);
    centrals.push(ch, name);
    offset += lh.length + name.length + content.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
export function makeDocx(paragraphs) {
  const x = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return storedZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${x(p)}</w:t></w:r></w:p>`).join('') + '</w:body></w:document>' },
  ]);
}
export const TEXT = 'Ayer fue un dia largo y tambien  muy fresco en la ciudad, pero los niños jugaron en el parque con sus amigos.\n\n' +
  'El editor reviso el capitulo , y despues lo envio a la imprenta.\n';
export const DOCX_PARAGRAPHS = ['La reunion de mañana sera en la sala grande , a las diez.', 'Tambien vendran los autores del libro.'];

// ---------------------------------------------------------------------------------------------
// The server, a webhook receiver and the admin command.
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export let dbUrl = '';
export async function startGalley(work) {
  const port = await freePort();
  const lifted = { requests_per_minute: 100000 };
  fs.writeFileSync(path.join(work, 'plans.json'), JSON.stringify({ free: lifted, guest: lifted, pro: lifted }));
  const log = fs.openSync(path.join(work, 'galley.log'), 'a');
  const env = {
    ...process.env,
    GALLEY_PLANS_FILE: path.join(work, 'plans.json'),
    GALLEY_WEBHOOK_ALLOW_PRIVATE: '1',
    GALLEY_FAULTS: 'slow_ms=slow:30000',   // documents named *slow* stay running until cancelled
  };
  delete env.GALLEY_JWT_SECRET;
  dbUrl = `sqlite://${work}/galley.db`;
  const galley = spawn(BINARY, ['serve', '--http', `127.0.0.1:${port}`, '--db', dbUrl, '--storage', `${work}/storage`],
    { env, stdio: ['ignore', log, log] });
  let spawnError = null;
  galley.once('error', (e) => { spawnError = e; });
  const base = `http://127.0.0.1:${port}`;
  setBase(base);
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`cannot start ${BINARY}: ${spawnError.message}`);
    if (galley.exitCode !== null) throw new Error('galley exited with ' + galley.exitCode);
    try { if ((await fetch(base + '/healthz')).ok) return galley; } catch (_) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));  // polling interval while waiting for the port
  }
  throw new Error('galley did not answer /healthz in time');
}

export function galleyCommand(args) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.GALLEY_JWT_SECRET;
    execFile(BINARY, args, { env, timeout: WAIT }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

export function startWebhookReceiver() {
  const received = [];
  const server = http.createServer((req, res) => {
    let b = '';
    req.on('data', (c) => { b += c; });
    req.on('end', () => {
      received.push({ headers: req.headers, body: b });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('thanks');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, received, url: `http://127.0.0.1:${server.address().port}/hooks/galley` })));
}
