// `xxgk extract FILE...`: the one-file contract (JSON lines with --json, a summary otherwise).
import fs from 'node:fs';
import { extractBytes } from '../extract/extract.ts';
import { rejected, toContract, type ExtractResult } from '../extract/result.ts';
import { summarize } from '../extract/summary.ts';

export async function extractFile(file: string): Promise<ExtractResult> {
  let bytes: Uint8Array;
  try {
    // a synchronous read: at a few ms per report, awaiting the I/O costs more than it saves
    bytes = fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return rejected(file, err.code === 'ENOENT' ? 'file not found' : err.code === 'EISDIR' ? 'is a directory, not a file' : `cannot read: ${err.message}`);
  }
  return extractBytes(file, bytes);
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
