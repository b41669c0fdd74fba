// The JavaScript API in Node (worker_threads + the WASM engine), exactly as the browser uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { createTranslator, ErrorCodes, planRoute, splitSentences } from '../../web/translator/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const registry = JSON.parse(readFileSync(join(root, 'models', 'registry.json'), 'utf8'));
const enDe = registry.models.find((m) => m.id === 'en-de');

// A private copy of the models directory whose files the test may damage.
function modelsCopy(mutate) {
  const dir = mkdtempSync(join(tmpdir(), 'tw-models-'));
  mkdirSync(join(dir, 'en-de'));
  for (const { path } of Object.values(enDe.files)) copyFileSync(join(root, 'models', path), join(dir, path));
  const reg = { version: 1, models: [JSON.parse(JSON.stringify(enDe))] };
  mutate?.(dir, reg);
  writeFileSync(join(dir, 'registry.json'), JSON.stringify(reg));
  return pathToFileURL(dir + '/').href;
}

test('progress events carry real byte counts and end with ready', async () => {
  const events = [];
  const t = await createTranslator({ from: 'en', to: 'de', progressCallback: (e) => events.push(e) });
  try {
    const statuses = new Set(events.map((e) => e.status));
    for (const s of ['initiate', 'download', 'progress', 'done', 'ready']) assert.ok(statuses.has(s), s);
    const modelDone = events.find((e) => e.status === 'done' && e.file === 'en-de/model.twm');
    assert.equal(modelDone.loaded, enDe.files.model.bytes);
    assert.equal(modelDone.total, enDe.files.model.bytes);
    assert.equal(events.at(-1).status, 'ready');
    const out = await t.translate('A dog runs through the snow.');
    assert.equal(typeof out, 'string');
    assert.ok(out.length > 0);
  } finally {
    t.dispose();
  }
});

test('integrity mismatch is a typed error', async () => {
  const modelsUrl = modelsCopy((dir, reg) => { reg.models[0].files.model.sha256 = '0'.repeat(64); });
  await assert.rejects(createTranslator({ from: 'en', to: 'de', modelsUrl }), (e) => e.code === ErrorCodes.INTEGRITY && /sha256/.test(e.message));
});

test('truncated download is a typed error', async () => {
  const modelsUrl = modelsCopy((dir) => {
    const p = join(dir, 'en-de', 'model.twm');
    writeFileSync(p, readFileSync(p).subarray(0, 1000));
  });
  await assert.rejects(createTranslator({ from: 'en', to: 'de', modelsUrl }), (e) => e.code === ErrorCodes.INTEGRITY && /expected/.test(e.message));
});

test('a corrupt model that matches its registry entry is rejected by the engine with its reason', async () => {
  const modelsUrl = modelsCopy((dir, reg) => {
    const p = join(dir, 'en-de', 'model.twm');
    const b = readFileSync(p);
    b[b.length - 10] ^= 0xff;
    writeFileSync(p, b);
    reg.models[0].files.model.sha256 = execFileSync('sha256sum', [p], { encoding: 'utf8' }).split(' ')[0];
  });
  await assert.rejects(createTranslator({ from: 'en', to: 'de', modelsUrl }), (e) => e.code === ErrorCodes.BAD_MODEL && /checksum mismatch in tensor/.test(e.message));
});

test('a model file from a newer format version says so', async () => {
  const modelsUrl = modelsCopy((dir, reg) => {
    const p = join(dir, 'en-de', 'model.twm');
    const b = readFileSync(p);
    b.writeUInt32LE(2, 8);  // format version 2
    writeFileSync(p, b);
    reg.models[0].files.model.sha256 = execFileSync('sha256sum', [p], { encoding: 'utf8' }).split(' ')[0];
  });
  await assert.rejects(createTranslator({ from: 'en', to: 'de', modelsUrl }), (e) => e.code === ErrorCodes.MODEL_TOO_NEW && /newer than this engine/.test(e.message));
});

test('unknown language pair is a typed error naming what exists', async () => {
  await assert.rejects(createTranslator({ from: 'en', to: 'xx' }), (e) => e.code === ErrorCodes.UNKNOWN_PAIR && /en→de/.test(e.message));
});

test('concurrent translate calls each get their own result', async () => {
  const t = await createTranslator({ from: 'en', to: 'de' });
  try {
    const inputs = ['A man rides a horse.', 'Two children play in the park.', 'A woman reads a book.', ['One.', 'Two.']];
    const sequential = [];
    for (const i of inputs) sequential.push(await t.translate(i));
    const parallel = await Promise.all(inputs.map((i) => t.translate(i)));
    assert.deepEqual(parallel, sequential);
    assert.ok(Array.isArray(parallel[3]) && parallel[3].length === 2);
  } finally {
    t.dispose();
  }
});

test('threads: the pthread engine and several engine workers give the same output as one thread', async () => {
  // Long lines too, so that the pthread engine really splits work (products above its threshold).
  const lines = ['A man rides a horse.', 'Two children play in the park.', 'A woman reads a book.', '', 'A dog runs.',
    Array.from({ length: 12 }, (_, i) => `Person number ${i} walks along the beach with a red umbrella.`).join(' ')];
  const one = await createTranslator({ from: 'en', to: 'de' });
  const mt = await createTranslator({ from: 'en', to: 'de', threads: 3 });
  const workers = await createTranslator({ from: 'en', to: 'de', threads: 2, threadMode: 'workers' });
  try {
    assert.equal(one.threading, 'single');
    assert.equal(mt.threading, 'pthreads');  // Node has SharedArrayBuffer: one engine, three threads
    assert.equal(mt.threads, 3);
    assert.equal(workers.threading, 'workers');
    assert.equal(workers.threads, 2);
    const want = await one.translate(lines);
    assert.deepEqual(await mt.translate(lines), want);
    assert.deepEqual(await workers.translate(lines), want);
  } finally {
    one.dispose();
    mt.dispose();
    workers.dispose();
  }
});

test('threads: without the multi-threaded engine files, threads fall back to engine workers and say why', async () => {
  const t = await createTranslator({ from: 'en', to: 'de', threads: 2, wasmMtUrl: new URL('../../web/engine/missing-mt.wasm', import.meta.url).href });
  try {
    assert.equal(t.threading, 'workers');
    assert.match(t.threadingReason, /multi-threaded engine could not be loaded/);
    assert.equal(typeof (await t.translate('A dog runs.')), 'string');
  } finally {
    t.dispose();
  }
});

test('a registry model\'s shortlist is used on WASM unless turned off, as the native CLI uses it', async () => {
  assert.ok(enDe.files.shortlist, 'en-de ships a shortlist (scripts/make-shortlist)');
  const lines = gunzipSync(readFileSync(join(root, '..', 'shared', 'data', 'multi30k', 'test_2016_flickr.en.gz')))
    .toString('utf8').split('\n').filter(Boolean).slice(0, 300);
  const native = (...flags) => execFileSync(join(root, 'scripts', 'translate'), ['--model', 'en-de', ...flags],
    { input: lines.join('\n') + '\n', encoding: 'utf8' }).split('\n').slice(0, -1);
  const events = [];
  const withList = await createTranslator({ from: 'en', to: 'de', progressCallback: (e) => events.push(e) });
  const whole = await createTranslator({ from: 'en', to: 'de', shortlist: false });
  try {
    const [a, b] = [await withList.translate(lines), await whole.translate(lines)];
    assert.ok(events.some((e) => e.status === 'done' && e.file === 'en-de/lex.s2t.bin'), 'the shortlist was fetched');
    assert.deepEqual(a, native(), 'with the shortlist: the native CLI on the model directory');
    assert.deepEqual(b, native('--no-shortlist'), 'shortlist: false scores the whole vocabulary');
    assert.ok(a.some((x, i) => x !== b[i]), 'the shortlist changes some outputs, so it was applied');
  } finally {
    withList.dispose();
    whole.dispose();
  }
  await assert.rejects(createTranslator({ from: 'en', to: 'de', shortlist: 'yes' }),
    (e) => e.code === ErrorCodes.INVALID_OPTION && /shortlist/.test(e.message));
});

test('threadMode must be auto or workers', async () => {
  await assert.rejects(createTranslator({ from: 'en', to: 'de', threads: 2, threadMode: 'fibers' }),
    (e) => e.code === ErrorCodes.INVALID_OPTION && /threadMode/.test(e.message));
});

test('dispose rejects later and pending calls', async () => {
  const t = await createTranslator({ from: 'en', to: 'de' });
  const pending = t.translate('A long line of people waits outside a museum.');
  t.dispose();
  await assert.rejects(pending, (e) => e.code === ErrorCodes.DISPOSED);
  await assert.rejects(t.translate('x'), (e) => e.code === ErrorCodes.DISPOSED);
});

test('streaming yields growing partial translations, one per sentence', async () => {
  const t = await createTranslator({ from: 'en', to: 'de' });
  try {
    const parts = [];
    for await (const p of t.translateStreaming('A dog runs. A cat sleeps. Two birds fly.')) parts.push(p);
    assert.equal(parts.length, 3);
    assert.ok(parts[1].startsWith(parts[0]) && parts[2].startsWith(parts[1]));
  } finally {
    t.dispose();
  }
});

test('sentence splitting keeps abbreviations and initials together', () => {
  const s = splitSentences('Dr. Smith met J. Doe. They talked! Then "Hello." 3 dogs ran.').map((p) => p.text);
  assert.deepEqual(s, ['Dr. Smith met J. Doe.', 'They talked!', 'Then "Hello."', '3 dogs ran.']);
});

test('routing: direct pair first, else a pivot through English, else a typed error', () => {
  const reg = { models: [['en', 'de'], ['de', 'en'], ['en', 'fr'], ['fr', 'en'], ['de', 'fr']].map(([from, to]) => ({ id: `${from}-${to}`, from, to })) };
  assert.deepEqual(planRoute(reg, 'de', 'fr').map((m) => m.id), ['de-fr']);
  assert.deepEqual(planRoute(reg, 'fr', 'de').map((m) => m.id), ['fr-en', 'en-de']);
  assert.throws(() => planRoute(reg, 'fr', 'it'), (e) => e.code === ErrorCodes.UNKNOWN_PAIR);
});

test('bad text through the JS API: lone surrogates, zero-width, emoji, empty strings, one line each', async () => {
  const t = await createTranslator({ from: 'en', to: 'de' });
  try {
    const inputs = ['\uD800 lone high \uDC00 low surrogates', 'zero\u200Bwidth\u200D', 'A dog 🐕 runs.', '', '   ', 'e\u0301 combining'];
    const out = await t.translate(inputs);
    assert.equal(out.length, inputs.length);
    assert.equal(out[3], '');
    assert.equal(out[4], '');
    for (const i of [0, 1, 2, 5]) assert.ok(out[i].length > 0, `output ${i} is empty`);
  } finally {
    t.dispose();
  }
});

test('keep: do-not-translate terms come out verbatim, once each, in every kind of call', async () => {
  const t = await createTranslator({ from: 'en', to: 'de', keep: 'Street & Park, Acme Cloud ,Acme' });
  try {
    assert.deepEqual(t.keep, ['Street & Park', 'Acme Cloud', 'Acme'], 'trimmed, longest first');
    const lines = ['A man walks into Street & Park with a dog.', 'Acme Cloud stores your photos.',
      'Two women from Acme talk to a man from Acme Cloud.', 'A dog runs through the snow.'];
    const out = await t.translate(lines);
    const count = (s, term) => s.split(term).length - 1;
    assert.equal(count(out[0], 'Street & Park'), 1, out[0]);
    assert.equal(count(out[1], 'Acme Cloud'), 1, out[1]);
    assert.equal(count(out[2], 'Acme Cloud'), 1, out[2]);
    assert.equal(count(out[2].replace('Acme Cloud', ''), 'Acme'), 1, out[2]);
    for (let i = 0; i < 3; i++) assert.notEqual(out[i], lines[i], 'the rest is translated');
    // A line without terms is translated exactly as without the option.
    const plain = await createTranslator({ from: 'en', to: 'de' });
    try {
      assert.equal(out[3], await plain.translate(lines[3]));
    } finally {
      plain.dispose();
    }
    let streamed = '';
    for await (const partial of t.translateStreaming('A woman sits in Street & Park. She reads a book.')) streamed = partial;
    assert.equal(count(streamed, 'Street & Park'), 1, streamed);
  } finally {
    t.dispose();
  }
});

test('keep must be a string or an array of strings', async () => {
  await assert.rejects(createTranslator({ from: 'en', to: 'de', keep: 42 }), (e) => e.code === ErrorCodes.INVALID_OPTION);
});

test('scripts/translate-js.mjs (the model cards\' probe): one line out per line in, as the API translates them', async () => {
  const lines = ['A dog runs through the snow.', '', 'Two men are talking on the street.', 'The shop opens at 9 am on March 12.'];
  const out = execFileSync(process.execPath, [join(root, 'scripts', 'translate-js.mjs'), join(root, 'models', 'en-de', 'model.twm'),
    join(root, 'models', 'en-de', 'vocab.spm'), 'en', 'de'], { input: lines.join('\n') + '\n', encoding: 'utf8' }).split('\n').slice(0, -1);
  const t = await createTranslator({ from: 'en', to: 'de' });
  try {
    assert.deepEqual(out, await t.translate(lines));
    assert.equal(out[1], '');
    assert.match(out[3], /9 Uhr.*12\. März/, 'the languages given: dates and times as the API writes them');
  } finally {
    t.dispose();
  }
});

test('translator.placeholders is what the model files say, for every model and for a pivot through English', async () => {
  const says = (id) => JSON.parse(execFileSync(join(root, 'build', 'tw-translate'), ['--model', join(root, 'models', id, 'model.twm'),
    '--vocab', join(root, 'models', id, 'vocab.spm'), '--describe'], { encoding: 'utf8' })).config.placeholders === '{n}';
  const expected = Object.fromEntries(registry.models.map((m) => [m.id, says(m.id)]));
  assert.ok(Object.values(expected).includes(true), 'at least one shipped model passes placeholders');
  for (const m of registry.models) {
    const t = await createTranslator({ model: m.id });
    assert.equal(t.placeholders, expected[m.id], m.id);
    t.dispose();
  }
  const pivot = await createTranslator({ from: 'de', to: 'fr' });
  assert.equal(pivot.placeholders, expected['de-en'] && expected['en-fr'], 'every stage must pass them');
  pivot.dispose();
});
