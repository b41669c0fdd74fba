#!/usr/bin/env node
// npm packages into build/pack/: transwidget-X.tgz (the engine, JS API, widget, polyfill, one-file
// builds and their types: what package.json "files" lists) and transwidget-models-X.tgz (the
// shipped models and registry, a second package: models are large and versioned on their own).
// Usage: node scripts/pack.mjs   (after scripts/build)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'pack');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const npmPack = (dir) => JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: dir, encoding: 'utf8' }))[0];

const main = npmPack(root);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const modelsDir = join(out, 'transwidget-models');
// models/training/ holds runs still in training (scripts/carry-training), not models to ship.
const inTraining = join(root, 'models', 'training');
cpSync(join(root, 'models'), modelsDir, { recursive: true, filter: (path) => !path.startsWith(inTraining) });
writeFileSync(join(modelsDir, 'index.js'), '// The folder of registry.json and the model folders, as a URL for createTranslator({ modelsUrl }).\n' +
  "export const modelsUrl = new URL('./', import.meta.url).href;\n");
writeFileSync(join(modelsDir, 'index.d.ts'), 'export declare const modelsUrl: string;\n');
writeFileSync(join(modelsDir, 'package.json'), JSON.stringify({
  name: 'transwidget-models', version, type: 'module', license: 'SEE LICENSE IN en-de/README.md',
  description: 'Translation models for transwidget (registry.json + one folder per direction; see each model card).',
  exports: { '.': { types: './index.d.ts', default: './index.js' }, './*': './*' },
}, null, 2));
const models = npmPack(modelsDir);
rmSync(modelsDir, { recursive: true });
console.log(JSON.stringify({ package: join(out, main.filename), files: main.entryCount, bytes: main.size,
  models: join(out, models.filename), modelsBytes: models.size }));
