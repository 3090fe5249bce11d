// One bad file never stops a run (issue 8, point 2): a crash in the extractor or the death of a
// worker thread rejects that file as an internal error, and every other file is still read.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractFile } from '../pipeline/commands/extract.ts';
import { openRead, query } from '../pipeline/db/duck.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS, writeHugeDocx } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-contain-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function statusOf(db: string) {
  const d = await openRead(db);
  try {
    return await query<{ path: string; status: string; reason: string | null }>(d, 'SELECT path, status, reason FROM document_status ORDER BY path');
  } finally {
    d.close();
  }
}

/** Runs `fn` and returns what it wrote to stderr (the stack of an internal error goes there). */
async function stderrOf(fn: () => Promise<unknown>): Promise<string> {
  const write = process.stderr.write.bind(process.stderr);
  let text = '';
  process.stderr.write = ((s: string | Uint8Array) => ((text += String(s)), true)) as typeof process.stderr.write;
  try {
    await fn();
  } finally {
    process.stderr.write = write;
  }
  return text;
}

/** An extractor with a bug that only one file trips over. */
const buggy = async (file: string, bytes: Uint8Array) => {
  if (file.endsWith('b.txt')) return (null as unknown as { cells: string[] }).cells.length as never;
  return extractBytes(file, bytes);
};

describe('an internal error in one file', () => {
  it('rejects that file with the message, logs the stack with its name, and the run goes on', async () => {
    const input = path.join(dir, 'raw');
    fs.mkdirSync(input);
    for (const [from, to] of [['pingtan_2022_1.txt', 'a.txt'], ['pingtan_2024_1.txt', 'b.txt'], ['longgang-2022.txt', 'c.txt']]) fs.copyFileSync(path.join(CORPUS, from!), path.join(input, to!));
    const db = path.join(dir, 'x.duckdb');
    const err = await stderrOf(() => runAll({ db, input, log: () => {}, extract: buggy }));
    const rows = await statusOf(db);
    expect(rows.map((r) => [path.basename(r.path), r.status])).toEqual([['a.txt', 'loaded'], ['b.txt', 'rejected'], ['c.txt', 'loaded']]);
    expect(rows[1]!.reason).toMatch(/^internal error: Cannot read properties of null/u);
    expect(err).toMatch(/internal error while extracting \S*\/raw\/b\.txt:/u);
    expect(err).toMatch(/TypeError: Cannot read properties of null[^]*\n\s+at /u);
  });

  it('is contained by extractFile, which `xxgk extract FILE` uses too', async () => {
    const file = path.join(dir, 'b.txt');
    fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), file);
    let r;
    await stderrOf(async () => (r = await extractFile(file, buggy)));
    expect(r).toMatchObject({ status: 'rejected', error: expect.stringMatching(/^internal error: /u) });
  });
});

describe('a bug in a reader', () => {
  it('is an internal error with its stack, not a rejection of the file (issue 7)', async () => {
    const { readDocument } = await import('../pipeline/extract/readers/index.ts');
    const file = path.join(dir, 'b.txt');
    fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), file);
    const brokenReader: typeof readDocument = async (f, bytes) => {
      const doc = await readDocument(f, bytes);
      return { ...doc, blocks: (doc.titles as unknown as { x: never[] }).x.slice() };
    };
    let r;
    const err = await stderrOf(async () => (r = await extractFile(file, (f, b) => extractBytes(f, b, brokenReader))));
    expect(r).toMatchObject({ status: 'rejected', error: expect.stringMatching(/^internal error: Cannot read properties of undefined/u) });
    expect(err).toMatch(/internal error while extracting \S*b\.txt:\s*\nTypeError/u);
    // while what is wrong with a file stays a plain rejection with its reason
    fs.writeFileSync(file, '');
    expect(await extractFile(file)).toMatchObject({ status: 'rejected', error: 'empty file (0 bytes)' });
  });
});

describe('a worker thread that dies', () => {
  it('costs only the file it was reading (a DOCX that exhausts the worker heap); the other files are all read', async () => {
    const input = path.join(dir, 'raw');
    fs.mkdirSync(input);
    const files = fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.md'));
    for (const f of files) fs.copyFileSync(path.join(CORPUS, f), path.join(input, f));
    await writeHugeDocx(path.join(input, 'huge.docx'));
    const db = path.join(dir, 'x.duckdb');
    const r = await promisify(execFile)('node', [BIN, 'run', input, '--db', db, '--jobs', '2', '--worker-memory', '48']).catch((e: unknown) => e as { code: number; stdout: string; stderr: string });
    expect('code' in r ? r.code : 0).toBe(1); // files were rejected
    expect(r.stderr).toMatch(/internal error while extracting \S*\/raw\/huge\.docx: the extraction worker died/u);
    const rows = await statusOf(db);
    expect(rows).toHaveLength(files.length + 1);
    const huge = rows.find((x) => x.path.endsWith('huge.docx'))!;
    expect(huge).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^internal error: the extraction worker died \(.*memory/u) });
    expect(rows.filter((x) => x.status === 'loaded').length).toBeGreaterThan(15);
  });
});
