// `npm run build`, also run by `npm install` and `npm ci` ("prepare"): write the SQL generated from
// the metric dictionary (scripts/gen-metric-sql.ts), then compile pipeline/ into dist/
// with tsconfig.build.json and stamp it with the fingerprint of the sources it was made from, so
// bin/xxgk.js runs it only while it matches them. A failed build never fails the install: the CLI
// then runs the sources through tsx, as before.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fingerprint, ROOT, STAMP } from '../bin/entry.js';

const warn = (s) => process.stderr.write(`xxgk build: ${s}\n`);
// first the SQL generated from the metric dictionary (data/reference/metrics.csv). A mistake in the
// dictionary (named with its line) fails `npm run build` but not the install; either way the load
// refuses to run until the generated files are what the dictionary gives.
const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-metric-sql.ts'], { cwd: ROOT, stdio: 'inherit' });
if (gen.status !== 0) {
  warn(`scripts/gen-metric-sql.ts failed (${gen.error?.message ?? `exit code ${gen.status}`}): fix the dictionary and run \`npm run build\` again`);
  if (process.env.npm_lifecycle_event !== 'prepare') process.exitCode = 1;
}
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  warn('TypeScript is not installed (npm install without dev dependencies?): xxgk will run its sources through tsx');
  process.exit();
}
const before = fingerprint(); // taken first: a source edited during the build leaves it stale
fs.rmSync(path.join(ROOT, STAMP), { force: true });
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
// tsc exits 2 when it found type errors but wrote the output: that code runs as tsx would run it
if (r.status === 0 || (r.status === 2 && fs.existsSync(path.join(ROOT, 'dist/pipeline/cli.js')))) {
  if (r.status === 2) warn('type errors above (`npm run typecheck`); the output is written and used');
  removeOrphans(path.join(ROOT, 'dist/pipeline'));
  fs.writeFileSync(path.join(ROOT, STAMP), JSON.stringify({ built: new Date().toISOString(), fingerprint: before }) + '\n');
} else {
  warn(`tsc failed (${r.error?.message ?? `exit code ${r.status}`}): xxgk will run its sources through tsx (slower start)`);
}

/** Output whose source is gone (deleted or renamed since the last build) goes too. Files are written in place, not
 * deleted first, so that an xxgk already running from dist/ keeps finding the modules it loads later. */
function removeOrphans(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const out = path.join(dir, e.name);
    if (e.isDirectory()) removeOrphans(out);
    else {
      const src = path.join(ROOT, path.relative(path.join(ROOT, 'dist'), out)).replace(/\.js$/u, '');
      if (!fs.existsSync(`${src}.ts`) && !fs.existsSync(`${src}.js`)) fs.rmSync(out);
    }
  }
}
