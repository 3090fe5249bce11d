// Old binary Word (.doc): converted to .docx by LibreOffice when it is installed (Debian package
// libreoffice-writer-nogui), then read like any Word file. Without it the file is rejected with
// the command to convert it by hand.
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

export async function readDoc(bytes: Uint8Array): Promise<ReadDocument> {
  const soffice = sofficePath();
  if (!soffice) {
    throw new RejectError('old binary Word .doc needs LibreOffice to be read (apt-get install libreoffice-writer-nogui), or convert it: libreoffice --headless --convert-to docx FILE');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-doc-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.doc'), bytes);
    // a profile of its own, so that conversions in parallel worker threads do not lock each other out
    await run(soffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'docx', '--outdir', dir, path.join(dir, 'in.doc')], { timeout: 120_000 });
    const out = path.join(dir, 'in.docx');
    if (!fs.existsSync(out)) throw new RejectError('LibreOffice could not convert this .doc file (damaged or not a Word document?)');
    return { ...(await readDocx(fs.readFileSync(out))), kind: 'docx' };
  } catch (e) {
    if (e instanceof RejectError) throw e;
    throw new RejectError(`LibreOffice could not convert this .doc file: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
