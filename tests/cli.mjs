// The translation the browser and package tests expect: the command-line translator's output
// (scripts/translate: the native engine, whose output the WASM engine's equals) with the JS API's
// bookkeeping around it (text-pipeline.js: placeholders for what models copy badly, dates written by
// Intl, a second pass for a line whose numbers the model changed), as a page gets it.
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translateText } from '../web/translator/text-pipeline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'scripts', 'translate');

function cliTranslate(model, lines) {
  return execFileSync(cli, ['--model', model], { input: lines.join('\n') + '\n', encoding: 'utf8' }).split('\n').slice(0, -1);
}

// Read once per model: --describe prints the whole tensor table.
const placeholdersOf = new Map();
function passesPlaceholders(model) {
  if (!placeholdersOf.has(model))
    placeholdersOf.set(model, JSON.parse(execFileSync(cli, ['--model', model, '--describe'], { encoding: 'utf8', maxBuffer: 1 << 26 })).config.placeholders === '{n}');
  return placeholdersOf.get(model);
}

// model: a registry id ("en-de").
export async function expectedTranslation(model, lines) {
  const run = async (part) => ({ lines: cliTranslate(model, part), sourceTokens: 0 });
  const [from, to] = model.split('-');
  return (await translateText(lines, [], run, passesPlaceholders(model), { from, to })).lines;
}
