#!/usr/bin/env node
// `xxgk`: the compiled CLI of dist/ when it is current (see entry.js), otherwise the TypeScript
// sources through tsx's loader, so `npx xxgk` works straight after `npm install` either way.
import { pathToFileURL } from 'node:url';
import { compiledEntry } from './entry.js';

const compiled = compiledEntry();
if (compiled) {
  await import(pathToFileURL(compiled).href);
} else {
  if (process.stderr.isTTY && !process.env.XXGK_ENTRY) {
    process.stderr.write('xxgk: dist/ is missing or older than the sources; running them through tsx (slower start). `npm run build` compiles them.\n');
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../pipeline/cli.ts');
}
