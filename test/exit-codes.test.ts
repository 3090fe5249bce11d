// Exit codes and usage errors of the command line (issue 8, point 14).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;

async function xxgk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-exit-'));
  fs.mkdirSync(path.join(dir, 'raw'));
  fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(dir, 'raw/a.txt'));
  fs.copyFileSync(path.join(CORPUS, 'blank-template.docx'), path.join(dir, 'raw/blank.docx'));
  fs.writeFileSync(path.join(dir, 'raw/empty.html'), '');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('xxgk exit codes', () => {
  it('refuses bad numeric options as usage errors (exit 2) naming the valid range, before touching anything', async () => {
    const cases: [string[], RegExp][] = [
      [['run', 'raw', '--jobs', 'abc'], /--jobs must be a whole number from 1 to 256 \(got "abc"\)/u],
      [['run', 'raw', '--jobs', '0'], /--jobs must be a whole number from 1 to 256 \(got "0"\)/u],
      [['extract', '--jobs', '2.5'], /--jobs must be a whole number from 1 to 256/u],
      [['publish', '--min-requests', '-5'], /--min-requests must be a whole number from 0 to 1000000 \(got "-5"\)/u],
      [['publish', '--year', 'abc'], /--year must be a whole number from 2000 to 2100 \(got "abc"\)/u],
      [['run', 'raw', '--worker-memory', '1'], /--worker-memory must be a whole number from 32/u],
      [['run', 'raw', '--max-file-mb', '0'], /--max-file-mb must be a whole number from 1 to 1048576 \(got "0"\)/u],
      [['extract', '--max-inflated-mb', 'lots'], /--max-inflated-mb must be a whole number from 1 to 1048576/u],
      [['fetch', 'urls.csv', '--depth', '11'], /--depth must be a whole number from 0 to 10 \(got "11"\)/u],
      [['fetch', 'urls.csv', '--max', '0'], /--max must be a whole number from 1 to 1000000/u],
      [['fetch', 'urls.csv', '--per-host', '17'], /--per-host must be a whole number from 1 to 16/u],
      [['fetch', 'urls.csv', '--delay', '-1'], /--delay must be a whole number from 0 to 600000/u],
      [['fetch', 'urls.csv', '--timeout', '1.5'], /--timeout must be a whole number from 1 to 3600/u],
      [['fetch', 'urls.csv', '--retries', 'x'], /--retries must be a whole number from 0 to 10/u],
      [['fetch', 'urls.csv', '--max-mb', '0'], /--max-mb must be a whole number from 1 to 10240/u],
    ];
    const results = await Promise.all(cases.map(([args]) => xxgk(...args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i]![0].join(' ')).toBe(2);
      expect(r.stderr).toMatch(cases[i]![1]);
      // the first line says what was wrong, the second where to look (and no colour into a pipe)
      expect(r.stderr.split('\n')[0]).toMatch(/^xxgk: --[\w-]+ must be/u);
      expect(r.stderr.split('\n')[1]).toMatch(/--help/u);
      expect(r.stderr).not.toMatch(/\x1b\[/u);
    });
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('a re-run of a folder with rejected files still exits 1, and the last line says why', async () => {
    for (const run of [1, 2]) {
      const r = await xxgk('run', 'raw', '--db', 'x.duckdb');
      expect(r.code, `run ${run}`).toBe(1);
      expect(r.stderr.trim().split('\n').at(-1)).toBe('2 files rejected: xxgk status lists them');
    }
    expect((await xxgk('run', 'raw', '--db', 'x.duckdb', '--allow-rejected')).code).toBe(0);
    // once the rejected files are gone, the inputs are all read: exit 0
    fs.rmSync(path.join(dir, 'raw/blank.docx'));
    fs.rmSync(path.join(dir, 'raw/empty.html'));
    expect((await xxgk('run', 'raw', '--db', 'x.duckdb')).code).toBe(0);
  });

  it('--version prints the version; a bare xxgk prints the help', async () => {
    const [v, bare] = await Promise.all([xxgk('--version'), xxgk()]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/xxgk <command> \[options\][^]*Commands:[^]*xxgk run/u);
  });
});
