import { describe, expect, it } from 'vitest';
import { extractMeta, levelOf } from '../pipeline/extract/metadata.ts';
import { repairText } from '../pipeline/extract/repair.ts';
import { readText } from '../pipeline/extract/readers/text.ts';

/** The metadata of a text page as the extractor reads it (its reader finds the page's header fields). */
function extractBytesMeta(page: string) {
  const doc = readText(page);
  return extractMeta(doc.titles, page, doc.publisher);
}

describe('metadata', () => {
  it('ignores spam lines and a breadcrumb, and names a district by its government', () => {
    const m = extractMeta([], '精品无码第一页一区二区_中文字幕高清无码专区在线\n当前位置: 首页 > 区政府信息公开年报\n深圳市龙岗区2022年政府信息公开工作年度报告\n');
    expect(m).toEqual({ issuer: '深圳市龙岗区人民政府', year: 2022, level: 'district' });
  });
  it('takes the name after the year in "2019年上海市人民政府办公厅政府信息公开…"', () => {
    expect(extractMeta(['2019年上海市人民政府办公厅政府信息公开工作年度报告'], '')).toMatchObject({ issuer: '上海市人民政府办公厅', year: 2019, level: 'department' });
  });
  it('strips spam glued into the same title line', () => {
    expect(extractMeta(['澳门新葡京_娱乐平台-某某县2023年政府信息公开工作年度报告'], '').issuer).toBe('某某县人民政府');
  });
  it('tries every mention of the report in a sentence, not only the first (a mirror page of 西柳镇, whentby.com, 2024)', () => {
    const intro = '按照《中华人民共和国政府信息公开条例》、以及省、市uedbet体育_uedbet官网@:做好 2023 年政府信息公开工作年度报告编制发布等工作的具体工作要求,结合我单位政府信息公开工作实际,现编制形成了《uedbet体育_uedbet官网@:西柳镇人民政府2023年政府信息公开工作年度报告》。';
    expect(extractMeta([], intro + '\n一、总体情况\n')).toMatchObject({ issuer: '西柳镇人民政府', year: 2023, level: 'township' });
  });
  it('reads titles that say 信息公开年报 or 政务公开 instead of 政府信息公开 (湖口县, hukou.gov.cn, 2023)', () => {
    expect(extractMeta([], '2022年湖口县卫生健康委员会信息公开年报\n根据《中华人民共和国政府信息公开条例》')).toMatchObject({ issuer: '湖口县卫生健康委员会', year: 2022, level: 'department' });
    expect(extractMeta([], '2022年湖口县人民政府信息公开年报\n')).toMatchObject({ issuer: '湖口县人民政府', level: 'county' });
    expect(extractMeta([], '某某县统计局2023年政务公开工作年度报告\n')).toMatchObject({ issuer: '某某县统计局', year: 2023 });
    // 政务信息公开工作开展年度报告 (a real page of 西藏自治区审计厅, 2025), whose first sentence names only 审计厅
    expect(extractMeta([], '标      题 西藏自治区审计厅2025年政务信息公开工作开展年度报告\n在区党委、政府坚强领导下，审计厅认真贯彻中央决策部署。\n')).toMatchObject({ issuer: '西藏自治区审计厅', year: 2025 });
  });
  it('reads a year inside the title words (…政府信息公开工作2023年度报告) and a year in Chinese numerals (二〇二三年)', () => {
    expect(extractMeta(['某某区政府信息公开工作2023年度报告'], '')).toMatchObject({ issuer: '某某区人民政府', year: 2023, level: 'district' });
    expect(extractMeta(['某某乡人民政府二〇二三年政府信息公开工作年度报告'], '')).toMatchObject({ issuer: '某某乡人民政府', year: 2023, level: 'township' });
    expect(extractMeta([], '本报告所列数据的统计期限自二〇二二年1月1日起至12月31日止。').year).toBe(2022);
  });
  it('joins a title wrapped inside the name (a PDF title over two lines) and not a line that is a name of its own', () => {
    expect(extractMeta([], '新疆维吾尔自治区塔城地区裕民县人民\n政府2023年政府信息公开工作年度报告\n').issuer).toBe('新疆维吾尔自治区塔城地区裕民县人民政府');
    expect(extractMeta([], '青海省果洛藏族自治州班\n玛县人民政府2023年政府信息公开工作年度报告\n').issuer).toBe('青海省果洛藏族自治州班玛县人民政府');
    expect(extractMeta([], '某某县\n财政局2023年政府信息公开工作年度报告\n').issuer).toBe('某某县财政局');
    expect(extractMeta([], '某某县人民政府\n某某县财政局2023年政府信息公开工作年度报告\n').issuer).toBe('某某县财政局');
    expect(extractMeta([], '政府信息公开年报\n某某县财政局2023年政府信息公开工作年度报告\n').issuer).toBe('某某县财政局');
  });
  it('reads a title with the year after it: 某某局政府信息公开工作年度报告（2021年）', () => {
    expect(extractMeta(['平潭综合实验区公安局政府信息公开工作年度报告（2021年度）'], '')).toMatchObject({ issuer: '平潭综合实验区公安局', year: 2021 });
  });
  it('reads a title whose last words are printed out of order (昌图县七家子镇, changtu.gov.cn, 2023: 工作告年度报), and only a reordering of 年度报告', () => {
    const page = (title: string) => `昌图县人民政府 The People's Government of Changtu Municipality\n\n政府信息公开\n\n${title}\n\n来源:昌图县人民政府办公室 时间:2024-01-31\n\n一、总体情况\n\n2023年,我镇认真贯彻落实《中华人民共和国政府信息公开条例 》。`;
    expect(extractMeta([], page('昌图县七家子镇2023年政府信息公开 工作告年度报'))).toMatchObject({ issuer: '昌图县七家子镇', year: 2023 });
    // four of those characters that are not the four words (年年报告) are no title
    expect(extractMeta([], page('昌图县七家子镇2023年政府信息公开 工作年年报告')).issuer).not.toBe('昌图县七家子镇');
  });
  it('drops SEO spam glued onto the name', () => {
    expect(extractMeta(['澳门葡京娱乐官网平潭综合实验区旅游与文化体育局2022年政府信息公开工作年度报告'], '').issuer).toBe('平潭综合实验区旅游与文化体育局');
  });
  it('reads the name before 关于 and after 关于印发', () => {
    expect(extractMeta(['平潭综合实验区交通与建设局关于2021年政府信息公开工作年度报告'], '').issuer).toBe('平潭综合实验区交通与建设局');
    expect(extractMeta(['某某县人民政府办公室关于印发某某县2022年政府信息公开工作年度报告的通知'], '')).toMatchObject({ issuer: '某某县人民政府', year: 2022 });
  });
  it('uses the year of the statistics period when the title has none', () => {
    expect(extractMeta([], '本报告中有关情况的统计期限为2024年1月1日至12月31日。').year).toBe(2024);
  });
  it('classifies levels', () => {
    expect(levelOf('平潭综合实验区公安局')).toBe('department');
    expect(levelOf('淮安市人民政府')).toBe('city');
    expect(levelOf('某某县人民政府')).toBe('county');
    expect(levelOf('某某街道办事处')).toBe('street');
    expect(levelOf('某某镇人民政府')).toBe('township');
    expect(levelOf('广东省人民政府')).toBe('province');
    expect(levelOf('上海市人民政府')).toBe('province');
    expect(levelOf('上海市人民政府办公厅')).toBe('department');
  });
});

describe('metadata from the text when the title has none', () => {
  it('names the body that compiled the report, not its own office (两城镇, weishan.gov.cn, 2020; 北坡镇, a 遂溪县 mirror, 2022)', () => {
    expect(extractMeta([], '本报告…由两城镇人民政府党政办公室编制。')).toMatchObject({ issuer: '两城镇人民政府', level: 'township' });
    expect(extractMeta([], '如对本报告有任何疑问,请与某某街道办事处党政综合办公室联系。').issuer).toBe('某某街道办事处');
    // a county's general office reports on its own
    expect(extractMeta([], '如对本报告有任何疑问,请与某某区人民政府办公室联系。').issuer).toBe('某某区人民政府办公室');
    expect(extractMeta([], '根据《条例》规定,现将北坡镇2022年政府信息公开工作年度报告进行公开。').issuer).toBe('北坡镇');
    expect(extractMeta([], '如对本年度报告有疑问,请与海南海事局办公室联系').issuer).toBe('海南海事局');
    expect(extractMeta([], '如对本报告有任何疑问,请与衢州市衢江区湖南镇政府综合督考办公室联系(办公地址:…)')).toMatchObject({ issuer: '衢州市衢江区湖南镇政府', level: 'township' });
  });
  it('drops site chrome before a title and reads a big5 gateway’s 政府資訊公開 (武清区泗村店镇; 海南海事局, big5.mot.gov.cn)', () => {
    expect(extractMeta([], '繁体 长者模式 长者模式 武清区泗村店镇2019年政府信息公开工作年度报告').issuer).toBe('武清区泗村店镇');
    const big5 = repairText('特向社會公佈海南海事局2020年政府資訊公開工作年度報告。');
    expect(big5).toContain('政府信息公开');
    expect(extractMeta([], big5)).toMatchObject({ issuer: '海南海事局', year: 2020, level: 'department' });
  });
  it('finds the year in the body of pages that print no title (real dumps: 丰收乡, 哈日诺尔苏木, 梅溪湖街道, a 局 and a 镇)', () => {
    expect(extractMeta([], '一、总体情况\n2022年以来,丰收乡在县委县政府的正确领导下,认真围绕重点工作和年度目标任务')).toMatchObject({ issuer: '丰收乡', year: 2022, issuerInferred: 'prose' });
    expect(extractMeta([], '一、总体情况\n(二)主动公开政府信息情况\n截至2019年12月30日,我苏木主动公开143条信息').year).toBe(2019);
    expect(extractMeta([], '现结合我镇实际,主要从总体情况…等六个方面汇报我镇2023年政府信息公开工作。').year).toBe(2023);
    expect(extractMeta([], '一、总体情况\n2019年我局政府信息公开工作运行良好').year).toBe(2019);
    expect(extractMeta([], '一、报告内容\n(一)总体情况\n2020年,龙河镇认真贯彻落实《中华人民共和国政府信息公开条例》')).toMatchObject({ issuer: '龙河镇', year: 2020 });
    expect(extractMeta([], '根据2019年新修订的《中华人民共和国政府信息公开条例》').year).toBeNull();
    expect(extractMeta([], '报告统计数据时限自2019年1月1日起,至2019年12月31日止。').year).toBe(2019);
  });
  it('reads a title whose 政府 spam replaced (和记AG信息公开) and a title with a bare year (国资委2020政府信息公开…)', () => {
    expect(extractMeta([], '现特向社会公布梅溪湖街道办事处2019年和记AG信息公开工作年度报告。')).toMatchObject({ issuer: '梅溪湖街道办事处', year: 2019, level: 'street' });
    expect(extractMeta([], '标 题 | 西藏自治区政府国资委2020政府信息公开工作年度报告 | ||\n发布机构 | 自治区政府办公厅 |', '自治区政府办公厅')).toMatchObject({ issuer: '西藏自治区政府国资委', year: 2020 });
  });
  it('takes no verb phrase (特向社会公布…) nor pronoun (本镇) for a name (real dumps of 宅梧镇, 2025, and a 镇 of 2021)', () => {
    expect(extractMeta([], '现向社会公布2025年宅梧镇政府信息公开工作报告,内容涵盖…').issuer).toBe('宅梧镇');
    expect(extractMeta([], '特向社会公布2021年度本镇政府信息公开年度报告。').issuer).toBeNull();
    expect(extractMeta([], '一、總體情況\n  1.主動公開政府信息。2021年,我局主要通過門戶網站'.replace('總體情況', '总体情况')).year).toBe(2021);
    expect(extractMeta(['本溪市2022年政府信息公开工作年度报告'], '').issuer).toBe('本溪市人民政府');
    expect(extractMeta(['哈日诺尔苏木2019年政府信息公开工作年度报告'], '')).toMatchObject({ issuer: '哈日诺尔苏木', level: 'township' });
  });
  it('real page openings: a body under （一）…。2022年, 工作的年度报告, 编制 before the name, a breadcrumb name above the title, 区政府办公室', () => {
    expect(extractMeta([], '一、总体情况\n本报告依据…要求编制。\n(一)主动公开情况。2022年宜城市教育局全面贯彻落实《条例》精神')).toMatchObject({ issuer: '宜城市教育局', issuerInferred: 'prose' });
    expect(extractMeta([], '共和乡关于2020年度政府信息公开工作的年度报告\n')).toMatchObject({ issuer: '共和乡', year: 2020 });
    expect(extractMeta([], '根据…等相关规定,编制万源市玉带乡2024年政府信息公开工作年度报告。').issuer).toBe('万源市玉带乡');
    expect(extractMeta([], '某区机构编制委员会办公室2023年政府信息公开工作年度报告').issuer).toBe('某区机构编制委员会办公室');
    expect(extractMeta([], '结合工作实际,特编制和平县林寨镇2023年政府信息公开工作年度报告。').issuer).toBe('和平县林寨镇');
    expect(extractMeta([], '现编制了特克斯县2022年政府信息公开工作年度报告。').issuer).toBe('特克斯县人民政府');
    // held-out real pages: a title line without a year, a level word or 政府 alone as the subject
    expect(extractMeta([], '驼峰路街道办事处政府信息公开工作年度报告\n\n一、总体情况\n\n2020年驼峰路街道办未发生因政府信息公开申请提起的行政复议。')).toMatchObject({ issuer: '驼峰路街道办事处', year: 2020 });
    expect(extractMeta([], '政府信息公开工作年度报告\n2019年度街道共有专职信息人员2名,负责信息报送。')).toMatchObject({ issuer: null, year: 2019 });
    expect(extractMeta([], '石牛江镇\n\n桃江县石牛江镇人民政府 2025年政府信息公开工作年度报告\n').issuer).toBe('桃江县石牛江镇人民政府');
    expect(levelOf('五华科技产业园管理委员会')).toBe(levelOf('桃园开发区管委会'));
    expect(extractMeta([], '如对本报告有疑问,请联系重庆市江北区教育委员会办公室,联系电话:023-…').issuer).toBe('重庆市江北区教育委员会');
    expect(extractMeta([], '一、总体情况\n2025年,铁东区退役军人事务局通过区政府网站主动公开政府信息8条。')).toMatchObject({ issuer: '铁东区退役军人事务局', year: 2025 });
    expect(extractMeta([], '登录| 注册\n公主岭市档案局2021年政府信息公开工作年度报告').issuer).toBe('公主岭市档案局');
    expect(extractMeta([], '截至2019年底,我局共公开信息…').year).toBe(2019);
    // 区政府办公室 is an abbreviation: no name, rather than 办公室
    expect(extractMeta([], '现将我办2022年度政府信息公开情况报告如下:\n一、总体情况\n2022年,区政府办公室认真贯彻执行《条例》').issuer).toBeNull();
  });
  it('keeps a second name in brackets (2022年高新区(新市区)…, uhdz.gov.cn) and takes 截至2023年12月31日 as the year last', () => {
    expect(extractMeta([], '2022年高新区(新市区)政府信息公开工作年度报告\n')).toMatchObject({ issuer: '高新区(新市区)', year: 2022, level: 'district' });
    expect(extractMeta([], '一、总体情况\n截止2023年12月31日我局通过官方网站发布政务类信息34条').year).toBe(2023);
    expect(extractMeta(['某某局2022年政府信息公开工作年度报告'], '截至2023年12月31日，现行有效…').year).toBe(2022);
  });
  it('takes the year from the statistics period in its several phrasings', () => {
    expect(extractMeta([], '本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。').year).toBe(2022);
    expect(extractMeta([], '本报告信息数据统计期限为：2021年1月1日-2021年12月31日。').year).toBe(2021);
    expect(extractMeta([], '本年度报告中所列数据统计时间从2023年1月至12月。').year).toBe(2023);
  });
  it('takes the year from the intro sentence', () => {
    expect(extractMeta([], '根据条例要求，现将我办2022年度政府信息公开情况报告如下：').year).toBe(2022);
  });
  it('lets the statistics period win over the year of a republished page title', () => {
    const m = extractMeta(['某某县人民政府2023年政府信息公开工作年度报告'], '本报告中所列数据统计期限为2022年1月1日至12月31日。');
    expect(m.year).toBe(2022);
  });
  it('falls back to the site name in the breadcrumb, marked inferred', () => {
    const m = extractMeta(['政府信息公开工作年度报告'], '当前位置：首页 > 某某县人民政府 > 政务公开 > 年报\n现将我局2022年度政府信息公开工作情况报告如下');
    expect(m).toMatchObject({ issuer: '某某县人民政府', year: 2022, issuerInferred: 'site' });
  });
  it('falls back to the page-title suffix of the site', () => {
    const m = extractMeta(['2022年政府信息公开工作年度报告_某某区人民政府门户网站'], '');
    expect(m).toMatchObject({ issuer: '某某区人民政府', year: 2022, issuerInferred: 'site' });
  });
  it('takes the site a body says it publishes on (我局在…局官网上), marked inferred, before the site around the page', () => {
    // the opening of a real 句容市 department page (a traditional-character mirror, 2022), as the reader converts it
    const text =
      '当前位置：首页 > 句容市人民政府\n一、总体情况\n(一)主动公开情况。2022年,按照《中华人民共和国政府信息公开条例》要求,我局认真对政府信息进行收集。全年我局在句容市住房和城乡建设局官网上主动公开部门文件172条。';
    expect(extractMeta([], text)).toMatchObject({ issuer: '句容市住房和城乡建设局', year: 2022, level: 'department', issuerInferred: 'own-site' });
    // a site whose name is not the pronoun's kind of body (我局 on the county's portal) is not the body
    const portal = extractMeta([], '一、总体情况\n2022年,我局在某某县人民政府门户网站上主动公开信息35条。');
    expect(portal.issuer).toBeNull();
  });
  it('takes year and issuer from the first sentence of section 一 when nothing else names them', () => {
    // a crawl that starts at the report body (a real 海珠区 street office page)
    const text = '一、总体情况\n2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》,坚持“依法、公开”的原则。';
    expect(extractMeta([], text)).toMatchObject({ issuer: '官洲街道办事处', year: 2023, level: 'street', issuerInferred: 'prose' });
    // the subject over a line wrap, and a township government
    expect(extractMeta([], '一、总体情况\n2022年，某某镇人民\n政府积极推进政务公开。').issuer).toBe('某某镇人民政府');
  });
  it('does not take a pronoun or an abbreviated name from the first sentence', () => {
    for (const subject of ['我局', '本单位', '区政务服务数据管理局', '市生态环境局']) {
      const m = extractMeta([], `一、总体情况\n2023年，${subject}认真贯彻落实《条例》。`);
      expect(m.issuer).toBeNull();
      expect(m.year).toBe(2023);
    }
    // a name from the report itself wins over the sentence's subject, and is not inferred
    const named = extractMeta(['某某县2022年政府信息公开工作年度报告'], '一、总体情况\n2022年，某某县教育局认真贯彻落实《条例》。');
    expect(named).toMatchObject({ issuer: '某某县人民政府', year: 2022 });
    expect(named.issuerInferred).toBeUndefined();
  });
  it('does not mark an issuer named by the report as inferred', () => {
    expect(extractMeta(['某某县2022年政府信息公开工作年度报告'], '当前位置：首页 > 某某市人民政府').issuerInferred).toBeUndefined();
  });
  // four real page openings of a held-out set (hI, 2026-12-03)
  it('reads a title worded 政府信息公开年度工作报告 (上湾乡, 2019)', () => {
    expect(extractMeta([], '上湾乡人民政府2019年度政府信息公开年度工作报告\n\n来源: 浏览次数: 发布时间: 2020-02-20 16:53\n')).toMatchObject({ issuer: '上湾乡人民政府', year: 2019, level: 'township' });
  });
  it('takes 发布机构 from a page header printed as a pipe row (汉中市自然资源局, 2021)', () => {
    const page = '索 引 号: | 6107000043/2022-000051 | 发布时间: | 2022年01月24日 08:47 |\n来 源: | 汉中市自然资源局 | 发布机构: | 汉中市自然资源局 |\n内容概述: |\n一、总体情况\n2021年我局按照市局的安排部署，认真贯彻落实新《条例》。\n';
    expect(extractBytesMeta(page)).toMatchObject({ issuer: '汉中市自然资源局', year: 2021 });
  });
  it('takes the subject of section 一 before 以 (温州市洞头区农业农村局, 2021), not a pronoun', () => {
    expect(extractMeta([], '一、总体情况\n2021年,温州市洞头区农业农村局以习近平新时代中国特色社会主义思想为指导，全面提升政务公开质量。\n')).toMatchObject({ issuer: '温州市洞头区农业农村局', year: 2021, issuerInferred: 'prose' });
    expect(extractMeta([], '一、总体情况\n2021年,我局以习近平新时代中国特色社会主义思想为指导。\n').issuer).toBeNull();
  });
  it('does not take the sender of the notice that asked for the report as its issuer (平武县统计局, 2021)', () => {
    const intro = '根据《中华人民共和国政府信息公开条例》和《平武县人民政府办公室关于2021年度政府信息公开工作年度报告编制工作的通知》要求，现将2021年度政府信息公开工作情况报告如下。\n一、总体情况\n';
    expect(extractMeta([], intro)).toMatchObject({ issuer: null, year: 2021 });
    // a quoted title of the report itself still names it
    expect(extractMeta([], '现编制形成了《某某镇人民政府2023年政府信息公开工作年度报告》。\n').issuer).toBe('某某镇人民政府');
  });
  it('takes the body that opens section 一 without a year, marked inferred (南湖新区退役军人事务局, 2022)', () => {
    const text = '本报告是根据国务院办公厅政府信息与政务公开办公室的相关要求编制。\n一、总体情况\n南湖新区退役军人事务局政府信息公开工作是根据南湖新区管委会的统一部署开展的。\n';
    expect(extractMeta([], text)).toMatchObject({ issuer: '南湖新区退役军人事务局', issuerInferred: 'prose' });
    expect(extractMeta([], '一、总体情况\n我局政府信息公开工作是根据统一部署开展的。\n').issuer).toBeNull();
  });
  it('takes year and body from a first sentence that goes on with 根据 under a heading other than 总体情况 (科右前旗索伦镇, 2019)', () => {
    const text = '一、工作概述\n2019年度,科右前旗索伦镇根据自治区政务公开领导小组办公室转发的通知文件要求,认真开展政府信息公开工作。\n';
    expect(extractMeta([], text)).toMatchObject({ issuer: '科右前旗索伦镇', year: 2019, issuerInferred: 'prose' });
    expect(extractMeta([], '一、工作概述\n2019年度,我镇根据通知要求,认真开展政府信息公开工作。\n')).toMatchObject({ issuer: null, year: 2019 });
  });
  // real page openings of a held-out set (hK, 2026-12-03)
  it('takes no place of publication for a subject (2021年,通过县政府门户网站共主动公开…)', () => {
    expect(extractMeta([], '一、总体情况\n一是加强组织领导。\n2021年,通过县政府门户网站共主动公开政府信息6条。\n')).toMatchObject({ issuer: null, year: 2021 });
    expect(extractMeta([], '2022年,依托区政务服务平台认真做好信息公开。\n').issuer).toBeNull();
  });
  it('takes the subject of an introduction before section 一, also before 信息公开工作 (商务局, 2022)', () => {
    const text = '2022年,商务局信息公开工作在县委、县政府的正确领导下,全面贯彻落实《条例》。现将我局2022年度政府信息公开工作报告如下:\n一、总体情况\n(一)组织领导情况。成立了领导小组。\n';
    expect(extractMeta([], text)).toMatchObject({ issuer: '商务局', year: 2022, issuerInferred: 'prose' });
  });
  it('takes 发文机关 from a page header printed as a pipe row (冷水滩区高科园, 2023)', () => {
    const page = '索引号: | 4311030021/2024-00433 | 分类: | |\n发文机关: | 冷水滩区高科园 | 发文日期: | |\n名称: | |||\n2023年园区在区委、区政府的正确领导下,扎实推进政务信息公开工作。\n一、总体情况\n';
    expect(extractBytesMeta(page)).toMatchObject({ issuer: '冷水滩区高科园', year: 2023 });
  });
  it('knows names ending in 场 and 园 (园艺场, 高科园), not 广场 or 公园', () => {
    expect(extractMeta(['园艺场2020年政府信息公开工作年度报告'], '').issuer).toBe('园艺场');
    expect(extractMeta(['某某县国营农场2021年政府信息公开工作年度报告'], '').issuer).toBe('某某县国营农场');
    expect(extractMeta(['广场2020年政府信息公开工作年度报告'], '').issuer).toBeNull();
    expect(extractMeta(['公园2020年政府信息公开工作年度报告'], '').issuer).toBeNull();
  });
  it('takes the body that opens section 一 after 今年以来, a first sub-heading or 按照…要求 (荣昌区林业局 2019, 档案馆 2025)', () => {
    expect(extractMeta([], '一、总体情况\n今年以来,荣昌区林业局认真贯彻落实区委、区政府关于政府信息公开工作的部署。\n').issuer).toBe('荣昌区林业局');
    expect(extractMeta([], '一、总体情况\n(一)组织推动政府信息公开工作。档案馆高度重视政府信息公开工作,把它列入重要议事日程。\n').issuer).toBe('档案馆');
    expect(extractMeta([], '一、总体情况\n按照区委、区政府有关要求,红桥区政务服务办进一步完善公开制度。\n').issuer).toBe('红桥区政务服务办');
    // (the district's office named without the district is no name)
    expect(extractMeta([], '一、总体情况\n按照区委、区政府有关要求,区政府政务服务办进一步完善公开制度。\n').issuer).toBeNull();
  });
});
