// Text repair applied by every reader before anything else reads the text.
import * as OpenCC from 'opencc-js/t2cn';
// @ts-expect-error: the dictionary modules have no typings (a default-exported string)
import tsCharacters from 'opencc-js/dict/TSCharacters';

// The opencc-js typings are not resolved under NodeNext, so give the converter a real type here.
const toSimplified: (s: string) => string = (OpenCC as unknown as {
  Converter(o: { from: string; to: string }): (s: string) => string;
}).Converter({ from: 't', to: 'cn' });

// Characters that exist only in traditional script (OpenCC's own traditional-to-simplified
// character table): seeing one means the text needs conversion; plain simplified text (the common
// case) skips OpenCC, the slowest step. A hand-picked list missed lone labels such as 行政許可.
const TRADITIONAL = traditionalOnly(tsCharacters);

/** The dictionary's keys (`"萬 万|與 与|…"`) that are one character and not their own simplified form. */
function traditionalOnly(dict: string): { bmp: Uint8Array; astral: Set<number> } {
  // a table indexed by UTF-16 unit: a character class of 3,000 characters made this test 6x slower
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const pair of dict.split('|')) {
    const [from, ...to] = pair.split(' ');
    if (!from || [...from].length !== 1 || to.length === 0 || to.includes(from)) continue;
    const cp = from.codePointAt(0)!;
    if (cp > 0xffff) astral.add(cp);
    else bmp[cp] = 1;
  }
  return { bmp, astral };
}

function hasTraditional(s: string): boolean {
  const { bmp, astral } = TRADITIONAL;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (bmp[u] === 1) return true;
    if (u >= 0xd800 && u <= 0xdbff && astral.has(s.codePointAt(i)!)) return true;
  }
  return false;
}

// Pinyin annotations that some mirror sites append after each character: 當(dāng)前 -> 當前.
// A tone-marked vowel is required so that ordinary bracketed Latin text is left alone.
const PINYIN_DEBRIS = /[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\s*[)）]/giu;

// Machine-converted mirrors turn 文件 into 檔案, 制 into 製 and 信息 into 資訊 (§8.1); after t2s these read 档案/製/资讯.
const MIRROR_FIXUPS: [RegExp, string][] = [
  [/规范性档案/gu, '规范性文件'],
  [/强製/gu, '强制'],
  [/製发/gu, '制发'],
  [/製作/gu, '制作'],
  // Taiwan's word for 信息 (a big5 gateway of a ministry site: 政府資訊公開)
  [/政府资讯/gu, '政府信息'],
];

const NON_ASCII = /[^\x00-\x7f]/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/u;
const ASCII_BREAKS = /[\r\f\v]/u;

/**
 * Normalise a piece of report text: NFKC (full-width digits, letters and brackets to ASCII),
 * NBSP and ideographic spaces to plain spaces, pinyin debris removed, traditional to simplified.
 */
export function repairText(input: string): string {
  // ASCII (most table cells: `0`, `12`) is unchanged by NFKC and holds no debris or traditional
  // characters: only its line breaks need the treatment below
  if (!NON_ASCII.test(input)) return ASCII_BREAKS.test(input) ? input.replace(/\r\n?|[\f\v]/g, '\n') : input;
  let s = input.normalize('NFKC').replace(PINYIN_DEBRIS, '');
  // zero-width characters are invisible: gone inside words (行政\u200b许可), a boundary between digits
  if (ZERO_WIDTH.test(s)) s = s.replace(/(?<=\d)[\u200b-\u200d\u2060\ufeff]+(?=\d)/gu, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/gu, '');
  // every line-breaking character (pdftotext's form feed between pages, Word's vertical tab,
  // Unicode line/paragraph separators, NEL) is a line break; every other space is a plain space
  s = s.replace(/[\u00a0\u2000-\u200a\u3000]/g, ' ').replace(/\r\n?|[\f\v\u0085\u2028\u2029]/g, '\n');
  if (hasTraditional(s)) {
    s = s
      .split('\n')
      .map((line) => toSimplified(line))
      .join('\n');
    for (const [re, to] of MIRROR_FIXUPS) s = s.replace(re, to);
  }
  return s;
}
