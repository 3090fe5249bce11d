// The sections step (pipeline/extract/sections.ts): the six section headings of real reports and
// of every generated layout, found once, in order, with the tables' slices between them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTION_CODES } from '../pipeline/codes.ts';
import { toStream } from '../pipeline/extract/blocks.ts';
import { readDocument } from '../pipeline/extract/readers/index.ts';
import { locateSections, sectionText } from '../pipeline/extract/sections.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { STYLES } from '../scripts/layouts/styles.ts';
import { CORPUS, MADE, compareCells, goldFiles, readGold } from './helpers.ts';

async function sectionsOf(p: string) {
  const stream = toStream((await readDocument(p, fs.readFileSync(p))).blocks);
  return { stream, sections: locateSections(stream) };
}

const reports = (dir: string) =>
  fs.readdirSync(dir).filter((f) => !f.endsWith('.json') || !f.includes('gold')).filter((f) => /\.(txt|html?|json|pdf|docx|md)$/u.test(f) && !f.includes('.gold.') && !/^[A-Z]+\.md$/u.test(f));

describe('sections of the corpus reports', () => {
  const files = reports(CORPUS).filter((f) => !/fragment|template/u.test(f));
  it.each(files)('%s: headings in printed order, tables between them', async (f) => {
    const { stream, sections } = await sectionsOf(path.join(CORPUS, f));
    const codes = sections.headings.map((h) => h.code);
    // every corpus report prints 一 to 五; 六 is missing from a few
    expect(codes.slice(0, 5)).toEqual(SECTION_CODES.slice(0, 5));
    const at = (c: string) => sections.headings.find((h) => h.code === c)!;
    for (let i = 1; i < sections.headings.length; i++) expect(sections.headings[i]!.start).toBeGreaterThan(sections.headings[i - 1]!.end - 1);
    // table 2 lies in section 二, table 3 in 三, and table 3 stops before section 四's table
    expect(sections.t2!.start).toBeGreaterThan(at('s2.proactive').start);
    expect(sections.t2!.end).toBeLessThanOrEqual(sections.t3!.start);
    expect(sections.t3!.start).toBeGreaterThan(at('s3.requests').start);
    expect(sections.t3!.limit).toBeLessThan(stream.text.length);
    expect(stream.text.slice(sections.t3!.limit, sections.t3!.limit + 4)).toBe('行政复议');
    // the problems section is prose, not a table's numbers or the next heading
    const problems = sectionText(stream, sections, 's5.problems')!;
    expect(problems.length).toBeGreaterThan(20);
    expect(problems).not.toMatch(/六\s*[、.]\s*其他需要报告/u);
  });

  it('finds headings glued to the numbers before them in a crawl without line breaks', async () => {
    const p = path.join(CORPUS, 'pingtan-gaj_2022_1.txt');
    const raw = fs.readFileSync(p, 'utf8');
    expect(raw).toMatch(/\d五、存在的主要问题/u); // the case: glued to table 4's last digit
    const { stream, sections } = await sectionsOf(p);
    const problems = sectionText(stream, sections, 's5.problems')!;
    const heading = '五、存在的主要问题及改进情况';
    const printed = raw.slice(raw.indexOf(heading) + heading.length);
    // the section's text is what follows the heading in the file, up to section 六
    // (the stream's punctuation is normalised: compare the words)
    const words = (t: string) => t.replace(/[^\p{Script=Han}\d]/gu, '');
    expect(words(printed).startsWith(words(problems.slice(0, 60)))).toBe(true);
    expect(words(problems).length).toBeGreaterThan(40);
  });
});

describe('section 一 restating the figures in the tables\' own words', () => {
  // `本年新收政府信息公开申请58件，上年结转…2件`, `第二十条`, `规章3件`, `行政许可1234件`: before the
  // sections step these opened table 2 and 3 in the prose, and the tables' rows were lost
  const PROSE =
    '（二）依申请公开情况。本年新收政府信息公开申请58件，上年结转政府信息公开申请2件。按照《条例》第二十条规定主动公开，本年度制发规章3件，废止1件，行政规范性文件12件，行政许可1234件，行政处罚5件，予以公开30件，部分公开4件。\n';
  const files = goldFiles().filter((f) => /\.(txt|html|json)$/u.test(f));
  it.each(files)('%s: every gold cell still read from the tables', async (f) => {
    const raw = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    const m = /一、(?:总体|總體)情(?:况|況)/u.exec(raw); // the traditional-script mirror too
    expect(m).not.toBeNull();
    const cut = m!.index + m![0].length;
    const text = raw.slice(0, cut) + (f.endsWith('.json') ? PROSE.replace('\n', '\\n') : '\n' + PROSE) + raw.slice(cut);
    const r = await extractBytes(f, new TextEncoder().encode(text));
    const bad = compareCells(readGold(f), r).filter(([, want, got]) => want !== got);
    expect(bad).toEqual([]);
  });
});

describe('headings that are not section headings', () => {
  const at = (text: string) => locateSections(toStream([{ kind: 'text', text, loc: 'l' }]));
  it('a sub-heading （五） and an ordinal 第五 are not section 五', () => {
    const s = at('一、总体情况\n（五）存在的主要问题不多\n第五、存在问题\n二、主动公开政府信息情况\n');
    expect(s.headings.map((h) => h.code)).toEqual(['s1.overview', 's2.proactive']);
  });
  it('table 3 row ordinals (一、本年新收 … 四、结转下年度) are not section headings', () => {
    const s = at('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1\n二、上年结转政府信息公开申请数量 0\n三、本年度办理结果\n四、结转下年度继续办理 0\n四、政府信息公开行政复议、行政诉讼情况\n');
    expect(s.headings.map((h) => [h.code, h.start])).toEqual([
      ['s3.requests', 0],
      ['s4.review_litigation', expect.any(Number)],
    ]);
    expect(s.headings[1]!.start).toBe(s.headings[0]!.end + '\n一、本年新收政府信息公开申请数量 1\n二、上年结转政府信息公开申请数量 0\n三、本年度办理结果\n四、结转下年度继续办理 0\n'.length);
  });
  it('a report that nests the statistics numbers them anew: the full words make the heading (一、主动公开政府信息情况)', () => {
    const s = at('一、总体情况\n二、工作机制保障\n三、主动公开工作情况\n一、主动公开政府信息情况\n第二十条\n二、收到和处理政府信息公开申请情况\n本年新收\n三、政府信息公开行政复议、行政诉讼情况\n');
    expect(s.headings.map((h) => [h.code, h.start])).toEqual([
      ['s1.overview', 0],
      ['s2.proactive', '一、总体情况\n二、工作机制保障\n三、主动公开工作情况\n'.length],
      ['s3.requests', expect.any(Number)],
      ['s4.review_litigation', expect.any(Number)],
    ]);
    // the short keys keep their own ordinal: `三、主动公开工作情况` is not section 二
    expect(at('一、总体情况\n三、主动公开工作情况\n').headings.map((h) => h.code)).toEqual(['s1.overview']);
  });
  it('a table caption (表二：主动公开政府信息情况) is the heading only where the report prints none', () => {
    const both = at('二、主动公开政府信息情况\n行政许可 97\n表二：主动公开政府信息情况\n');
    expect(both.headings).toEqual([{ code: 's2.proactive', start: 0, end: '二、主动公开政府信息情况'.length }]);
    const text = '一、总体情况\n第二十条第（五）项\n行政许可 97\n表二：主动公开政府信息情况\n信息内容 本年制发件数\n';
    const only = at(text);
    expect(only.headings[1]).toMatchObject({ code: 's2.proactive', caption: true });
    // table 2 is looked for from the heading before the caption: the rows a converter pulled out of it come first
    expect(only.t2!.start).toBe(text.indexOf('第二十条'));
  });
  it('keeps the heading variants of spec §8.1', () => {
    const s = at('五、政府信息公开工作存在的主要问题及改进情况\n问题。\n');
    expect(s.headings[0]).toMatchObject({ code: 's5.problems', start: 0, end: '五、政府信息公开工作存在的主要问题及改进情况'.length });
    expect(at('四、因政府信息公开工作被申请行政复议提起行政诉讼情况\n').headings[0]?.code).toBe('s4.review_litigation');
  });
});

describe('sections of every generated layout', () => {
  const dir = path.join(MADE, 'layouts');
  const files = reports(dir).filter((f) => /\.(txt|html?|md)$/u.test(f));
  it(`finds the six headings in all ${files.length} text layouts`, async () => {
    const missing: string[] = [];
    for (const f of files) {
      const { sections } = await sectionsOf(path.join(dir, f));
      const codes = sections.headings.map((h) => h.code).join(' ');
      const lost = STYLES[f.replace(/^.*?--/u, '').replace(/\.[^.]+$/u, '')]?.lostHeadings ?? [];
      if (codes !== SECTION_CODES.filter((c) => !lost.includes(c)).join(' ')) missing.push(`${f}: ${codes}`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
