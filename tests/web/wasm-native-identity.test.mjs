// The WASM engine (through the JS API, in a worker) and the native engine running the same
// kernels (--backend native) must produce identical output on all 1 000 test_2016_flickr
// sentences with every shipped int8 model. Where the native output changed a number of the
// source, the JS API translates the line again with its numbers as placeholders (stages/number-retry.js):
// there the WASM output must keep the source's numbers instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTranslator } from '../../web/translator/index.js';
import { numbersOf } from '../../web/translator/stages/number-retry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const registry = JSON.parse(readFileSync(join(root, 'models', 'registry.json'), 'utf8'));

for (const model of registry.models) {
  test(`${model.id}: WASM output identical to native on 1 000 sentences`, { timeout: 600_000 }, async () => {
    const lines = gunzipSync(readFileSync(join(root, '..', 'shared', 'data', 'multi30k', `test_2016_flickr.${model.from}.gz`)))
      .toString('utf8').split('\n').filter((l) => l.length > 0);
    assert.equal(lines.length, 1000);
    const native = execFileSync(join(root, 'scripts', 'translate'), ['--model', model.id, '--backend', 'native'],
      { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n').slice(0, -1);
    const t = await createTranslator({ model: model.id });
    let wasm;
    try {
      wasm = await t.translate(lines);
    } finally {
      t.dispose();
    }
    assert.equal(wasm.length, 1000);
    const retried = (i) => t.placeholders && numbersOf(native[i]) !== numbersOf(lines[i]);
    const differing = lines.map((_, i) => i).filter((i) => !retried(i) && wasm[i] !== native[i]);
    assert.deepEqual(differing.slice(0, 10).map((i) => ({ i, src: lines[i], wasm: wasm[i], native: native[i] })), []);
    const lost = lines.map((_, i) => i).filter((i) => retried(i) && numbersOf(wasm[i]) !== numbersOf(lines[i]));
    assert.deepEqual(lost.map((i) => ({ i, src: lines[i], wasm: wasm[i] })), []);
  });
}
