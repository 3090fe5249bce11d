// PDF: text items with positions (unpdf/pdf.js); rows are rebuilt from coordinates, not from
// the raw content order, so that a table row's label and numbers land on one line, and table
// rows get their empty cells back from the columns (pdfgrid.ts).
import { getDocumentProxy } from 'unpdf';
import type { ReadDocument } from '../blocks.ts';
import { RejectError } from './decode.ts';
import { type PdfItem, pageLines } from './pdfgrid.ts';
import { popplerAvailable, popplerWords } from './poppler.ts';
import { readText } from './text.ts';

const SAME_LINE = 3; // points: a row's label and its numbers sit within this of each other

/** The words of every page through pdf.js. */
async function pdfjsWords(bytes: Uint8Array): Promise<PdfItem[][]> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    throw new RejectError(`not a readable PDF (${(e as Error).message.split('\n')[0]}); truncated download?`);
  }
  const pages: PdfItem[][] = [];
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      // a damaged page (broken content stream or font) is bad input, like a damaged file
      const content = await pdf
        .getPage(p)
        .then((page) => page.getTextContent())
        .catch((e: unknown) => {
          throw new RejectError(`PDF page ${p} cannot be read (${String((e as Error)?.message ?? e).split('\n')[0] || 'pdf.js error'}); damaged file?`);
        });
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        items.push({ s: it.str, x: it.transform[4] as number, y: it.transform[5] as number, w: it.width });
      }
      pages.push(items);
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}

async function popplerOrReject(bytes: Uint8Array): Promise<PdfItem[][]> {
  try {
    return await popplerWords(bytes);
  } catch (e) {
    throw new RejectError(`not a readable PDF (pdftotext: ${(e as Error).message}); truncated download?`);
  }
}

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  // a PDF reader reconstructs what it can of a cut file; a report must not be half read from one
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) throw new RejectError('truncated download: the PDF has no %%EOF trailer');
  const pages = popplerAvailable() ? await popplerOrReject(bytes) : await pdfjsWords(bytes);
  const lines: string[] = [];
  const locs: string[] = [];
  pages.forEach((items, i) => {
    for (const line of pageLines(items.filter((it) => it.s.trim() !== ''), SAME_LINE)) {
      lines.push(line.text);
      locs.push(`page ${i + 1} y ${Math.round(line.y)}`);
    }
  });
  if (lines.join('').trim() === '') throw new RejectError('PDF has no text layer (a scanned image?); OCR is not supported');
  return { ...readText(lines.join('\n'), locs), kind: 'pdf' };
}
