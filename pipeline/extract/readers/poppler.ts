// PDF words with their boxes from poppler's `pdftotext -bbox` (Debian poppler-utils), when it is
// installed: about ten times faster than pdf.js on real reports (process start included), and its
// words land in the same table rebuilding (pdfgrid.ts). XXGK_PDF_READER=pdfjs turns it off.
import { execFile, execFileSync } from 'node:child_process';
import type { PdfItem } from './pdfgrid.ts';

let available: boolean | undefined;

/** Whether pdftotext runs here (checked once per process). */
export function popplerAvailable(): boolean {
  if (process.env.XXGK_PDF_READER === 'pdfjs') return false;
  if (available === undefined) {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore', timeout: 10_000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/gu, (_, e: string) => ENTITIES[e]!);

/** The words of every page, with y measured upwards from the page bottom as pdf.js does. */
export function parseBbox(xhtml: string): PdfItem[][] {
  const pages: PdfItem[][] = [];
  const page = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu;
  const word = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/gu;
  for (const p of xhtml.matchAll(page)) {
    const height = Number(p[2]);
    const items: PdfItem[] = [];
    for (const w of p[3]!.matchAll(word)) {
      const [x0, y0, x1, y1] = [w[1], w[2], w[3], w[4]].map(Number) as [number, number, number, number];
      items.push({ s: unescape(w[5]!), x: x0, y: height - (y0 + y1) / 2, w: x1 - x0 });
    }
    pages.push(items);
  }
  return pages;
}

/** Run pdftotext on the bytes (stdin to stdout); rejects with poppler's message. */
export function popplerWords(bytes: Uint8Array): Promise<PdfItem[][]> {
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error((stderr || err.message).split('\n')[0]));
      else resolve(parseBbox(stdout));
    });
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
