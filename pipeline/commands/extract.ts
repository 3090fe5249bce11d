// `xxgk extract FILE...`: the one-file contract (JSON lines with --json, a summary otherwise).
import fs from 'node:fs';
import os from 'node:os';
import { extractBytes } from '../extract/extract.ts';
import { megabytes, sizeLimits } from '../extract/readers/decode.ts';
import { rejected, toContract, type ExtractResult } from '../extract/result.ts';
import { INLINE_BELOW } from '../extract/workers.ts';
import { summarize } from '../extract/summary.ts';

export type Extractor = (file: string, bytes: Uint8Array) => Promise<ExtractResult>;

/**
 * A bug the extractor trips over on one file must not stop a run over thousands: the file is
 * rejected as an internal error and the stack goes to stderr with its name, for a bug report.
 */
export function internalError(file: string, e: unknown, withStack = true): ExtractResult {
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`xxgk: internal error while extracting ${file}: ${withStack ? `\n${err.stack ?? err.message}` : err.message}\n`);
  return rejected(file, `internal error: ${err.message.split('\n')[0]}`);
}

/**
 * A file that cannot be read says nothing about its content: its rejection must not stand for
 * other files with the same bytes, nor be kept for the next run (READ_FAILED_SQL finds it).
 */
const READ_ERRORS: Record<string, string> = { ENOENT: 'file not found', EISDIR: 'is a directory, not a file' };
const CANNOT_READ = 'cannot read: ';
// over the size limit: not kept either, so that a run with a higher --max-file-mb reads it
const TOO_LARGE = 'file too large: ';

/** SQL over an `extractions` row `e`: true when it records a file that could not be read. */
export const READ_FAILED_SQL = `(e.status = 'rejected' AND (e.error IN (${Object.values(READ_ERRORS)
  .map((m) => `'${m}'`)
  .join(', ')}) OR starts_with(e.error, '${CANNOT_READ}') OR starts_with(e.error, '${TOO_LARGE}')))`;

/** The file's bytes, or its rejection when it cannot be read or is over the size limit (checked before reading). */
export function readInput(file: string): { bytes: Uint8Array } | { failed: ExtractResult } {
  try {
    const { size } = fs.statSync(file);
    const limit = sizeLimits().fileBytes;
    if (size > limit) return { failed: rejected(file, `${TOO_LARGE}${megabytes(size)} on disk (the limit is ${megabytes(limit)}, --max-file-mb)`) };
    // a synchronous read: at a few ms per report, awaiting the I/O costs more than it saves
    return { bytes: fs.readFileSync(file) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { failed: rejected(file, READ_ERRORS[err.code ?? ''] ?? `${CANNOT_READ}${err.message}`) };
  }
}

/** Extract bytes already read, containing any crash to this file. */
export async function extractRead(file: string, bytes: Uint8Array, extract: Extractor = extractBytes): Promise<ExtractResult> {
  try {
    return await extract(file, bytes);
  } catch (e) {
    return internalError(file, e);
  }
}

export async function extractFile(file: string, extract: Extractor = extractBytes): Promise<ExtractResult> {
  const read = readInput(file);
  return 'failed' in read ? read.failed : extractRead(file, read.bytes, extract);
}

/**
 * One file's JSON line. `status` says how the cells were read (`ok`: every cell read and sure),
 * not whether the report adds up: `checks_failed` beside it counts its failing identities.
 */
export function contractLine(r: ExtractResult, withProvenance = false): string {
  const { file, status, ...rest } = toContract(r, withProvenance);
  return JSON.stringify({ file, status, checks_failed: r.checks.filter((c) => c.status === 'fail').length, ...rest });
}

/** What `xxgk extract` prints for one file: its JSON line, or the readable summary. */
export const printed = (r: ExtractResult, json: boolean, withProvenance = false): string => (json ? contractLine(r, withProvenance) : summarize(r));

/**
 * Returns the exit code: 0 when every file was read, 1 when any was rejected. Many files are read
 * on `threads` worker threads (default one per core) and printed in the order given.
 */
export async function runExtract(
  files: string[],
  json: boolean,
  out: (s: string) => void,
  withProvenance = false,
  opts: { threads?: number; workerMemoryMb?: number } = {},
): Promise<number> {
  let failed = 0;
  const threads = opts.threads ?? os.availableParallelism();
  if (files.length < INLINE_BELOW || threads <= 1) {
    for (const file of files) {
      const r = await extractFile(file);
      if (r.status === 'rejected') failed++;
      out(printed(r, json, withProvenance));
    }
  } else {
    const { extractInOrder } = await import('../extract/ordered.ts');
    const died = (file: string, why: string) => ({
      // its stack is lost with the worker
      text: printed(internalError(file, new Error(`the extraction worker died (${why})`), false), json, withProvenance),
      rejected: true,
    });
    await extractInOrder(files, { threads, workerMemoryMb: opts.workerMemoryMb, json, provenance: withProvenance, died }, (p) => {
      if (p.rejected) failed++;
      out(p.text);
    });
  }
  return failed > 0 ? 1 : 0;
}
