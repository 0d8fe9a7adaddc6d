// Bench-only: runs Harper over the English rows of a slips development set (TSV written by
// `galley_slips_eval --dump`), with the same measure galley_slips_eval uses: a slip is fixed
// when Harper's corrected slipped paragraph equals its corrected original; a clean paragraph
// is changed when Harper alters it at all. Every lint's first suggestion is applied.
//
// Usage: node harper_eval.mjs SET.tsv
import { readFileSync } from 'node:fs';
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';

const linter = new LocalLinter({ binary: binaryInlined });

async function corrected(text) {
  // Apply one suggestion at a time, re-linting after each, so spans stay valid.
  let current = text;
  for (let round = 0; round < 20; ++round) {
    const lints = await linter.lint(current, { language: 'plaintext' });
    const fixable = lints.filter((l) => l.suggestions().length > 0);
    if (fixable.length === 0) break;
    const next = await linter.applySuggestion(current, fixable[0], fixable[0].suggestions()[0]);
    if (next === current) break;
    current = next;
  }
  return current;
}

const rows = readFileSync(process.argv[2], 'utf8').split('\n').slice(1)
  .map((l) => l.split('\t')).filter((r) => r.length >= 4 && r[0] === 'en');
const tally = new Map();
for (const [, kind, original, slipped] of rows) {
  const t = tally.get(kind) ?? { cases: 0, hits: 0 };
  t.cases += 1;
  const want = await corrected(original);
  if (kind === 'clean') t.hits += want !== original ? 1 : 0;
  else t.hits += (await corrected(slipped)) === want ? 1 : 0;
  tally.set(kind, t);
}
let all = { cases: 0, hits: 0 };
for (const [kind, t] of tally) {
  if (kind !== 'clean') { all.cases += t.cases; all.hits += t.hits; }
  console.log(`harper ${kind.padEnd(16)} ${String(t.cases).padStart(6)} ${String(t.hits).padStart(6)} ${(100 * t.hits / Math.max(t.cases, 1)).toFixed(1).padStart(7)}%${kind === 'clean' ? '  (clean paragraphs changed)' : ''}`);
}
console.log(`harper ${'ALL slips'.padEnd(16)} ${String(all.cases).padStart(6)} ${String(all.hits).padStart(6)} ${(100 * all.hits / Math.max(all.cases, 1)).toFixed(1).padStart(7)}%`);
