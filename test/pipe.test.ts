// Output into a pipe (issue 8, point 3): a slow reader gets every line, a reader that leaves early
// (`| head`) ends the command quietly with exit code 0.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;
let db: string;

/** Runs `xxgk ARGS | READER` in bash; stderr gets xxgk's exit code as `exit=N`. */
async function piped(args: string[], reader: string) {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const { stdout, stderr } = await promisify(execFile)('bash', ['-c', `node '${BIN}' ${quoted} | ${reader}; echo "exit=\${PIPESTATUS[0]}" >&2`], { maxBuffer: 1 << 26 });
  return { stdout, stderr, code: Number(/exit=(\d+)/u.exec(stderr)![1]) };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pipe-'));
  fs.mkdirSync(path.join(dir, 'raw'));
  fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(dir, 'raw/a.txt'));
  db = path.join(dir, 'x.duckdb');
  await runAll({ db, input: path.join(dir, 'raw'), log: () => {} });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('xxgk into a pipe', () => {
  it('extract --json: a reader that waits 4 s still gets one line per file', async () => {
    // with provenance the text files of the corpus make ~500 KB, far more than a pipe buffers,
    // and are read in milliseconds: all of it is written long before the reader wakes up
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => path.join(CORPUS, f));
    const r = await piped(['extract', ...files, '--json', '--provenance'], '(sleep 4; cat)');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    expect(lines.map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(files);
  });

  it('sql --csv: a reader that waits 4 s still gets every row', async () => {
    const r = await piped(['sql', "SELECT range AS i, repeat('x', 100) AS pad FROM range(20000)", '--csv', '--db', db], '(sleep 4; cat)');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(20001);
    expect(lines.at(-1)).toMatch(/^19999,x+$/u);
  });

  it('status | head -1 and sql | head -1 exit 0 without a stack trace', async () => {
    const status = await piped(['status', '--db', db], 'head -1');
    expect(status.stdout).toBe('documents by status\n');
    expect(status.stderr).toBe('exit=0\n');
    const sql = await piped(['sql', 'SELECT * FROM range(1000000)', '--csv', '--db', db], 'head -1');
    expect(sql.stdout).toBe('range\n');
    expect(sql.stderr).toBe('exit=0\n');
  });
});
