// PDF: text items with positions (unpdf/pdf.js); rows are rebuilt from coordinates, not from
// the raw content order, so that a table row's label and numbers land on one line, and table
// rows get their empty cells back from the columns (pdfgrid.ts).
import { getDocumentProxy } from 'unpdf';
import type { ReadDocument } from '../blocks.ts';
import { RejectError } from './decode.ts';
import { type PdfItem, pageLines } from './pdfgrid.ts';
import { readText } from './text.ts';

const SAME_LINE = 3; // points: a row's label and its numbers sit within this of each other

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  // pdf.js reconstructs what it can of a cut file; a report must not be half read from one
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) throw new RejectError('truncated download: the PDF has no %%EOF trailer');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    throw new RejectError(`not a readable PDF (${(e as Error).message.split('\n')[0]}); truncated download?`);
  }
  const lines: string[] = [];
  const locs: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      items.push({ s: it.str, x: it.transform[4] as number, y: it.transform[5] as number, w: it.width });
    }
    for (const line of pageLines(items, SAME_LINE)) {
      lines.push(line.text);
      locs.push(`page ${p} y ${Math.round(line.y)}`);
    }
  }
  await pdf.destroy();
  if (lines.join('').trim() === '') throw new RejectError('PDF has no text layer (a scanned image?); OCR is not supported');
  return { ...readText(lines.join('\n'), locs), kind: 'pdf' };
}
