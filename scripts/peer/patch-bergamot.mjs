#!/usr/bin/env node
// The published @browsermt/bergamot-translator@0.4.9 tarball lacks worker/package.json, so Node
// treats its CommonJS worker as an ES module ("require is not defined"). Add that one file.
import { existsSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '@browsermt', 'bergamot-translator', 'worker');
if (existsSync(dir) && !existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}\n');
