// Bytes to text: a declared charset first, then strict UTF-8, then detection (chardet).
import chardet from 'chardet';

export class RejectError extends Error {}

/**
 * Per-file size limits: bytes on disk (XXGK_MAX_FILE_MB, default 200; `--max-file-mb`) and bytes
 * after decompression of a DOCX's XML (XXGK_MAX_INFLATED_MB, default 50; `--max-inflated-mb`). From
 * the environment, read when used, so that extraction worker threads see the command line's values.
 */
export function sizeLimits(): { fileBytes: number; inflatedBytes: number } {
  const mb = (name: string, dflt: number) => {
    const v = Number(process.env[name]);
    return (Number.isFinite(v) && v > 0 ? v : dflt) * 1024 * 1024;
  };
  return { fileBytes: mb('XXGK_MAX_FILE_MB', 200), inflatedBytes: mb('XXGK_MAX_INFLATED_MB', 50) };
}

export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

const CHARSET_ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', big5: 'big5' };

function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decodeAs(bytes: Uint8Array, enc: string, fatal = false): string {
  return new TextDecoder(CHARSET_ALIASES[enc] ?? enc, { fatal }).decode(bytes);
}

export interface Decoded {
  text: string;
  encoding: string;
}

export function decodeBytes(bytes: Uint8Array, isHtml: boolean): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeAs(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeAs(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeAs(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (isHtml) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const cs = declaredCharset(head);
    if (cs && cs !== 'utf-8' && cs !== 'utf8') {
      try {
        return { text: decodeAs(bytes, cs, true), encoding: CHARSET_ALIASES[cs] ?? cs };
      } catch {
        // a page that lies about its charset falls through to the checks below
      }
    }
  }
  try {
    return { text: decodeAs(bytes, 'utf-8', true), encoding: 'utf-8' };
  } catch {
    // UTF-8 with a few damaged bytes (a copy with a bit flipped, a download that dropped a byte)
    // is still UTF-8: GBK decoded as UTF-8 breaks at nearly every Chinese character. The damaged
    // ones read as U+FFFD, and a number touching one is unreadable (cells.ts).
    const lossy = new TextDecoder('utf-8').decode(bytes);
    let bad = 0;
    for (let i = lossy.indexOf('\ufffd'); i >= 0 && bad <= 8; i = lossy.indexOf('\ufffd', i + 1)) bad++;
    if (bad <= 8 && bad * 1000 <= lossy.length) return { text: lossy, encoding: 'utf-8' };
    const guess = (chardet.detect(bytes) ?? '').toLowerCase();
    const enc = guess.startsWith('gb') || guess === 'windows-1252' || guess === 'iso-8859-1' ? 'gb18030' : guess === 'big5' ? 'big5' : guess;
    try {
      return { text: decodeAs(bytes, enc || 'gb18030'), encoding: enc || 'gb18030' };
    } catch {
      return { text: decodeAs(bytes, 'gb18030'), encoding: 'gb18030' };
    }
  }
}

/** Reject content that is not text: NUL bytes or mostly undecodable characters. */
/** Replacement characters and control characters other than tab and line breaks. */
const BAD_CHARS = /[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]/gu;

export function assertTextual(text: string, what: string): void {
  if (text.trim() === '') throw new RejectError(`empty ${what}: no text in it`);
  const sample = text.slice(0, 20000);
  // counted by a regex: a loop over the characters was 3% of extraction
  const bad = sample.match(BAD_CHARS)?.length ?? 0;
  if (bad / sample.length > 0.05) throw new RejectError(`binary or undecodable content (${Math.round((100 * bad) / sample.length)}% control/invalid characters), not a ${what}`);
}
