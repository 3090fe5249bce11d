// Text repair applied by every reader before anything else reads the text.
import * as OpenCC from 'opencc-js/t2cn';

// The opencc-js typings are not resolved under NodeNext, so give the converter a real type here.
const toSimplified: (s: string) => string = (OpenCC as unknown as {
  Converter(o: { from: string; to: string }): (s: string) => string;
}).Converter({ from: 't', to: 'cn' });

// Frequent characters that exist only in traditional script. Seeing one means the text needs
// conversion; plain simplified text (the common case) skips OpenCC, which is the slowest step.
const TRADITIONAL_HINT =
  /[區國開這個們關與為報數據時會處請務當發現機構結轉總計體項設應於將並從無條義權號對問題產業辦還經濟標準規範檔強製採購類資訊聯繫電網頁運連變實長門間選擇維護複審訴議決處]/u;

// Pinyin annotations that some mirror sites append after each character: 當(dāng)前 -> 當前.
// A tone-marked vowel is required so that ordinary bracketed Latin text is left alone.
const PINYIN_DEBRIS = /[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\s*[)）]/giu;

// Machine-converted mirrors turn 文件 into 檔案 and 制 into 製 (§8.1); after t2s these read 档案/製.
const MIRROR_FIXUPS: [RegExp, string][] = [
  [/规范性档案/gu, '规范性文件'],
  [/强製/gu, '强制'],
  [/製发/gu, '制发'],
  [/製作/gu, '制作'],
];

const NON_ASCII = /[^\x00-\x7f]/u;
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
  // every line-breaking character (pdftotext's form feed between pages, Word's vertical tab,
  // Unicode line/paragraph separators, NEL) is a line break; every other space is a plain space
  s = s.replace(/[\u00a0\u2000-\u200b\u3000\ufeff]/g, ' ').replace(/\r\n?|[\f\v\u0085\u2028\u2029]/g, '\n');
  if (TRADITIONAL_HINT.test(s)) {
    s = s
      .split('\n')
      .map((line) => toSimplified(line))
      .join('\n');
    for (const [re, to] of MIRROR_FIXUPS) s = s.replace(re, to);
  }
  return s;
}
