// Word .docx through mammoth, which keeps rowspan/colspan in its HTML; then the HTML reader.
import mammoth from 'mammoth';
import type { ReadDocument } from '../blocks.ts';
import { RejectError } from './decode.ts';
import { readHtml } from './html.ts';

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  let html: string;
  try {
    const res = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = res.value;
  } catch (e) {
    throw new RejectError(`not a readable Word .docx file (${(e as Error).message.split('\n')[0]})`);
  }
  return { ...readHtml(html, 'Word document'), kind: 'docx' };
}
