// Word .docx through mammoth, which keeps rowspan/colspan in its HTML; then the HTML reader.
import zlib from 'node:zlib';
import mammoth from 'mammoth';
import type { ReadDocument } from '../blocks.ts';
import { megabytes, RejectError, sizeLimits } from './decode.ts';
import { readHtml } from './html.ts';

const tooBig = (n: number | string, limit: number) =>
  new RejectError(`file too large: the Word document inflates to ${typeof n === 'number' ? megabytes(n) : n} of XML (the limit is ${megabytes(limit)}, --max-inflated-mb)`);

/**
 * A zip bomb is refused before mammoth inflates it: the XML parts' sizes from the zip's central
 * directory, then each part inflated with a bounded output (a central directory can lie).
 */
export function checkInflatedSize(bytes: Uint8Array, limit = sizeLimits().inflatedBytes): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return; // not a zip this can read: mammoth says what is wrong with it
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts: { method: number; size: number; compressed: number; local: number }[] = [];
  let declared = 0;
  for (let n = 0; n < count && p + 46 <= buf.length && buf.readUInt32LE(p) === 0x02014b50; n++) {
    const [method, compressed, size] = [buf.readUInt16LE(p + 10), buf.readUInt32LE(p + 20), buf.readUInt32LE(p + 24)];
    const [nameLen, extraLen, commentLen] = [buf.readUInt16LE(p + 28), buf.readUInt16LE(p + 30), buf.readUInt16LE(p + 32)];
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (/\.(?:xml|rels)$/iu.test(name)) {
      if (size === 0xffffffff) throw tooBig('4 GB or more (zip64)', limit);
      declared += size;
      if (declared > limit) throw tooBig(declared, limit);
      parts.push({ method, size, compressed, local: buf.readUInt32LE(p + 42) });
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  let inflated = 0;
  for (const part of parts) {
    if (part.local + 30 > buf.length || buf.readUInt32LE(part.local) !== 0x04034b50) continue;
    const start = part.local + 30 + buf.readUInt16LE(part.local + 26) + buf.readUInt16LE(part.local + 28);
    const data = buf.subarray(start, start + part.compressed);
    if (part.method === 0) inflated += data.length;
    else if (part.method === 8) {
      try {
        inflated += zlib.inflateRawSync(data, { maxOutputLength: limit - inflated + 1 }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(`more than ${megabytes(limit)}`, limit);
        continue; // damaged: mammoth says so
      }
    }
    if (inflated > limit) throw tooBig(inflated, limit);
  }
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  checkInflatedSize(bytes);
  let html: string;
  try {
    // images are not read (no report number is in a picture): they would only cost memory
    const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    const res = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage });
    html = res.value;
  } catch (e) {
    throw new RejectError(`not a readable Word .docx file (${(e as Error).message.split('\n')[0]})`);
  }
  return { ...readHtml(html, 'Word document'), kind: 'docx' };
}
