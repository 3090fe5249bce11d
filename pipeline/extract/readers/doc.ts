// Old binary Word (.doc): converted to .docx by LibreOffice when it is installed (Debian package
// libreoffice-writer-nogui), then read like any Word file. Without it the file is rejected with
// the command to convert it by hand. soffice alone is not enough (Calc without Writer has it), so
// a tiny conversion is tried once per process before any file is blamed for failing.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ReadDocument } from '../blocks.ts';
import { RejectError } from './decode.ts';
import { readDocx } from './docx.ts';

const run = promisify(execFile);

export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'soffice');
    if (dir && fs.existsSync(p)) return p;
  }
  return null;
}

const BY_HAND = 'or convert it: libreoffice --headless --convert-to docx FILE';

/** Convert `file` (in its own folder) to .docx; a profile of its own, so that conversions in parallel worker threads do not lock each other out. */
async function toDocx(soffice: string, dir: string, file: string): Promise<string> {
  await run(soffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'docx', '--outdir', dir, file], { timeout: 120_000 });
  return file.replace(/\.[^.]+$/u, '.docx');
}

let probe: Promise<{ soffice: string } | { error: string }> | undefined;

/**
 * Whether LibreOffice can write Word files here: soffice, and a text file converted to .docx.
 * Tried once per process (per worker thread), and only when a .doc is met.
 */
export function docConversion(): Promise<{ soffice: string } | { error: string }> {
  probe ??= (async () => {
    const soffice = sofficePath();
    if (!soffice) return { error: `old binary Word .doc needs LibreOffice to be read (apt-get install libreoffice-writer-nogui), ${BY_HAND}` };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-doc-'));
    try {
      fs.writeFileSync(path.join(dir, 'probe.txt'), 'xxgk\n');
      const out = await toDocx(soffice, dir, path.join(dir, 'probe.txt')).catch(() => '');
      if (out && fs.existsSync(out)) return { soffice };
      return { error: `LibreOffice (${soffice}) cannot write Word files here (Writer missing?): install libreoffice-writer-nogui, ${BY_HAND}` };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  })();
  return probe;
}

export async function readDoc(bytes: Uint8Array): Promise<ReadDocument> {
  const conv = await docConversion();
  if ('error' in conv) throw new RejectError(conv.error);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-doc-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.doc'), bytes);
    const out = await toDocx(conv.soffice, dir, path.join(dir, 'in.doc'));
    if (!fs.existsSync(out)) throw new RejectError('LibreOffice could not convert this .doc file (damaged or not a Word document?)');
    return { ...(await readDocx(fs.readFileSync(out))), kind: 'docx' };
  } catch (e) {
    if (e instanceof RejectError) throw e;
    throw new RejectError(`LibreOffice could not convert this .doc file: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
