// Old binary Word .doc, read through LibreOffice (Debian libreoffice-writer-nogui).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { docConversion } from '../pipeline/extract/readers/doc.ts';
import { CORPUS, extractPath, MADE, valuesOf } from './helpers.ts';

// soffice on the PATH is not enough (LibreOffice Calc without Writer has it): a conversion must work
const conv = await docConversion();
const have = !('error' in conv);
if (!have && process.env.CI === 'true') throw new Error(`CI=true but LibreOffice cannot convert Word files: .ci/run must install libreoffice-writer-nogui (${'error' in conv ? conv.error : ''})`);
if (!have) console.warn(`SKIPPED: the .doc tests need a LibreOffice that converts Word files (apt-get install libreoffice-writer-nogui): ${'error' in conv ? conv.error : ''}`);

describe.skipIf(!have)('Word .doc through LibreOffice', () => {
  it('reads a .doc report to the same numbers as its source', async () => {
    const r = await extractPath(path.join(MADE, 'shs-2025.doc'));
    const src = await extractPath(path.join(CORPUS, 'pingtan-shs_2025_1.html'));
    expect(r.status).toBe('ok');
    for (const t of ['t2', 't3', 't4'] as const) expect(valuesOf(r[t])).toBe(valuesOf(src[t]));
  });
  it('rejects a damaged .doc with the reason', async () => {
    const bytes = fs.readFileSync(path.join(MADE, 'shs-2025.doc')).subarray(0, 4000);
    const r = await extractBytes('cut.doc', bytes);
    expect(r.status).toBe('rejected');
    expect(r.error).toMatch(/LibreOffice could not convert/u);
  });
});

describe('Word .doc where LibreOffice cannot convert', () => {
  it('rejects a good file with what to install, not as damaged', async () => {
    // an soffice that behaves like LibreOffice without Writer: it runs, prints why, and writes nothing
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-nowriter-'));
    try {
      fs.writeFileSync(path.join(dir, 'soffice'), '#!/bin/sh\necho "Error: no export filter found, aborting." >&2\nexit 0\n', { mode: 0o755 });
      const { stdout } = await promisify(execFile)('node', [path.resolve('bin/xxgk.js'), 'extract', path.join(MADE, 'shs-2025.doc'), '--json'], {
        env: { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH}` },
      }).catch((e: unknown) => e as { stdout: string });
      const r = JSON.parse(stdout) as { status: string; error: string };
      expect(r.status).toBe('rejected');
      expect(r.error).toMatch(/cannot write Word files here .*install libreoffice-writer-nogui/u);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
