// Marian .bin files of a shipped model, made by our converter (scripts/nmt/marian.py), plus our
// own f32 file of exactly the same (dequantized) weights, so both engines run the same model.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function marianFiles(modelId) {
  const dir = mkdtempSync(join(tmpdir(), 'tw-marian-'));
  const py = (...args) => execFileSync('/usr/bin/python3', ['-m', 'nmt.marian', ...args],
    { env: { ...process.env, PYTHONPATH: join(root, 'scripts') }, stdio: ['ignore', 'ignore', 'inherit'] });
  const twm = join(root, 'models', modelId, 'model.twm');
  const files = {
    dir,
    vocab: join(dir, 'vocab.spm'),
    f32Bin: join(dir, 'model.f32.bin'),
    int8Bin: join(dir, 'model.intgemm8.bin'),
    alphaBin: join(dir, 'model.intgemm8.alphas.bin'),
    shortlist: join(dir, 'lex.s2t.bin'),
    oursF32: join(dir, 'model.f32.twm'),
    oursInt8: twm,
    oursMarianInt8: join(dir, 'model.marian-int8.twm'),  // the alpha .bin imported with Marian's arithmetic
  };
  copyFileSync(join(root, 'models', modelId, 'vocab.spm'), files.vocab);
  py('export', twm, '--out', files.f32Bin);
  py('export', twm, '--out', files.int8Bin, '--precision', 'intgemm8');
  py('import', files.f32Bin, '--out', files.oursF32, '--dtype', 'f32');
  const [src, tgt] = modelId.split('-');
  // A tight shortlist (10 targets per source piece) so that it visibly changes some outputs.
  execFileSync('/usr/bin/python3', ['-m', 'nmt.shortlist', '--src', src, '--tgt', tgt, '--vocab', files.vocab, '--out', files.shortlist,
    '--first', '50', '--best', '10'], { env: { ...process.env, PYTHONPATH: join(root, 'scripts') }, stdio: ['ignore', 'ignore', 'inherit'] });
  py('export', twm, '--out', files.alphaBin, '--precision', 'intgemm8', '--alphas', '--src', src, '--tgt', tgt, '--vocab', files.vocab);
  py('import', files.alphaBin, '--out', files.oursMarianInt8, '--dtype', 'int8', '--src', src, '--tgt', tgt);
  return files;
}
