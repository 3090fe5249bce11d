// The two PDF word sources (poppler's pdftotext when installed, pdf.js otherwise) must read every
// PDF fixture to the same numbers: the default may change with the machine, the data may not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { popplerAvailable } from '../pipeline/extract/readers/poppler.ts';
import { CORPUS, MADE, valuesOf } from './helpers.ts';

const pdfs = [
  path.join(CORPUS, 'huaian-2024.pdf'),
  path.join(MADE, 'shs-2025.pdf'),
  ...fs.readdirSync(path.join(MADE, 'layouts')).filter((f) => f.endsWith('.pdf')).map((f) => path.join(MADE, 'layouts', f)),
];
const ci = process.env.CI === 'true';
const havePoppler = popplerAvailable();
if (!havePoppler && !ci) console.warn('pdf-readers test: pdftotext not found (apt-get install poppler-utils); skipped');

async function withReader(reader: 'pdfjs' | 'poppler', file: string) {
  const before = process.env.XXGK_PDF_READER;
  process.env.XXGK_PDF_READER = reader;
  try {
    return await extractBytes(path.basename(file), fs.readFileSync(file));
  } finally {
    if (before === undefined) delete process.env.XXGK_PDF_READER;
    else process.env.XXGK_PDF_READER = before;
  }
}

describe.skipIf(!havePoppler && !ci)('pdftotext and pdf.js read every PDF to the same numbers', () => {
  for (const file of pdfs) {
    it(path.basename(file), async () => {
      const a = await withReader('poppler', file);
      const b = await withReader('pdfjs', file);
      expect(a.status).not.toBe('rejected');
      for (const t of ['t2', 't3', 't4'] as const) expect(valuesOf(a[t]), `${t} of ${path.basename(file)}`).toBe(valuesOf(b[t]));
      expect([a.issuer, a.year, a.format]).toEqual([b.issuer, b.year, b.format]);
    });
  }
});

describe('a damaged PDF', () => {
  it('is rejected naming the page pdf.js cannot read, not thrown out of the extractor', async () => {
    // one byte of an object reference in a real LibreOffice PDF: pdf.js opens the file and then
    // fails on page 1 with its own exception class (found by `npm run fuzz`, random bytes)
    const bytes = fs.readFileSync(path.join(MADE, 'layouts/pingtan-2019--lo-pdf.pdf'));
    bytes[143] = 187;
    const before = process.env.XXGK_PDF_READER;
    process.env.XXGK_PDF_READER = 'pdfjs';
    try {
      const r = await extractBytes('damaged.pdf', bytes);
      expect(r).toMatchObject({ status: 'rejected', error: expect.stringMatching(/^PDF page 1 cannot be read .*damaged file/u) });
    } finally {
      if (before === undefined) delete process.env.XXGK_PDF_READER;
      else process.env.XXGK_PDF_READER = before;
    }
  });
});
