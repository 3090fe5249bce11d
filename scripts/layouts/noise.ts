// Real-world text noise, applied to a page after its layout style (styles.ts): what crawlers,
// mirrors and editors do to the characters of a report without changing a number. Each is a pure
// function of the text; tags of HTML and Markdown-with-HTML styles are left intact.
import * as OpenCC from 'opencc-js';
import { STYLES } from './styles.ts';

const toTraditional = (OpenCC as unknown as { Converter(o: { from: string; to: string }): (s: string) => string }).Converter({ from: 'cn', to: 'tw' });
/** Replace the spaces of the text, not those inside `<tags>`. */
const textSpaces = (s: string, to: string) => s.replace(/(<[^>]*>)| /gu, (_, tag: string | undefined) => tag ?? to);
/** Every n-th occurrence (deterministic, so a failure can be replayed). */
const everyNth = (n: number) => {
  let i = 0;
  return () => ++i % n === 0;
};
const cellNumber = /<td([^>]*)>(?:<p>)?(\d+)(?:<\/p>)?<\/td>/gu;

export interface Noise {
  what: string;
  /** applied to the printed page (after its style) */
  apply?: (s: string) => string;
  /** applied to the report's HTML before the style prints it (changes cells in every style) */
  html?: (html: string) => string;
  /** the noise makes some cells unreadable: they may be flagged, never wrong */
  lossy?: boolean;
  /** styles this noise is known to defeat (silently), each with why: the test skips them */
  gaps?: Record<string, string>;
  /** styles in which this noise leaves some cells flagged (never wrong), each with why */
  lossyIn?: Record<string, string>;
}

const emptyCell = /<td([^>]*)>(?:<p>)?(?:<\/p>)?<\/td>/gu;
/** Table 3 split after its 14th row into a second table, as Word does at a page break. */
const splitTable3 = (repeatHeader: boolean) => (html: string) =>
  html.replace(/(<table class="t3"[^>]*><tbody>)([\s\S]*?)(<\/tbody><\/table>)/u, (_, open: string, body: string, close: string) => {
    const rows = body.match(/<tr>[\s\S]*?<\/tr>/gu)!;
    return `${open}${rows.slice(0, 14).join('')}${close}\n<p>第3页</p>\n${open}${repeatHeader ? rows.slice(0, 3).join('') : ''}${rows.slice(14).join('')}${close}`;
  });

/** Some table numbers (every third that ends in 1, 4 or 7) printed with `suffix` after them. */
const suffixCells = (suffix: string) => (html: string) => html.replace(cellNumber, (m, attrs: string, d: string) => (/[147]$/u.test(d) ? `<td${attrs}>${d}${suffix}</td>` : m));

/** Spam inside every fourth paragraph or label cell, after its first two characters, hidden by CSS. */
const hiddenSpam = (h: string) => {
  const hit = everyNth(4);
  return h.replace(/<p>([\u4e00-\u9fff（]{2})([\u4e00-\u9fff]{2,})/gu, (m, a: string, b: string) => (hit() ? `<p>${a}<span style="display:none">澳门葡京娱乐www.8899.com</span>${b}` : m));
};

export const NOISE: Record<string, Noise> = {
  crlf: { what: 'Windows line ends', apply: (s) => s.replace(/\n/gu, '\r\n') },
  fullwidth: { what: 'full-width digits (０１２)', apply: (s) => s.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) },
  nbsp: { what: 'non-breaking spaces for spaces', apply: (s) => textSpaces(s, '\u00a0') },
  ideospace: { what: 'ideographic spaces (U+3000) for spaces', apply: (s) => textSpaces(s, '\u3000') },
  traditional: { what: 'traditional characters (a Taiwan/Hong Kong mirror)', apply: (s) => toTraditional(s) },
  pinyin: { what: 'traditional characters with pinyin debris (當(dāng))', apply: (s) => toTraditional(s).replace(/當/gu, '當(dāng)').replace(/為/gu, '為(wèi)').replace(/開/gu, '開(kāi)') },
  zerowidth: {
    what: 'zero-width spaces inside words',
    apply: (s) => {
      const hit = everyNth(17);
      return s.replace(/(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])/gu, () => (hit() ? '\u200b' : ''));
    },
  },
  trailing: { what: 'spaces at the end of every line, empty lines included', apply: (s) => s.replace(/\n/gu, '  \n') },
  indent: { what: 'every line indented with a tab and a space', apply: (s) => s.replace(/\n/gu, '\n\t ') },
  // (a real 遂溪县 page dump indents its value lines with three tabs: not a row of three empty tab cells)
  tabindent: { what: 'value lines indented with three tabs', apply: (s) => s.replace(/\n(?=[\d+-])/gu, '\n\t\t\t') },
  brackets: { what: 'ASCII brackets for full-width ones', apply: (s) => s.replace(/（/gu, '(').replace(/）/gu, ')') },
  bold: { what: 'numbers in bold (Markdown ** and <strong>)', apply: (s) => s.replace(/\| (\d+) \|/gu, '| **$1** |').replace(cellNumber, '<td$1><strong>$2</strong></td>') },
  units: { what: 'a unit after table numbers (`3件`)', apply: (s) => s.replace(/\| (\d+) \|/gu, '| $1件 |').replace(cellNumber, '<td$1>$2件</td>') },
  countunits: { what: 'count units on some cells (`5个`, `9人次`, `2项`)', html: (h) => suffixCells('人次')(suffixCells('个')(h)) },
  notes: { what: 'a note after some numbers (`5（注）`): unreadable, so flagged', html: suffixCells('（注）'), lossy: true },
  blankwu: { what: 'empty cells printed 无', html: (h) => h.replace(emptyCell, '<td$1><p>无</p></td>') },
  // (武汉's variant of the 2019 template: `其他对外管理服务事项(指…行政处罚、行政强制…)`)
  annotated: {
    what: 'row labels with annotations that name later rows (`行政许可（不含行政处罚、行政强制）`)',
    html: (h) => h.replace(/>行政许可</gu, '>行政许可（不含行政处罚、行政强制事项）<').replace(/>其他对外管理服务事项</gu, '>其他对外管理服务事项（指行政许可以外的事项，含行政处罚、行政强制）<'),
  },
  blankslash: { what: 'empty cells printed /', html: (h) => h.replace(emptyCell, '<td$1><p>/</p></td>') },
  // (a real 龙华区 page prints its empty cells `_`)
  blankunderscore: { what: 'empty cells printed _', html: (h) => h.replace(emptyCell, '<td$1><p>_</p></td>') },
  blankdash: { what: 'empty cells printed —', html: (h) => h.replace(emptyCell, '<td$1><p>—</p></td>') },
  split: { what: 'table 3 split at a page break, header repeated', html: splitTable3(true), lossy: true },
  splitbare: { what: 'table 3 split at a page break, no header', html: splitTable3(false), lossy: true },
  remarks: {
    what: 'a 备注 column at the right of table 3',
    html: (h) =>
      h.replace(/(<table class="t3"[^>]*><tbody>)([\s\S]*?)(<\/tbody><\/table>)/u, (_, open: string, body: string, close: string) => {
        // the heading spans the three header rows; every row below gets an empty remarks cell
        const rows = body.match(/<tr>[\s\S]*?<\/tr>/gu)!;
        const head = rows.slice(0, 3).map((r, i) => (i === 0 ? r.replace(/<\/tr>$/u, '<td rowspan="3"><p>备注</p></td></tr>') : r));
        return open + [...head, ...rows.slice(3).map((r) => r.replace(/<\/tr>$/u, '<td><p></p></td></tr>'))].join('') + close;
      }),
    lossy: true,
  },
  spamrow: {
    what: 'a spam row inside table 3 (`www.99…9999高清.com 成年…`)',
    html: (h) => h.replace(/(<tr><td><p>3\.危及)/u, '<tr><td colspan="8"><p>www.99久久精品国产9999高清.com 成年男女免费视频网站</p></td></tr>$1'),
    lossyIn: { 'markdown-converted': 'the spam row, 8 cells wide in a table of 10 columns, shifts the rowspans below it: rows whose labels were printed apart are no longer as wide as the rows read, so they are flagged, not placed' },
  },
  pageheader: {
    what: 'a running page header and page number inside table 3 (PDF text, flipbooks)',
    apply: (s) => s.replace(/\n(\|?\s*5\.属于三类内部事务信息)/u, '\n某某区人民政府2023年政府信息公开工作年度报告\n- 3 -\n$1'),
  },
  ocr: {
    what: 'OCR look-alikes in some numbers (`O` for 0, `l` for 1: `1O`, `6l`, a lone `O`): unreadable, so flagged',
    html: (h) => {
      const hit = everyNth(3);
      return h.replace(cellNumber, (m, attrs: string, d: string) => (/[01]/u.test(d) && hit() ? `<td${attrs}>${d.replace(/[01]/u, (c) => (c === '0' ? 'O' : 'l'))}</td>` : m));
    },
    lossy: true,
  },
  msword: {
    what: 'HTML pasted from Word: MsoNormal paragraphs and spans, `<o:p>&nbsp;</o:p>` in empty cells, conditional comments, and the hidden row of empty cells Word adds at a table\'s end (`<![if !supportMisalignedColumns]>`)',
    html: (h) =>
      h
        .replace(/<td([^>]*)>(?:<p>)?([\s\S]*?)(?:<\/p>)?<\/td>/gu, (_, attrs: string, inner: string) => `<td${attrs} width=57 valign=top style='width:42.5pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center;mso-line-height-alt:12pt'><span lang=EN-US style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>${inner === '' ? '<o:p>&nbsp;</o:p>' : `${inner}<o:p></o:p>`}</span></p></td>`)
        .replace(/<\/tbody><\/table>/gu, `<![if !supportMisalignedColumns]><tr height=0>${"<td width=72 style='border:none'></td>".repeat(10)}</tr><![endif]></tbody></table>`)
        .replace(/<div class="article">/u, '<div class="article"><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument></xml><![endif]-->')
        .replace(/<p>(?!<)([^<]*)<\/p>/gu, (_, t: string) => `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${t.replace(/(\d+)/gu, '<span lang=EN-US>$1</span>')}<o:p></o:p></span></p>`),
  },
  ordinals: {
    what: 'sub-row numbers printed （1） / 1、 / ①, not `1.`, and group numbers 一） / (一) / 1. (`（1）属于国家秘密`, `(三)不予公开`)',
    html: (h) => {
      const hit = everyNth(3);
      const circled = '①②③④⑤⑥⑦⑧⑨';
      return h
        .replace(/<p>([1-8])\.(?=[\u4e00-\u9fff])/gu, (_, d: string) => {
          const k = hit() ? 0 : Number(d) % 2 ? 1 : 2;
          return `<p>${k === 0 ? `（${d}）` : k === 1 ? `${d}、` : circled[Number(d) - 1]}`;
        })
        .replace(/<p>（([一二三四五六七])）(?=[\u4e00-\u9fff])/gu, (_, d: string) => `<p>${'一三五七'.includes(d) ? `${d}）` : `(${d})`}`);
    },
  },
  heji: { what: 'the total column and row headed 合计 instead of 总计', html: (h) => h.replace(/<p>总计<\/p>/gu, '<p>合计</p>').replace(/<p>（七）总计<\/p>/gu, '<p>（七）合计</p>') },
  split4: {
    what: 'table 4 split at a page break between its header and its numbers (the numbers a table of their own after `第4页`)',
    html: (h) => h.replace(/(<table class="t4"[^>]*><tbody>)([\s\S]*?)(<tr><td><p>[\d<][\s\S]*?<\/tr>\s*)(<\/tbody><\/table>)/u, (_, open: string, head: string, values: string, close: string) => `${open}${head}${close}\n<p>第4页</p>\n${open}${values}${close}`),
    lossy: true,
  },
  hiddenspam: {
    what: 'spam hidden with display:none inside paragraphs and label cells (a mirror\'s SEO): not read from the page',
    html: hiddenSpam,
    gaps: Object.fromEntries(Object.keys(STYLES).map((st) => [st, 'a text dump prints the hidden text (spaminwords checks it there)'])),
  },
  spaminwords: {
    what: 'the same hidden spam printed by a text dump inside the words (`尚未澳门葡京娱乐www.8899.com审结`): labels and headers it breaks are not matched, so their tables or rows are flagged, never wrong',
    html: hiddenSpam,
    lossy: true,
  },
  emptycol: { what: 'an empty column at the right of every table (a Word or CMS table wider than its content)', html: (h) => h.replace(/<\/tr>/gu, '<td><p></p></td></tr>') },
  nospans: {
    what: 'rowspan and colspan stripped by a CMS sanitiser (rows as short as their own cells; in Markdown the converter then pads short rows at the end)',
    html: (h) => h.replace(/ (?:rowspan|colspan)="\d+"/gu, ''),
    lossyIn: { 'markdown-converted': 'rows as short as their own cells: a row whose label was printed apart cannot always be placed by its columns, so it is flagged' },
  },
  emptycolleft: { what: 'an empty column at the left of every table', html: (h) => h.replace(/<tr>/gu, '<tr><td><p></p></td>') },
  signwords: {
    what: 'the 2019 本年增/减 written in words (`增5`, `减少3`): read as signed numbers',
    html: (h) => h.replace(/<td([^>]*)><p>([+-])(\d+)<\/p><\/td>/gu, (_, attrs: string, sign: string, d: string) => `<td${attrs}><p>${sign === '+' ? '增' : '减少'}${d}</p></td>`),
  },
  decimals: {
    what: 'counts printed with decimals from a spreadsheet (`5.00`, `0.0`)',
    html: (h) => h.replace(cellNumber, (m, attrs: string, d: string) => (/[0369]$/u.test(d) ? `<td${attrs}>${d}.00</td>` : /[258]$/u.test(d) ? `<td${attrs}>${d}.0</td>` : m)),
    gaps: { flipbook: 'a wrap that cuts `0.00` into `0.0` / `0` in a row that also lost a blank cell reads as a full row that adds up (the zero adds nothing): not decided yet' },
  },
  letterspacing: {
    what: 'the digits of a number spaced out (`1 9 2`), as PDF text with letter-spacing prints them',
    html: (h) => h.replace(cellNumber, (m, attrs: string, d: string) => (d.length > 1 ? `<td${attrs}>${d.split('').join(' ')}</td>` : m)),
    gaps: Object.fromEntries(['space-separated', 'flipbook'].map((st) => [st, 'one space between cells and one between digits, with blank cells dropped: `5 1 1` may be 5, 11 or 5, 1, 1 and a blank; not decided (a known gap)'])),
    // a line of spaced digits in a dump without bars may be one number or several cells: flagged where the sums cannot tell
    lossy: true,
  },
  thousands: {
    what: 'thousands separators in large numbers (`15,653`, full-width `15，653`)',
    html: (h) => h.replace(cellNumber, (m, attrs: string, d: string) => (d.length > 3 ? `<td${attrs}>${d.replace(/\B(?=(\d{3})+$)/gu, d.length % 2 ? '，' : ',')}</td>` : m)),
    // (a flipbook row that lost its blank cells is read by splitting runs, which a grouped number is not: flagged)
    lossy: true,
  },
  labelbreaks: {
    what: 'long labels broken over lines inside their cells (`<br/>` in the middle, as Word and narrow columns leave them)',
    html: (h) => h.replace(/<p>([^<]{9,})<\/p>/gu, (m, t: string) => (/\d{2}/u.test(t) ? m : `<p>${t.slice(0, Math.floor(t.length / 2))}<br/>${t.slice(Math.floor(t.length / 2))}</p>`)),
  },
  headings: {
    what: 'section headings worded and numbered otherwise (`（三）行政机关收到和处理政府信息公开申请情况`, `四、因政府信息公开工作被申请行政复议、提起行政诉讼情况`, `第二部分 主动公开…`)',
    html: (h) =>
      h
        .replace('<p>二、主动公开政府信息情况</p>', '<p>第二部分 行政机关主动公开政府信息情况</p>')
        .replace('<p>三、收到和处理政府信息公开申请情况</p>', '<p>（三）行政机关收到和处理政府信息公开申请情况</p>')
        .replace('<p>四、政府信息公开行政复议、行政诉讼情况</p>', '<p>四、因政府信息公开工作被申请行政复议、提起行政诉讼情况</p>')
        .replace('<p>五、存在的主要问题及改进情况</p>', '<p>五、政府信息公开工作存在的主要问题及改进情况</p>'),
  },
  noheadings: {
    what: 'no section headings before tables 2, 3 and 4 (the tables follow the prose directly)',
    html: (h) => h.replace(/<p>[二三四]、(?:主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况)<\/p>/gu, ''),
  },
  nocaptions: {
    what: 'table 2 without its 第二十条第（…）项 caption rows (one header row for all of it)',
    html: (h) => h.replace(/<tr><td colspan="\d+"><p>第二十条第（[一二三四五六七八九]）项<\/p><\/td><\/tr>/gu, ''),
  },
  spans: { what: 'a number split over two spans (`<span>1</span><span>2</span>`)', apply: (s) => s.replace(/<td([^>]*)>(?:<p>)?(\d)(\d+)(?:<\/p>)?<\/td>/gu, '<td$1><span>$2</span><span>$3</span></td>') },
};
