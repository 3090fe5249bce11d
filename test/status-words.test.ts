// Status words say what they mean (issue 8, point 15): `ok` is about reading (every cell read and
// sure), so a report whose identities fail is `ok` with `checks_failed` beside it, in the JSON
// contract and in `xxgk status`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;
const xxgk = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-words-'));
  fs.mkdirSync(path.join(dir, 'raw'));
  // read completely and surely, but two of its identities fail as printed
  fs.copyFileSync(path.join(CORPUS, 'pingtan-zhz_2024_1.txt'), path.join(dir, 'raw/zhz.txt'));
  fs.copyFileSync(path.join(CORPUS, 'longgang-2022.txt'), path.join(dir, 'raw/longgang.txt'));
  fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(dir, 'raw/pingtan.txt'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('status words', () => {
  it('extract --json: checks_failed beside status, so an ok report that does not add up says so', async () => {
    const r = await xxgk('extract', 'raw/zhz.txt', 'raw/longgang.txt', '--json');
    const [zhz, lg] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(zhz!).slice(0, 3)).toEqual(['file', 'status', 'checks_failed']);
    expect(zhz).toMatchObject({ status: 'ok', checks_failed: 2 });
    expect((zhz!.checks as { status: string }[]).filter((c) => c.status === 'fail')).toHaveLength(2);
    expect(lg).toMatchObject({ status: 'ok', checks_failed: 0 });
  });

  it('xxgk status: checks_failed next to each status and per year, with what the words mean', async () => {
    expect((await xxgk('run', 'raw', '--db', 'x.duckdb')).code).toBe(0);
    const s = (await xxgk('status', '--db', 'x.duckdb')).stdout;
    const table = s.split('\n\n')[0]!.split('\n');
    expect(table[0]).toBe('documents by status');
    expect(table[1]).toMatch(/^status\s+\|\s*documents\s*\|\s*checks_failed\s*$/u);
    expect(table.find((l) => l.startsWith('loaded'))).toMatch(/^loaded\s+\|\s+3\s+\|\s+2\s*$/u); // zhz, and pingtan 2022 (partial, one failing)
    expect(s).toMatch(/ok: every cell read and sure; partial: some cells flagged; checks_failed/u);
    const perYear = s.slice(s.indexOf('reports per year')).split('\n');
    expect(perYear[1]).toMatch(/^year\s+\|\s*reports\s*\|\s*ok\s*\|\s*partial\s*\|\s*checks_failed\s*$/u);
    expect(perYear.find((l) => l.startsWith('2024'))).toMatch(/^2024\s+\|\s+1\s+\|\s+1\s+\|\s+0\s+\|\s+1\s*$/u);
  });
});
