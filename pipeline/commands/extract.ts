// `xxgk extract FILE...`: the one-file contract (JSON lines with --json, a summary otherwise).
import fs from 'node:fs';
import { extractBytes } from '../extract/extract.ts';
import { rejected, toContract, type ExtractResult } from '../extract/result.ts';
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

export async function extractFile(file: string, extract: Extractor = extractBytes): Promise<ExtractResult> {
  let bytes: Uint8Array;
  try {
    // a synchronous read: at a few ms per report, awaiting the I/O costs more than it saves
    bytes = fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return rejected(file, err.code === 'ENOENT' ? 'file not found' : err.code === 'EISDIR' ? 'is a directory, not a file' : `cannot read: ${err.message}`);
  }
  try {
    return await extract(file, bytes);
  } catch (e) {
    return internalError(file, e);
  }
}

/** Returns the exit code: 0 when every file was read, 1 when any was rejected. */
export async function runExtract(files: string[], json: boolean, out: (s: string) => void, withProvenance = false): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const r = await extractFile(file);
    if (r.status === 'rejected') failed++;
    out(json ? JSON.stringify(toContract(r, withProvenance)) : summarize(r));
  }
  return failed > 0 ? 1 : 0;
}
