// Issuer, report year and administrative level, from the title, heading or 发布机构 line.
import type { Level } from '../codes.ts';
import { WINDOWS } from './spec.ts';

// "<name>2024年度政府信息公开工作年度报告" or "2019年<name>政府信息公开工作年度报告"; some titles say
// 信息公开年报, 政务公开工作年度报告 or 政务信息公开工作开展年度报告
const REPORT_TITLE = /(\d{4})\s*年\s*度?\s*(?:的)?([\u3400-\u9fffA-Za-z()（）\s]{0,40}?)(?:政\s*[府务]\s*信\s*息|信\s*息|政\s*务)\s*公\s*开\s*(?:工\s*作\s*)?(?:开\s*展\s*)?(?:的\s*)?(?:年\s*度\s*)?(?:工\s*作\s*)?(?:报\s*告|年\s*报)/u;
const REPORT_TITLES = new RegExp(REPORT_TITLE.source, 'gu');
// Names end with one of these; the longest run of name characters before the year is the issuer.
const ORG_SUFFIX =
  /(?:人民政府办公厅|人民政府办公室|人民政府|管理委员会|管委会|委员会|办公厅|办公室|街道办事处|办事处|综合实验区|苏木|[局厅委办署院所站队府会心处室馆社部区县市旗州盟镇乡街道]|(?<![市现广会商赛考])场|(?<![公花乐庄校家田])园)$/u;
// "某某局政府信息公开工作年度报告（2021年）": the year after the title
const TITLE_YEAR_AFTER = /政\s*府\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:报\s*告|年\s*报)\s*[(（]\s*(\d{4})\s*年?\s*度?\s*[)）]/u;
// "西藏自治区政府国资委2020政府信息公开工作年度报告": a year without 年 right before the title words
const TITLE_BARE_YEAR = /(?<!\d)(\d{4})\s*政\s*府\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:报\s*告|年\s*报)/u;
// "某某区政府信息公开工作2023年度报告": the year inside the title words
const TITLE_YEAR_INSIDE = /政\s*府\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(\d{4})\s*年\s*度?\s*(?:报\s*告|年\s*报)/u;
// "某某街道办事处政府信息公开工作年度报告": a whole line that is a title without a year
const TITLE_NO_YEAR = /^([\u3400-\u9fff()（）]{2,40}?)(?:政[府务]信息|信息|政务)公开工作(?:的)?(?:年度)?(?:报告|年报)$/u;
// 二〇二三年: a year in Chinese numerals
const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CN_YEAR = /二[〇零Ｏ][一二三][〇零Ｏ一二三四五六七八九](?=\s*年)/gu;
const arabicYears = (s: string) => (s.includes('二') ? s.replace(CN_YEAR, (y) => [...y].map((c) => CN_DIGIT[c]).join('')) : s);
const NAME_LINE = /^[\u3400-\u9fff()（）]+$/u;
// a line that ends with one of these is a name of its own (a site's or a parent's), not a wrapped start
const BODY_END = /(?:人民政府|政府|委员会|办公室|办公厅|管委会|[局厅委办署院所站队会心处室馆社部府])$/u;
const NAME_CHARS = /[\u3400-\u9fff()（）]+$/u;
// Words that are never part of a body's name but precede it in spammy titles.
// Mirror sites glue SEO spam onto titles; the name is what follows the last spam word.
const NOISE =
  /(?:关于|印发|发布|公布|公开|转发|现将|特将|兹将|现就|现把|专区|在线|视频|免费|精品|一区|二区|无码|中文字幕|当前位置|首页|娱乐|彩票|棋牌|博彩|投注|赌场|赌博|葡京|威尼斯人|官网|下载|开户|真人|毛片|成人|长者模式|关怀版|无障碍|适老化|繁体|简体|向社会|登录|注册)/u;

export interface Meta {
  issuer: string | null;
  year: number | null;
  level: Level | null;
  /**
   * the issuer was not named as such: taken from the site around the report (breadcrumb,
   * page-title suffix), from the subject of the report's first sentence, or from the site its
   * text says it publishes on (`我局在某某局官网上主动公开…`)
   */
  issuerInferred?: 'site' | 'prose' | 'own-site';
}

// What may stand before the subject: `在区委、区政府的坚强领导下，`, `按照区委、区政府有关要求，`
const LEAD = String.raw`(?:(?:在[^,，。]{2,40}?[下中]|(?:按照|根据)[^,，。]{2,40}?(?:要求|部署|规定|精神))\s*[,，]\s*)?`;
// Section 一 opens with the year and, often, the body as the subject of its first sentence:
// `一、总体情况 2023年，在区委、区政府的坚强领导下，官洲街道办事处认真贯彻落实…`.
const SUBJECT_SENTENCE =
  String.raw`(\d{4})\s*年\s*度?\s*(?:以来)?\s*[,，]?\s*${LEAD}([\u3400-\u9fff()（）]{2,40}?)(?:在[^,，。]{2,40}?[下中][,，]\s*)?(?:认真|坚持|紧紧|严格|深入|全面|按照|持续|不断|积极|始终|高度|扎实|切实|进一步|围绕|聚焦|贯彻|依法|共|通过|未发生|未收到|(?:政府|政务)?信息公开工作|根据|以(?=[\u3400-\u9fff]{2}))`;
// any sentence of section 一 that opens so (`（一）主动公开情况。2022年宜城市教育局全面贯彻落实…`)
const SUBJECT_ANYWHERE = new RegExp(`(?<!\\d)${SUBJECT_SENTENCE}`, 'gu');
// the heading of section 一 (`一、总体情况`, `（一）总体情况`)
const SECTION_ONE = String.raw`(?:一\s*[、.]|[(（]\s*一\s*[)）])\s*总\s*体\s*情\s*况\s*`;
const OPENING = new RegExp(String.raw`${SECTION_ONE}(\d{4})\s*年\s*度?\s*(?:以来)?\s*[,，]?\s*${LEAD}([\u3400-\u9fff()（）]{2,40}?)(?:在[^,，。]{2,40}?[下中][,，]\s*)?(?:认真|坚持|紧紧|严格|深入|全面|按照|持续|不断|积极|始终|高度|扎实|切实|进一步|围绕|聚焦|贯彻|依法|共)`, 'u');

// 我局 / 本单位 / 该局, 区… / 市… without the region's name (市中区 is a name), a level word alone (街道, 政府)
const NOT_A_NAME = /^(?:[我本该各全]|通过|依托|利用|借助|依据|根据|按照|围绕|经过|[区县市省](?![中辖])|(?:街道|街道办|街道办事处|镇|乡|社区|苏木|办事处|(?:人民)?政府)$)/u;

/** The year and the subject of section 一's first sentence; a subject that is a pronoun (我局) or an abbreviation (区…局) is no name. */
function opening(text: string): { year: number | null; subject: string | null; looseYear?: number | null } {
  const flat = text.replace(/\s*\n\s*/gu, '');
  const m = OPENING.exec(flat);
  // `区人民政府北京街道办事处`: the street office, under its district's government named without its name
  const subject = (raw: string) => {
    const name = cleanName(raw)?.replace(/^[区县市](?:人民)?政府(?=.{2,}(?:街道办事处|街道|镇|乡)$)/u, '') ?? null;
    return name && !NOT_A_NAME.test(name) ? name : null;
  };
  const first = m ? subject(m[2]!) : null;
  if (first !== null) return { year: plausibleYear(Number(m![1])), subject: first };
  // else the first sentence of section 一 that opens with a year and a body, else one of the
  // introduction before it (`2022年,商务局信息公开工作在县委、县政府的正确领导下…` / `一、总体情况`)
  const sectionOne = /总\s*体\s*情\s*况/u.exec(flat)?.index;
  // (a sentence whose subject is no name, `2019年度街道共有…`, still gives the year)
  let firstYear: number | null = null;
  for (const [from, to] of sectionOne === undefined ? [[0, 1500]] : [[sectionOne, sectionOne + 1500], [0, sectionOne]]) {
    SUBJECT_ANYWHERE.lastIndex = from!;
    for (let a = SUBJECT_ANYWHERE.exec(flat); a && a.index < to!; a = SUBJECT_ANYWHERE.exec(flat)) {
      const name = subject(a[2]!);
      if (name !== null) return { year: m ? plausibleYear(Number(m[1])) : plausibleYear(Number(a[1])), subject: name };
      firstYear ??= plausibleYear(Number(a[1]));
    }
  }
  // section 一 opening with the body and no year (`一、总体情况 南湖新区退役军人事务局政府信息公开工作是…`)
  const bare = YEARLESS_OPENING.exec(flat);
  const name = bare ? subject(bare[1]!) : null;
  return { year: m ? plausibleYear(Number(m[1])) : null, subject: name, looseYear: firstYear };
}
// (`今年以来，`; a first sub-heading, `（一）组织推动政府信息公开工作。`, before the sentence that names the body)
const YEARLESS_LEAD = String.raw`(?:[(（]\s*[一二三四五六七八九十]\s*[)）][^。\n]{2,30}?。\s*)?(?:(?:今年以来|一年来|本年度|今年|本年)\s*[,，]?\s*)?${LEAD}`;
const YEARLESS_OPENING = new RegExp(
  String.raw`${SECTION_ONE}${YEARLESS_LEAD}([\u3400-\u9fff()（）]{2,40}?)(?:(?:政府|政务)?信息公开工作|认真|坚持|严格|深入|全面|按照|持续|积极|始终|高度|扎实|切实|进一步|围绕|聚焦|贯彻|依法)`,
  'u',
);

/**
 * Last resort for a report with a generic title (`2022年政府信息公开工作年度报告`, `我局…`): the site's
 * name, from a breadcrumb (`当前位置：首页 > 某某区人民政府 > …`) or a page-title suffix
 * (`…年度报告_某某县人民政府门户网站`). A department's report on its government's site gets the
 * government's name this way, so the result is marked inferred.
 */
function siteName(titles: string[], text: string): string | null {
  const pieces: string[] = [];
  const crumb = /(?:当前位置|您的位置|您现在的位置|所在位置|现在位置)\s*[:：]?\s*([^\n]{2,200})/u.exec(text);
  if (crumb) pieces.push(...crumb[1]!.split(/\s*[>»›/\\]\s*/u));
  for (const t of titles) pieces.push(...t.split(/\s*[_|｜\-–—]\s*/u).slice(1));
  for (const p of pieces) {
    const name = cleanName(p.replace(/(?:门户网站|政府网站|网站|官网|首页)$/u, ''));
    if (name) return name;
  }
  return null;
}

// `全年我局在句容市住房和城乡建设局官网上主动公开…`: the body calls itself 我局 and names its own site
const OWN_SITE = /我\s*([局委办厅署院])[^。\n]{0,30}?在\s*([\u3400-\u9fff()（）]{2,40}?)\s*(?:官方网站|官网|门户网站|政府网站|网站|网)\s*(?:上|中|内)?/gu;

/** The body's own site, named after 我局/我委 in a sentence: the body, when the site's name ends as the pronoun does. */
function ownSiteName(text: string): string | null {
  for (const m of text.slice(0, WINDOWS.ownSite).matchAll(OWN_SITE)) {
    const name = cleanName(m[2]!);
    if (name && name.endsWith(m[1]!) && !NOT_A_NAME.test(name)) return name;
  }
  return null;
}

function cleanName(raw: string): string | null {
  // a page's form label before the title (`标      题 西藏自治区审计厅2025年…`)
  raw = raw.replace(/^\s*(?:文章|信息)?(?:标\s*题|名\s*称)\s*[:：]?\s*/u, '');
  // `石牛江镇  桃江县石牛江镇人民政府`: a breadcrumb's short name before the full one
  const pieces = raw.trim().split(/\s+/u);
  if (pieces.length > 1 && pieces.slice(0, -1).every((p) => p.length >= 2 && pieces[pieces.length - 1]!.includes(p))) raw = pieces[pieces.length - 1]!;
  let s = raw.replace(/\s+/gu, '').replace(/^[(（][^)）]*[)）]/u, '');
  // take the last name-like run (spam is separated by _ | - > etc.)
  const m = NAME_CHARS.exec(s);
  if (!m) return null;
  // "…局关于2021年…" / "…县的2021年…": words between the name and the year
  // (`编制万源市玉带乡2024年…`, `特编制…`, `现编制了…`: the verb before the name; 机构编制委员会 is a name)
  s = m[0].replace(/(?:关于|的|印发|发布|公布)+$/u, '').replace(/^(?:特此|[特现兹])?编制了?(?!委员会|办)/u, '');
  const noise = s.match(new RegExp(NOISE.source, 'gu'));
  if (noise) s = s.slice(s.lastIndexOf(noise[noise.length - 1]!) + noise[noise.length - 1]!.length);
  // 本镇 / 我局 / 该委: a pronoun, not a name (本溪市 is one)
  if (/^(?:[我本该](?:街道|单位|机关|部门|中心|[镇乡局委办区县市厅院署])|全[镇乡区县市局])$/u.test(s)) return null;
  // `高新区(新市区)`: a second name in brackets after the first
  if (s.length < 2 || !ORG_SUFFIX.test(s.replace(/(?<=.)[(（][^()（）]{1,12}[)）]$/u, ''))) return null;
  // (`…门户网站`, `…政务服务平台`: where the report was published, not who published it)
  if (/(?:网站|平台)$/u.test(s)) return null;
  return s;
}

// a township's or street's own office (党政办公室, 综合科) answers for it but is not the reporting body
const INTERNAL_OFFICE = /((?:镇|乡)(?:人民)?政府|镇|乡|街道办事处|街道|人民政府|局|厅|委员会|委|署)(?:[\u3400-\u9fff]{0,6}?(?:办公室|办|科))$/u;

/** `两城镇人民政府党政办公室` → `两城镇人民政府`, `海南海事局办公室` → `海南海事局`; a county's `某区人民政府办公室` reports on its own and stays. */
function withoutInternalOffice(name: string): string {
  const m = INTERNAL_OFFICE.exec(name);
  if (!m) return name;
  const office = name.slice(m.index + m[1]!.length);
  const body = name.slice(0, m.index + m[1]!.length);
  if (/^办公室$/u.test(office) && m[1] === '人民政府' && !/(?:镇|乡)人民政府$/u.test(body)) return name;
  return body.length >= 2 ? body : name;
}

/** The name before a title's 政府信息公开, given back the 政府 those words took from `…人民`. */
function nameBeforeTitleWords(raw: string): string | null {
  return cleanName(raw) ?? (/人\s*民$/u.test(raw) ? cleanName(`${raw}政府`) : null);
}

export const ZONE = /(?:综合实验区|开发区|高新区|产业园|科技园|工业园|高新技术产业开发区|经济技术开发区|园区|管理区|保税区|保税港区|试验区|示范区)$/u;

/** A county-level or higher region name gets 人民政府, as the body that reports is its government. */
export function canonicalIssuer(name: string): string {
  if (/(?:区|县|市|旗|自治州|州|盟)$/u.test(name) && !ZONE.test(name)) return name + '人民政府';
  return name;
}

export function levelOf(named: string): Level {
  // `高新区(新市区)`: the first name decides
  const issuer = named.replace(/(?<=.)[(（][^()（）]{1,12}[)）]$/u, '');
  if (/(?:街道|办事处)$/u.test(issuer)) return 'street';
  if (/(?:镇|乡|苏木)(?:人民)?(?:政府)?$/u.test(issuer)) return 'township';
  const gov = /^(.*?)(?:人民政府|管理委员会|管委会)?$/u.exec(issuer)![1]!;
  // a zone's 管理委员会 governs it like a district's government (管委会 and its long form alike)
  if (/(?:管理委员会|管委会)$/u.test(issuer) && ZONE.test(gov)) return 'district';
  if (/(?:局|厅|委员会|委|办公室|办公厅|办|署|院|中心|所|站|队|馆|社|部|处|室)$/u.test(issuer) && !/人民政府$/u.test(issuer)) {
    return 'department';
  }
  if (/(?:省|自治区)$/u.test(gov) || /^(?:北京|天津|上海|重庆)市$/u.test(gov)) return 'province';
  if (ZONE.test(gov)) return 'district';
  if (/区$/u.test(gov)) return 'district';
  if (/(?:县|旗)$/u.test(gov)) return 'county';
  if (/(?:市|州|盟)$/u.test(gov)) return 'city';
  return 'other';
}

// `昌图县七家子镇2023年政府信息公开 工作告年度报`: a page whose title words are printed out of order
const SHUFFLED_TITLE_END = /(公\s*开\s*(?:工\s*作\s*)?)([年度报告]{4})/gu;
const inOrder = (line: string) =>
  line.replace(SHUFFLED_TITLE_END, (all, lead: string, end: string) => ([...end].sort().join('') === [...'年度报告'].sort().join('') ? `${lead}年度报告` : all));

function titleCandidates(titles: string[], text: string): string[] {
  const lines = text.split('\n').slice(0, 60).map((l) => inOrder(l.trim())).filter(Boolean);
  // a title wrapped over two lines (PDF) is tried joined as well
  const pairs = lines.slice(0, -1).flatMap((l, i) => (l.length < 60 ? [l + lines[i + 1]!] : []));
  return [...titles, ...lines, ...pairs];
}

/**
 * The year the report covers, from the text: the statistics period (`统计期限为2024年1月1日至…`,
 * `本报告所列数据的统计期限自2022年1月1日`), else the intro (`现将我局2022年度政府信息公开…`).
 * The period says what the numbers are about, so it wins over a title or a publication date.
 */
export function yearFromText(text: string): number | null {
  const period = /统\s*计\s*(?:数\s*据\s*)?(?:期\s*限|时\s*限|时\s*间|区\s*间|周\s*期|范\s*围)[^。]{0,24}?(\d{4})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/u.exec(text);
  if (period) return plausibleYear(Number(period[1]));
  const span = /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*[,，]?\s*(?:至|到|-|—|~)\s*(?:\1\s*年\s*)?12\s*月\s*31\s*日/u.exec(text);
  if (span) return plausibleYear(Number(span[1]));
  const intro = /(?:现将|现就|现公布|特编制|编制了?)[^。]{0,30}?(\d{4})\s*年\s*度?[^。]{0,12}?政\s*府\s*信\s*息\s*公\s*开/u.exec(text);
  return intro ? plausibleYear(Number(intro[1])) : null;
}

/** `from`–`to` lies inside a 《…》 that holds more words after it (another document's title). */
function insideOtherTitle(line: string, from: number, to: number): boolean {
  const open = line.lastIndexOf('《', from);
  if (open < 0 || line.lastIndexOf('》', from) > open) return false;
  const close = line.indexOf('》', to);
  return close > to && /[\u3400-\u9fff]/u.test(line.slice(to, close));
}

const plausibleYear = (y: number) => (y >= 2008 && y <= 2100 ? y : null);

export function extractMeta(rawTitles: string[], rawText: string, publisher?: string): Meta {
  const titles = rawTitles.map(arabicYears);
  const text = arabicYears(rawText);
  let issuer: string | null = null;
  let year: number | null = null;
  const cands = titleCandidates(titles, text);
  for (let i = 0; i < cands.length && (issuer === null || year === null); i++) {
    const line = cands[i]!;
    // a sentence can name the report twice (`做好2023年政府信息公开工作年度报告…形成了《某镇2023年…报告》`):
    // every mention is tried, the first that names a body wins
    const all = [...line.matchAll(REPORT_TITLES)];
    const m = all[0];
    if (!m) {
      const after = TITLE_YEAR_AFTER.exec(line) ?? TITLE_YEAR_INSIDE.exec(line) ?? TITLE_BARE_YEAR.exec(line);
      if (after) {
        year ??= Number(after[1]);
        // (`某某区政府信息公开…`: the 政府 the title words took is the district's government)
        issuer ??= nameBeforeTitleWords(line.slice(0, after.index));
      }
      continue;
    }
    const y = Number(m[1]);
    if (year === null && y >= 2008 && y <= 2100) year = y;
    for (const t of all) {
      if (issuer !== null) break;
      // `《某县人民政府办公室关于2021年度政府信息公开工作年度报告编制工作的通知》`: the title of another
      // document, the notice that asked for this report, names its sender
      if (insideOtherTitle(line, t.index, t.index + t[0].length)) continue;
      let before = cleanName(line.slice(0, t.index));
      // a title wrapped inside the name (`…裕民县人民` / `政府2023年…`, `班` / `玛县人民政府2023年…`): the
      // line before, all name characters and not itself ending in a body's word, is its start
      const head = i > 0 && t === m && before !== null && line.slice(0, t.index).trim() !== '' ? cands[i - 1]!.replace(/\s+/gu, '') : '';
      // (a breadcrumb's short name on the line before the full one, `石牛江镇` / `桃江县石牛江镇人民政府2025年…`, is no start)
      if (head && head.length <= 40 && NAME_LINE.test(head) && !BODY_END.test(head) && !line.slice(0, t.index).includes(head) && !/信息公开|报告|年报|首页|专栏|目录/u.test(head)) before = cleanName(head + line.slice(0, t.index)) ?? before;
      // "2019年上海市人民政府办公厅政府信息公开…": the name stands between the year and 政府信息公开
      // (`2022年某县人民政府信息公开年报`: the lazy name stops before 政府, which the title words took)
      const between = nameBeforeTitleWords(t[2] ?? '');
      // a title on two lines: the body's name alone on the line before
      const prev = i > 0 && t === m ? cleanName(cands[i - 1]!) : null;
      issuer = before ?? between ?? (line.slice(0, t.index).trim() === '' ? prev : null);
    }
  }
  if (issuer === null && publisher) issuer = cleanName(publisher);
  // `驼峰路街道办事处政府信息公开工作年度报告`: a title line without a year still names the body
  for (let i = 0; i < cands.length && issuer === null; i++) {
    const bare = TITLE_NO_YEAR.exec(cands[i]!.replace(/\s+/gu, ''));
    const name = bare ? nameBeforeTitleWords(bare[1]!) : null;
    if (name && !NOT_A_NAME.test(name)) issuer = name;
  }
  if (issuer === null) {
    // "如对本报告有任何疑问，请与平潭综合实验区社会事业局联系", "本报告…由两城镇人民政府党政办公室编制"
    const contact =
      /请\s*与\s*([\u3400-\u9fff()（）\s]{2,50}?)(?:政府信息公开(?:工作)?(?:领导小组)?办公室|政务公开办公室)?\s*联系/u.exec(text) ??
      /由\s*([\u3400-\u9fff()（）\s]{2,50}?)(?:政府信息公开(?:工作)?(?:领导小组)?办公室|政务公开办公室)?\s*(?:负责)?编\s*制/u.exec(text) ??
      // `如有疑问，请联系重庆市江北区教育委员会办公室（地址：…）`
      /请\s*联\s*系\s*([\u3400-\u9fff()（）]{2,50}?)\s*(?=[,，;；。(（:：]|\n|地址|电话|联系电话)/u.exec(text);
    if (contact) issuer = cleanName(withoutInternalOffice(contact[1]!.replace(/\s+/gu, '')));
  }
  year = yearFromText(text) ?? year;
  let inferred: Meta['issuerInferred'];
  let looseYear: number | null = null;
  if (issuer === null || year === null) {
    const o = opening(text);
    looseYear = o.looseYear ?? null;
    year ??= o.year;
    if (issuer === null && o.subject !== null) {
      issuer = o.subject;
      inferred = 'prose';
    }
  }
  // last: `截至2023年12月31日，我局…` (the year's figures counted to its last day; a later year can
  // be named so too, hence after the title and the opening)
  if (year === null) {
    const until = /截\s*[至止]\s*(\d{4})\s*年\s*(?:12\s*月\s*[23]\d\s*日|底)/u.exec(text);
    if (until) year = plausibleYear(Number(until[1]));
  }
  // `汇报我镇2023年政府信息公开工作`, `2019年我局政府信息公开工作运行良好`: the year of the work reported
  if (year === null) {
    const work = /(?<!\d)(\d{4})\s*年\s*度?\s*(?:[我本该][局委办镇乡街区县市厅苏木]{1,2}|全[局镇乡区县市])?\s*(?:的)?\s*政\s*府\s*信\s*息\s*公\s*开/u.exec(text);
    if (work) year = plausibleYear(Number(work[1]));
  }
  // `一、总体情况 1.主动公开政府信息。2021年，我局…`: the first year section 一 names (not a date, not the Regulations')
  if (year === null) {
    const first = /总\s*体\s*情\s*况[^]{0,300}?(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)(?!\s*(?:新)?修订)/u.exec(text);
    if (first) year = plausibleYear(Number(first[1]));
  }
  year ??= looseYear;
  if (issuer === null) {
    issuer = ownSiteName(text);
    if (issuer !== null) inferred = 'own-site';
  }
  if (issuer === null) {
    issuer = siteName(titles, text);
    if (issuer !== null) inferred = 'site';
  }
  if (issuer !== null) issuer = canonicalIssuer(issuer);
  return { issuer, year, level: issuer ? levelOf(issuer) : null, ...(inferred ? { issuerInferred: inferred } : {}) };
}
