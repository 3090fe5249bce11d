// Shared test helpers: real corpus files and their gold labels.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { openRead, query } from '../pipeline/db/duck.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';
import type { ExtractResult } from '../pipeline/extract/result.ts';

export const CORPUS = path.resolve('test/fixtures/corpus');
export const MADE = path.resolve('test/fixtures/made');

export interface Gold {
  file: string;
  issuer: string;
  year: number;
  format: 'f2019' | 'f2021';
  t2?: Record<string, Record<string, number | null>> | null;
  t3: Record<string, Record<string, number | null>>;
  t4: Record<string, Record<string, number | null>>;
}

export function goldFiles(): string[] {
  return fs.readdirSync(CORPUS).filter((f) => f.endsWith('.gold.json')).map((f) => f.replace(/\.gold\.json$/u, ''));
}

/** The gold beside a corpus file (`huaian-2024.pdf`), or beside any file given by its path. */
export function readGold(file: string): Gold {
  return JSON.parse(fs.readFileSync(`${path.isAbsolute(file) ? file : path.join(CORPUS, file)}.gold.json`, 'utf8')) as Gold;
}

export async function extractPath(p: string): Promise<ExtractResult> {
  return extractBytes(path.basename(p), fs.readFileSync(p));
}

/** A file extracted as it is and after `edit`, which must change it (the case is really in the file). */
export async function extractEdited(p: string, edit: (s: string) => string): Promise<{ whole: ExtractResult; edited: ExtractResult }> {
  const text = fs.readFileSync(p, 'utf8');
  const changed = edit(text);
  if (changed === text) throw new Error(`the edit does not apply to ${p}`);
  const enc = new TextEncoder();
  return { whole: await extractBytes(p, enc.encode(text)), edited: await extractBytes(p, enc.encode(changed)) };
}

/** Every labelled cell of `gold` as [key, expected, got]. */
export function compareCells(gold: Gold, r: ExtractResult): [string, number | null, number | null | undefined][] {
  const out: [string, number | null, number | null | undefined][] = [];
  for (const t of ['t2', 't3', 't4'] as const) {
    const table = r[t] as Record<string, Record<string, { value: number | null }>>;
    for (const [row, cols] of Object.entries(gold[t] ?? {})) {
      for (const [col, v] of Object.entries(cols)) out.push([`${t}.${row}.${col}`, v, table[row]?.[col]?.value]);
    }
  }
  return out;
}

/** A table's values only (no raw text or position), as JSON, to compare two extractions. */
export function valuesOf(grid: object): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(grid).map(([row, cols]) => [row, Object.fromEntries(Object.entries(cols as object).map(([c, x]) => [c, (x as { value: unknown }).value]))])),
  );
}

/** Whether a flag's `cell` covers a cell key: the key itself, its row (`t3.granted`) or its table (`t3`). */
export function flagCovers(flagCell: string, key: string): boolean {
  return flagCell === key || key.startsWith(`${flagCell}.`);
}

/** The reasons of the flags that cover `key`. */
export const reasons = (r: ExtractResult, key: string) => r.flags.filter((f) => flagCovers(f.cell, key)).map((f) => f.reason);

/** Every cell of the whole file's reading that the cut one has as a different number, or lacks without a flag. */
export function silentlyLost(whole: ExtractResult, part: ExtractResult): string[] {
  const out: string[] = [];
  for (const t of ['t2', 't3', 't4'] as const) {
    for (const [row, cols] of Object.entries(whole[t] as Record<string, Record<string, { value: number | null }>>)) {
      for (const [col, c] of Object.entries(cols)) {
        const key = `${t}.${row}.${col}`;
        const got = (part[t] as Record<string, Record<string, { value: number | null }>>)[row]?.[col]?.value ?? null;
        if (got === c.value) continue;
        if (got !== null) out.push(`${key}: ${c.value} -> ${got}`);
        else if (reasons(part, key).length === 0) out.push(`${key}: ${c.value} -> lost`);
      }
    }
  }
  return out;
}

export type CellOutcome = 'exact' | 'flagged' | 'wrong' | 'missing';

/**
 * Every labelled cell of `gold` judged against `r`: exact (same value, null included), flagged
 * (read as NULL or absent, and a flag covers it), wrong (a number that is not the gold's), missing
 * (NULL or absent without a flag: silently lost).
 */
export function judgeCells(gold: Gold, r: ExtractResult): { key: string; want: number | null; got: number | null | undefined; outcome: CellOutcome }[] {
  const flags = r.flags.map((f) => f.cell);
  return compareCells(gold, r).map(([key, want, got]) => {
    const outcome: CellOutcome =
      got === want ? 'exact' : got !== null && got !== undefined ? 'wrong' : flags.some((f) => flagCovers(f, key)) ? 'flagged' : 'missing';
    return { key, want, got, outcome };
  });
}

/** A fresh temp folder `dir` with the named corpus files copied into `dir/raw`, and `dir/x.duckdb` as the database path (not yet made). */
export function corpusFolder(prefix: string, files: string[]): { dir: string; raw: string; db: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xxgk-${prefix}-`));
  const raw = path.join(dir, 'raw');
  fs.mkdirSync(raw);
  for (const f of files) fs.copyFileSync(path.join(CORPUS, f), path.join(raw, f));
  return { dir, raw, db: path.join(dir, 'x.duckdb') };
}

/** The rows of one query against a database file, opened read-only for it. */
export async function queryFile<T = Record<string, unknown>>(db: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const d = await openRead(db);
  try {
    return await query<T>(d, sql, params);
  } finally {
    d.close();
  }
}

/**
 * A real Word report (made/shs-2025.docx) blown up to 16 MB of XML in 160 KB on disk: far more
 * than a 48 MB worker heap holds once it is parsed (`--worker-memory 48` kills the worker reading it).
 */
export async function writeHugeDocx(to: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(MADE, 'shs-2025.docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  const at = xml.indexOf('<w:body>') + '<w:body>'.length;
  zip.file('word/document.xml', xml.slice(0, at) + `<w:p><w:r><w:t>${'政府信息公开'.repeat(20)}</w:t></w:r></w:p>`.repeat(60_000) + xml.slice(at));
  fs.writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The xxgk command as a user runs it (bin/xxgk.js spawned): its exit code and both outputs. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [path.resolve('bin/xxgk.js'), ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8' }, maxBuffer: 1 << 28 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
