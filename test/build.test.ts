// The compiled build (dist/, made by `npm install` / `npm ci` through "prepare", or `npm run build`)
// and how bin/xxgk.js chooses between it and the TypeScript sources.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledEntry, fingerprint, STAMP } from '../bin/entry.js';

const run = promisify(execFile);
const VERSION = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('bin/xxgk.js', () => {
  it('--version works from whichever code it runs', async () => {
    const { stdout } = await run(process.execPath, ['bin/xxgk.js', '--version']);
    expect(stdout.trim()).toBe(VERSION);
  });

  it('runs the sources when asked to (XXGK_ENTRY=source), with or without a build', async () => {
    const { stdout } = await run(process.execPath, ['bin/xxgk.js', '--version'], { env: { ...process.env, XXGK_ENTRY: 'source' } });
    expect(stdout.trim()).toBe(VERSION);
  });
});

// A miniature project with the real bin/ and a stand-in CLI on each side, to see which one runs.
describe('choosing the compiled build', () => {
  let root: string;
  const xxgk = async (env: Record<string, string> = {}) =>
    (await run(process.execPath, [path.join(root, 'bin/xxgk.js')], { env: { ...process.env, XXGK_ENTRY: '', ...env } })).stdout.trim();
  const stamp = () => fs.writeFileSync(path.join(root, STAMP), JSON.stringify({ fingerprint: fingerprint(root) }));

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-build-'));
    fs.mkdirSync(path.join(root, 'bin'));
    for (const f of ['xxgk.js', 'entry.js']) fs.copyFileSync(path.join('bin', f), path.join(root, 'bin', f));
    fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules')); // tsx, for the sources
    fs.writeFileSync(path.join(root, 'package.json'), '{"type": "module"}');
    fs.mkdirSync(path.join(root, 'pipeline/db'), { recursive: true });
    fs.writeFileSync(path.join(root, 'pipeline/cli.ts'), "const from: string = 'sources';\nconsole.log(from);\n");
    fs.writeFileSync(path.join(root, 'pipeline/db/x.ts'), 'export {};\n');
    fs.writeFileSync(path.join(root, 'tsconfig.json'), '{}');
    fs.writeFileSync(path.join(root, 'tsconfig.build.json'), '{}');
    fs.mkdirSync(path.join(root, 'dist/pipeline'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist/pipeline/cli.js'), "console.log('compiled');\n");
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('without a build stamp (never built, or the build failed): the sources', async () => {
    expect(compiledEntry(root, {})).toBeNull();
    expect(await xxgk()).toBe('sources');
  });

  it('built from exactly these sources: the compiled CLI; XXGK_ENTRY=source overrides', async () => {
    stamp();
    expect(compiledEntry(root, {})).toBe(path.join(root, 'dist/pipeline/cli.js'));
    expect(await xxgk()).toBe('compiled');
    expect(await xxgk({ XXGK_ENTRY: 'source' })).toBe('sources');
  });

  it('a source edited, added or removed after the build: the sources again', async () => {
    const cases: [string, () => void][] = [
      ['edited', () => fs.appendFileSync(path.join(root, 'pipeline/cli.ts'), '\n')],
      ['added', () => fs.writeFileSync(path.join(root, 'pipeline/db/new.ts'), 'export {};\n')],
      ['removed', () => fs.rmSync(path.join(root, 'pipeline/db/x.ts'))],
      ['compiler settings', () => fs.writeFileSync(path.join(root, 'tsconfig.build.json'), '{ }')],
    ];
    for (const [what, change] of cases) {
      stamp();
      expect(compiledEntry(root, {}), `before: ${what}`).not.toBeNull();
      change();
      expect(compiledEntry(root, {}), what).toBeNull();
    }
    expect(await xxgk()).toBe('sources');
    expect(await xxgk({ XXGK_ENTRY: 'dist' })).toBe('compiled'); // forced, stale or not
  });
});

// The real build of this checkout. `npm install` and `npm ci` make it, so it must be there; it may
// be older than the sources while someone edits them (bin/xxgk.js then runs the sources), and
// then the checks of the compiled code itself wait for `npm run build`.
describe('the compiled build of this checkout', () => {
  const current = compiledEntry() !== null;

  it('exists after install (the "prepare" script ran tsc)', () => {
    expect(fs.existsSync(STAMP), `${STAMP} is missing: run npm run build (npm install does it)`).toBe(true);
    expect(fs.existsSync('dist/pipeline/cli.js')).toBe(true);
  });

  it.runIf(current)('runs the whole pipeline, extraction worker threads included, without tsx', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-compiled-'));
    try {
      const raw = path.join(dir, 'raw');
      fs.mkdirSync(raw);
      // 30 distinct files: enough for the worker threads (fewer run in the main thread)
      const text = fs.readFileSync('data/samples/longgang-2022.txt', 'utf8');
      for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(raw, `r${i}.txt`), `${text}\n${i}\n`);
      // a module hook (inherited by the worker threads) that refuses tsx and any .ts file: only the
      // compiled code can run
      const hook = path.join(dir, 'no-sources.mjs');
      const refuse = `export async function resolve(s, c, next) { if (/^tsx(\\/|$)|\\.ts$/.test(s)) throw new Error('not compiled: ' + s); return next(s, c); }`;
      fs.writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(refuse)}`)});\n`);
      const xxgk = (...args: string[]) => run(process.execPath, ['--import', hook, path.resolve('bin/xxgk.js'), ...args], { env: { ...process.env, XXGK_ENTRY: 'dist' } });
      const db = path.join(dir, 'x.duckdb');
      const r = await xxgk('run', raw, '--db', db, '--jobs', '2');
      expect(r.stderr).toMatch(/extract: 30 documents/u);
      const { stdout } = await xxgk('sql', 'SELECT count(*) AS n FROM documents', '--db', db, '--csv');
      expect(stdout.trim().split('\n').at(-1)).toBe('30');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
