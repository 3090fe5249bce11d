// Pick the reader by extension, or by sniffing the bytes when the extension says nothing.
import path from 'node:path';
import type { ReadDocument } from '../blocks.ts';
import { RejectError, assertTextual, decodeBytes } from './decode.ts';
import { readHtml } from './html.ts';
import { readJson } from './json.ts';
import { readText } from './text.ts';

export type ReaderKind = 'html' | 'text' | 'json' | 'docx' | 'doc' | 'pdf';

export function detectKind(file: string, bytes: Uint8Array): ReaderKind {
  const ext = path.extname(file).toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'doc';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.html' || ext === '.htm' || ext === '.shtml' || ext === '.xhtml') return 'html';
  if (ext === '.json' || ext === '.js') return 'json';
  if (ext === '.txt' || ext === '.md' || ext === '.text') return 'text';
  return /^\s*<(?:!doctype|html|head|body|div|p|table)/iu.test(head) ? 'html' : 'text';
}

export async function readDocument(file: string, bytes: Uint8Array): Promise<ReadDocument> {
  if (bytes.length === 0) throw new RejectError('empty file (0 bytes)');
  const ext = path.extname(file).toLowerCase();
  const kind = detectKind(file, bytes);
  // the Word and PDF readers, with pdf.js (~0.1 s to load), only when such a file comes
  if (kind === 'doc') return (await import('./doc.ts')).readDoc(bytes);
  if (ext === '.doc') throw new RejectError('not a Word .doc file: it does not start with the OLE2 signature');
  if (kind === 'pdf') return (await import('./pdf.ts')).readPdf(bytes);
  if (kind === 'docx') return (await import('./docx.ts')).readDocx(bytes);
  const { text } = decodeBytes(bytes, kind === 'html');
  assertTextual(text, kind === 'html' ? 'HTML page' : 'text file');
  if (kind === 'html') return readHtml(text);
  if (kind === 'json') return readJson(text);
  // Markdown from PDF/OCR converters often holds its tables as HTML (`<table><tr><td>…`): read
  // the file as HTML then, its Markdown lines being text between the tables
  if (/<table[\s>]/iu.test(text) && /<td[\s>]/iu.test(text)) return { ...readHtml(text, 'text file'), kind: 'text' };
  return readText(text);
}

export { RejectError };
