// How wide text prints (CJK counts double), for aligning Markdown tables and sizing workbook
// columns: string-width's answer, worked out directly for the characters published tables are
// made of (printable ASCII: 1; CJK ideographs, CJK punctuation and fullwidth forms: 2) and asked of
// string-width, once per distinct string, for anything else. string-width segments every string
// into graphemes and matches an emoji pattern per grapheme: measuring every cell of a year's
// workbook that way was a tenth of publish.
import stringWidth from 'string-width';

/** Characters of width 2 that are always a grapheme of their own here (the next character decides otherwise, see textWidth). */
const wide = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x3029) || (c >= 0xff01 && c <= 0xff60);

const slow = new Map<string, number>();

export function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) w += 1;
    else if (wide(c)) w += 2;
    else {
      // anything else (a combining mark joins the grapheme before it, an emoji, a control): string-width
      let n = slow.get(s);
      if (n === undefined) {
        n = stringWidth(s);
        if (slow.size >= 50_000) slow.clear();
        slow.set(s, n);
      }
      return n;
    }
  }
  return w;
}
