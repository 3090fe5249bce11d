// Old binary Word .doc, read through LibreOffice (Debian libreoffice-writer-nogui).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { sofficePath } from '../pipeline/extract/readers/doc.ts';
import { CORPUS, extractPath, MADE, valuesOf } from './helpers.ts';

const have = sofficePath() !== null;
if (!have && process.env.CI === 'true') throw new Error('CI=true but LibreOffice (soffice) is missing: .ci/run must install libreoffice-writer-nogui');
if (!have) console.warn('SKIPPED: the .doc test needs LibreOffice (apt-get install libreoffice-writer-nogui)');

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
