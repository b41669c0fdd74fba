// The command-line translator's output (scripts/translate: the native engine, one line per line):
// what the browser and package tests expect, since the WASM engine's output is identical.
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function cliTranslate(model, lines) {
  return execFileSync(join(root, 'scripts', 'translate'), ['--model', model], { input: lines.join('\n') + '\n', encoding: 'utf8' })
    .split('\n').slice(0, -1);
}
