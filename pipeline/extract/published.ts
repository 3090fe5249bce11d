// When a report was published, where the file itself says so: a 发布时间 / 发布日期 line (CMS pages
// and crawl headers print one near the top, some pages at the end), or a PDF's CreationDate. The
// date is kept with where it came from; lateness is judged in SQL (sql/core, report_timeliness).

export interface PublishedDate {
  /** YYYY-MM-DD */
  date: string;
  /** where it was read: `text: 发布时间`, `pdf: CreationDate` */
  source: string;
  /** the words as printed */
  text: string;
}

// 发布时间: 2023-01-05 10:14 · 发布日期：2023年1月20日 · 发布于 2023/01/20 (spaces and full-width
// punctuation are already folded by the text repair)
const LABELLED = /(发布时间|发布日期|发布于|发文日期|公开日期|成文日期)\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/gu;

function valid(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 2000 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A labelled date in the first 3,000 or the last 2,000 characters (a page's header or footer). */
export function textDate(text: string): PublishedDate | null {
  const parts = text.length > 5000 ? [text.slice(0, 3000), text.slice(-2000)] : [text];
  for (const part of parts) {
    LABELLED.lastIndex = 0;
    for (let m = LABELLED.exec(part); m; m = LABELLED.exec(part)) {
      // 成文日期 is when the text was signed, a fallback only
      if (m[1] === '成文日期') continue;
      const date = valid(Number(m[2]), Number(m[3]), Number(m[4]));
      if (date) return { date, source: `text: ${m[1]}`, text: m[0].trim() };
    }
  }
  return null;
}

const CREATION_DATE = Buffer.from('/CreationDate', 'latin1');

/** The CreationDate of a PDF's document information (`/CreationDate (D:20250225100250+08'00')`), as printed (local date). */
export function pdfDate(bytes: Uint8Array): PublishedDate | null {
  // the Info dictionary is plain text in the PDFs WPS, Word and LibreOffice write; a compressed
  // or encrypted one gives nothing (unknown), never a guess
  // found by bytes: decoding a whole multi-megabyte PDF to a string cost a tenth of reading it
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let m: RegExpExecArray | null = null;
  for (let at = buf.indexOf(CREATION_DATE); at >= 0 && !m; at = buf.indexOf(CREATION_DATE, at + 1)) {
    m = /^\/CreationDate\s*\(D:(\d{4})(\d{2})(\d{2})/u.exec(buf.toString('latin1', at, at + 64));
  }
  if (!m) return null;
  const date = valid(Number(m[1]), Number(m[2]), Number(m[3]));
  return date ? { date, source: 'pdf: CreationDate', text: m[0].slice(m[0].indexOf('(') + 1) } : null;
}
