// The pages of the published site: the entry (index.html), a page per year, a page per body and
// the dictionary. Each is plain HTML that reads on its own (the no-JavaScript fallback); a year
// page and the index also carry their rows as JSON for assets/site.js (Tabulator, ECharts).
import { placed, readMetricDictionary } from '../../db/metricsql.ts';
import { CORRECTED_MARK } from '../format.ts';
import { esc, linkOrText, page } from '../html.ts';
import type { BodyInfo, Dictionary, ReportInfo, SiteMetric, YearRow, YearSummary } from './data.ts';
import { qualitySection } from './quality.ts';

/** The files `xxgk publish` writes beside each year page, as the downloads line names them. */
export const YEAR_DOWNLOADS = (year: number) => [
  { file: 'applications.csv', label: 'CSV：申请' },
  { file: 'outcomes.csv', label: 'CSV：办理结果' },
  { file: 'review_litigation.csv', label: 'CSV：复议诉讼' },
  { file: 'data_quality.csv', label: 'CSV：数据质量' },
  { file: `xxgk-${year}.xlsx`, label: 'Excel 工作簿' },
  { file: 'tables.md', label: 'Markdown' },
];
export const PARQUET = ['t2_cells', 't3_cells', 't4_cells', 'metrics'];

export const UNIT_LABELS: Record<string, string> = { count: '件', share: '%', per_100: '件/百件申请', wan_yuan: '万元' };

/** A metric's column title with its unit, e.g. 公开率（%）; a name that already says its unit keeps it. */
export function metricLabel(m: SiteMetric): string {
  const u = UNIT_LABELS[m.unit];
  return !u || m.zh.includes(`（${u}）`) ? m.zh : `${m.zh}（${u}）`;
}

/** The definition shown when hovering a column: from the metric dictionary (data/reference/metrics.csv). */
export function metricTip(m: SiteMetric): string {
  return [
    `${m.zh}（${m.code}）：${m.en}`,
    `计算：${m.formula}`,
    m.rateBase ? `比率基数：${m.rateBase}` : '',
    m.comparable ? '' : '格式相关：2019 版与 2021 版表格含义不同，只在同一格式内比较',
    m.caveats ? `说明：${m.caveats}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

interface ViewSpec {
  id: string;
  zh: string;
  title: string;
  metrics: string[];
  ranked: string[];
}

/**
 * Column sets of a year page: fewer columns per view than one table of everything. The views are
 * those of data/reference/metric_tables.csv, their metrics and rank columns the views column of
 * data/reference/metrics.csv.
 */
const DICTIONARY = readMetricDictionary();
export const VIEWS: ViewSpec[] = DICTIONARY.tables
  .filter((t) => t.kind === 'view')
  .map((t) => ({ id: t.id, zh: t.tabZh, title: t.titleZh, ...placed(DICTIONARY, 'view', t.id) }));

interface ViewColumn {
  metric?: string;
  rank?: boolean;
  key?: string;
  numeric?: boolean;
  label: string;
  tip: string;
}

const CONTEXT_COLUMNS: ViewColumn[] = [
  { key: 'group', label: '比较组', tip: '名次在比较组内计算：同一上级地区的同级政府，或同一政府的部门（或 --groups 文件中的组）' },
  { key: 'level', label: '层级', tip: '单位层级：区、县、市级、部门、街道、乡镇……' },
  { key: 'province', label: '省份', tip: '单位所在省份（由单位名称中的行政区划得出）' },
  { key: 'format', label: '报告格式', tip: '报告表格的格式：f2019（2019 版）或 f2021（2021 版）；‡ 表示上一份报告是另一种格式' },
];

const QUALITY_COLUMNS: ViewColumn[] = [
  { key: 'status', label: '读取状态', tip: 'ok：每个单元格都已读出且确定；partial：有单元格存疑而留空' },
  { key: 'failed', numeric: true, label: '未通过的校验（项）', tip: '报告表格自身算术关系（V…）或正文与表格（P…）不一致的项数' },
  { key: 'flags', numeric: true, label: '存疑标记（个）', tip: '无法确定而留空的单元格数，原因见单位页' },
  { key: 'failedChecks', label: '未通过的校验项', tip: '规则与范围，详细算式见单位页' },
  { key: 'source', label: '来源', tip: '报告所在网页（xxgk fetch 下载时），否则为本地文件路径' },
];

/** Every view with its columns; metrics of the dictionary that no view names go to a last view. */
export function viewColumns(metrics: SiteMetric[]): { id: string; zh: string; title: string; columns: ViewColumn[] }[] {
  const byCode = new Map(metrics.map((m) => [m.code, m]));
  const named = new Set(VIEWS.flatMap((v) => v.metrics));
  const rest = metrics.filter((m) => !named.has(m.code)).map((m) => m.code);
  const specs = rest.length ? [...VIEWS, { id: 'other', zh: '其他', title: '其他指标', metrics: rest, ranked: [] }] : VIEWS;
  const out = specs.map((v) => {
    const columns: ViewColumn[] = [];
    for (const code of v.metrics) {
      const m = byCode.get(code);
      if (!m) continue;
      columns.push({ metric: code, label: metricLabel(m), tip: metricTip(m) });
      if (v.ranked.includes(code)) columns.push({ metric: code, rank: true, label: `${m.zh}名次`, tip: `${m.zh}在比较组内的名次（1 = 最高；2/5 表示 5 个单位中第 2）；少于规定件数的比率不排名` });
    }
    return { id: v.id, zh: v.zh, title: v.title, columns: [...columns, ...CONTEXT_COLUMNS] };
  });
  out.push({ id: 'data_quality', zh: '数据质量', title: '数据质量', columns: [...QUALITY_COLUMNS, ...CONTEXT_COLUMNS] });
  return out;
}

/** Same text as format.ts displayValue and the script's fmt: the plain table and the grid agree. */
export function fmtValue(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return '';
  if (unit === 'share') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'per_100' || unit === 'wan_yuan') return v.toFixed(2);
  return String(Math.round(v));
}

/** The marker of a value computed from a corrected cell: the same † as the CSV, XLSX and Markdown. */
const correctedMark = (corrected: boolean) => (corrected ? `<sup class="corrected" title="人工更正">${CORRECTED_MARK}</sup>` : '');

function metricCell(m: SiteMetric, v: number | null | undefined, small: boolean, base: number | null | undefined, smallN: number, corrected = false): string {
  if (v === null || v === undefined) return '<td class="n"></td>';
  return small
    ? `<td class="n"><span class="small-n" title="少于${smallN}件（基数 ${esc(base)}），不排名">${esc(fmtValue(v, m.unit))}<sup>◦</sup></span>${correctedMark(corrected)}</td>`
    : `<td class="n">${esc(fmtValue(v, m.unit))}${correctedMark(corrected)}</td>`;
}

function legendHtml(smallN: number): string {
  return `<section class="legend" aria-labelledby="legend-h"><h2 id="legend-h">阅读说明</h2><ul>
<li><strong>名次</strong>在比较组内计算，1 = 最高；“2/5”表示 5 个单位中的第 2 名。比较组：同一上级地区的同级政府，或同一政府的各部门。</li>
<li><span class="small-n">12.5%<sup>◦</sup></span> <strong>小样本</strong>：基数少于 ${smallN} 件的比率只列出、不排名（灰色，悬停可见基数）。</li>
<li><span class="fmt-change">f2021<sup>‡</sup></span> <strong>格式变化</strong>：该单位上一份报告使用另一种表格格式（2019 版 / 2021 版）；“格式相关”的指标与上年不可直接比较，同比留空。</li>
<li><span>97.3%<sup class="corrected">†</sup></span> <strong>人工更正</strong>：该数值由审核人员更正过的单元格算出（<code>xxgk correct</code>，见数据库的 corrections 表）。</li>
<li><strong>空白</strong>：报告中该格为空、无法确认（见数据质量）或不适用；空白不是 0。</li>
<li><strong>单位</strong>写在列标题中：件、%（占比）、件/百件申请、万元。把鼠标停在列标题上可看定义，完整定义见<a href="../dictionary.html">指标与字段说明</a>。</li>
</ul></section>`;
}

export interface YearPageInput {
  year: number;
  years: number[];
  groupLabel: string;
  smallN: number;
  metrics: SiteMetric[];
  rows: YearRow[];
  /** each metric's values per body over `trend.years` (years up to this one) */
  trend: { years: number[]; series: Record<string, Record<string, (number | null)[]>> };
  /** the province this page is of, when the year is split by province (see YEAR_PAGE_SPLIT) */
  province?: string;
}

export function yearPage(p: YearPageInput): string {
  const views = viewColumns(p.metrics);
  const byCode = new Map(p.metrics.map((m) => [m.code, m]));
  const groups = new Set(p.rows.map((r) => r.group_id));
  const bodies = new Set(p.rows.map((r) => r.body_id));
  const plain = views
    .map((v) => {
      const head = ['<th class="name" scope="col">单位</th>', ...v.columns.map((c) => `<th scope="col" title="${esc(c.tip)}">${esc(c.label)}</th>`)].join('');
      const body = p.rows
        .map((r) => {
          const cells = v.columns.map((c) => {
            if (c.metric) {
              const m = byCode.get(c.metric)!;
              if (c.rank) return `<td class="n">${r.r[m.code] === undefined || r.r[m.code] === null ? '' : `${r.r[m.code]}/${r.o[m.code]}`}</td>`;
              return metricCell(m, r.v[m.code], r.s[m.code] === true, r.b[m.code], p.smallN, r.c[m.code] === true);
            }
            if (c.key === 'format') return `<td>${r.format ? (r.formatChange ? `<span class="fmt-change" title="上一份报告为 ${esc(r.prevFormat)} 格式">${esc(r.format)}<sup>‡</sup></span>` : esc(r.format)) : ''}</td>`;
            if (c.key === 'source') return `<td class="src">${linkOrText(r.source)}</td>`;
            const v = (r as unknown as Record<string, unknown>)[c.key!];
            return `<td${c.numeric ? ' class="n"' : ''}>${esc(v ?? '')}</td>`;
          });
          return `<tr><td class="name"><a href="../bodies/${esc(r.body_id)}.html">${esc(r.body)}</a></td>${cells.join('')}</tr>`;
        })
        .join('\n');
      return `<h3 id="t-${v.id}">${esc(v.title)}</h3>\n<div class="scroll"><table class="plain" data-table="${v.id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
    })
    .join('\n');
  const downloads = [
    ...YEAR_DOWNLOADS(p.year).map((d) => `<a href="${esc(d.file)}" download>${esc(d.label)}</a>`),
    `<a href="../parquet/metrics.parquet" download>Parquet（全部年度）</a>`,
  ].join('');
  const select = (id: string, label: string, all: string) =>
    `<label>${label}<select id="${id}"><option value="">${all}</option></select></label>`;
  const heading = p.province === undefined ? `${p.year} 年政府信息公开工作年度报告比较` : `${p.year} 年政府信息公开工作年度报告比较 · ${esc(p.province)}`;
  const body = `<h1>${heading}</h1>
${p.province === undefined ? '' : `<p class="crumb"><a href="index.html">${p.year} 年各省份</a> › ${esc(p.province)}</p>\n`}<p class="lead">${bodies.size} 个单位，${groups.size} 个比较组。比较组：${esc(p.groupLabel)}。办理少于 ${p.smallN} 件的比率只列出，不排名。</p>
<p class="downloads">下载：${downloads}</p>
${legendHtml(p.smallN)}
<section id="explore" aria-label="比较表">
<h2>比较表</h2>
<div id="controls" class="controls" hidden>
<label class="search">搜索单位<input id="q" type="search" placeholder="单位名称、比较组或省份" autocomplete="off"></label>
${select('f-level', '层级', '全部层级')}${select('f-group', '比较组', '全部比较组')}${select('f-province', '省份', '全部省份')}
<span id="count" class="count" aria-live="polite"></span>
<div id="views" class="views" role="group" aria-label="列">${views.map((v, i) => `<button type="button" data-view="${v.id}" aria-pressed="${i === 0}">${esc(v.zh)}</button>`).join('')}</div>
</div>
<div id="grid"></div>
<div id="plain">
${plain}
</div>
</section>
<section id="charts" hidden>
<h2>图表</h2>
<p class="controls"><label>指标<select id="f-metric"></select></label> <span class="hint">图表只含上表筛选后的单位；悬停查看数值、基数和名次，点击图例可隐藏或显示一条线。</span></p>
<div id="bars"></div>
<p id="bars-note" class="note"></p>
<div id="trend" class="chart"></div>
</section>`;
  const data = {
    page: 'year',
    year: p.year,
    smallN: p.smallN,
    unitLabels: UNIT_LABELS,
    chartMetric: byCode.has('not_held_share') ? 'not_held_share' : p.metrics[0]?.code,
    metrics: p.metrics.map((m) => ({ code: m.code, zh: m.zh, unit: m.unit, rateBase: m.rateBase })),
    views: views.map((v) => ({ id: v.id, columns: v.columns })),
    rows: p.rows.map((r) => ({ key: `${r.group_id}|${r.body_id}`, ...r })),
    trend: p.trend,
  };
  return page({ title: p.province === undefined ? `${p.year} 年政府信息公开工作年度报告比较` : `${p.year} 年政府信息公开工作年度报告比较 · ${p.province}`, root: '../', years: p.years, current: p.year, body, data, scripts: ['tabulator', 'echarts'] });
}

export interface YearIndexInput {
  year: number;
  years: number[];
  groupLabel: string;
  smallN: number;
  /** each province's page of the year: its file beside index.html, its name, how many bodies and groups it shows */
  provinces: { file: string; name: string; bodies: number; groups: number }[];
}

/** A year too large for one page: the provinces, each linking to its own page of the same grid. */
export function yearIndexPage(p: YearIndexInput): string {
  const total = p.provinces.reduce((n, x) => n + x.bodies, 0);
  const rows = p.provinces
    .map((x) => `<tr><td class="name"><a href="${esc(x.file)}">${esc(x.name)}</a></td><td class="n">${x.bodies}</td><td class="n">${x.groups}</td></tr>`)
    .join('\n');
  const downloads = [
    ...YEAR_DOWNLOADS(p.year).map((d) => `<a href="${esc(d.file)}" download>${esc(d.label)}</a>`),
    `<a href="../parquet/metrics.parquet" download>Parquet（全部年度）</a>`,
  ].join('');
  const body = `<h1>${p.year} 年政府信息公开工作年度报告比较</h1>
<p class="lead">${total} 个单位，按省份分页（每页为该省份单位的比较表与图表；名次仍在整个比较组内计算）。比较组：${esc(p.groupLabel)}。办理少于 ${p.smallN} 件的比率只列出，不排名。</p>
<p class="downloads">下载（全国）：${downloads}</p>
<section id="provinces"><h2>省份</h2>
<div class="scroll"><table class="plain" data-table="provinces"><thead><tr><th class="name" scope="col">省份</th><th scope="col">单位</th><th scope="col">比较组</th></tr></thead><tbody>
${rows}
</tbody></table></div></section>`;
  return page({ title: `${p.year} 年政府信息公开工作年度报告比较`, root: '../', years: p.years, current: p.year, body });
}

/** `bodies`: the bodies that have a page (a link to any other is plain text). */
export function bodyPage(b: BodyInfo, reports: ReportInfo[], metrics: SiteMetric[], years: number[], bodies: { has(id: string): boolean }, smallN: number): string {
  const link = (id: string | null, name: string | null) => (id && bodies.has(id) ? `<a href="${esc(id)}.html">${esc(name)}</a>` : esc(name));
  const facts = [
    ['层级', b.level_zh],
    ['地区', b.region],
    ['省份', b.province],
    ['上级单位', b.parent_id ? link(b.parent_id, b.parent) : null],
    ['比较组', b.groups.map(esc).join('；') || null],
    ['名称的其他写法', b.aliases.map(esc).join('；') || null],
    ['下属单位', b.children.map((c) => link(c.body_id, c.name)).join('、') || null],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${k}</dt><dd>${k === '上级单位' || k === '比较组' || k === '名称的其他写法' || k === '下属单位' ? v : esc(v)}</dd>`)
    .join('');
  const yearHead = reports.map((r) => `<th scope="col" class="n">${years.includes(r.year) ? `<a href="../${r.year}/index.html">${r.year}</a>` : r.year}</th>`).join('');
  const fmtRow = `<tr><th scope="row" class="name">报告格式</th>${reports
    .map((r, i) => {
      const change = i > 0 && reports[i - 1]!.format && r.format && reports[i - 1]!.format !== r.format;
      return `<td class="n">${change ? `<span class="fmt-change" title="上一份报告为 ${esc(reports[i - 1]!.format)} 格式">${esc(r.format)}<sup>‡</sup></span>` : esc(r.format)}</td>`;
    })
    .join('')}</tr>`;
  const byCode = new Map(metrics.map((m) => [m.code, m]));
  const metricRow = (m: SiteMetric) => {
    const cells = reports.map((r) => {
      const x = r.metrics.get(m.code);
      if (!x || x.value === null) return '<td class="n"></td>';
      const rank = x.rank !== null ? ` <small class="rank" title="比较组内名次">${x.rank}/${x.of}</small>` : '';
      const v = esc(fmtValue(x.value, m.unit));
      return x.small
        ? `<td class="n"><span class="small-n" title="少于${smallN}件（基数 ${esc(x.base)}），不排名">${v}<sup>◦</sup></span>${correctedMark(x.corrected)}</td>`
        : `<td class="n">${v}${correctedMark(x.corrected)}${rank}</td>`;
    });
    return `<tr><th scope="row" class="name" title="${esc(metricTip(m))}"><a href="../dictionary.html#metric-${esc(m.code)}">${esc(metricLabel(m))}</a></th>${cells.join('')}</tr>`;
  };
  // the metrics in the year pages' views, each view under its own heading row
  const metricRows = viewColumns(metrics)
    .filter((v) => v.columns.some((c) => c.metric))
    .map((v) => {
      const codes = [...new Set(v.columns.filter((c) => c.metric && !c.rank).map((c) => c.metric!))];
      return `<tr class="sub"><th scope="rowgroup" class="name" colspan="1">${esc(v.title)}</th><td colspan="${reports.length}"></td></tr>\n${codes.map((c) => metricRow(byCode.get(c)!)).join('\n')}`;
    })
    .join('\n');
  const reportRows = reports
    .map(
      (r) => `<tr><td>${r.year}</td><td>${esc(r.format)}</td><td>${esc(r.status)}</td><td class="src">${esc(r.source_path)}</td><td class="src">${linkOrText(r.source_page_url ?? r.source_url)}</td><td class="n">${r.n_failed}</td><td class="n">${r.n_flags}</td><td class="n">${r.n_duplicates}</td></tr>`,
    )
    .join('\n');
  const checks = reports
    .filter((r) => r.failedChecks.length > 0)
    .map(
      (r) =>
        `<h3>${r.year} 年报告</h3><div class="scroll"><table class="plain"><thead><tr><th>规则</th><th>范围</th><th>算式</th></tr></thead><tbody>${r.failedChecks
          .map((c) => `<tr><td>${esc(c.rule)}</td><td>${esc(c.scope)}</td><td class="detail">${esc(c.detail)}</td></tr>`)
          .join('')}</tbody></table></div>`,
    )
    .join('\n');
  const flags = reports
    .filter((r) => r.flagList.length > 0)
    .map(
      (r) =>
        `<details><summary>${r.year} 年报告：${r.flagList.length} 个存疑单元格</summary><div class="scroll"><table class="plain"><thead><tr><th>单元格</th><th>原因</th><th>说明</th></tr></thead><tbody>${r.flagList
          .map((f) => `<tr><td>${esc(f.cell)}</td><td>${esc(f.reason)}</td><td class="detail">${esc(f.detail)}</td></tr>`)
          .join('')}</tbody></table></div></details>`,
    )
    .join('\n');
  const body = `<h1>${esc(b.name)}</h1>
<dl class="facts">${facts}</dl>
${
  reports.length === 0
    ? '<p>数据库中没有这个单位的报告（它作为其他单位的上级单位出现）。</p>'
    : `<section><h2>历年指标</h2>
<p class="note">每列一份年度报告；小字为比较组内名次。<span class="small-n">◦</span> 基数少于 ${smallN} 件，不排名；<span class="fmt-change">‡</span> 与上一份报告格式不同；† 由人工更正的单元格算出。悬停指标名称可看定义。</p>
<div class="scroll"><table class="plain body-metrics"><thead><tr><th scope="col" class="name">指标</th>${yearHead}</tr></thead><tbody>
${fmtRow}
${metricRows}
</tbody></table></div></section>
<section><h2>报告与来源</h2>
<div class="scroll"><table class="plain"><thead><tr><th>年度</th><th>格式</th><th>读取状态</th><th>来源文件</th><th>来源网址</th><th>未通过的校验</th><th>存疑标记</th><th>重复文件</th></tr></thead><tbody>
${reportRows}
</tbody></table></div></section>
${qualitySection(reports, link)}
<section><h2>未通过的校验</h2>
${checks || '<p>每份报告的校验都已通过（或无法评估）。</p>'}
</section>
<section><h2>存疑单元格</h2>
${flags || '<p>没有存疑的单元格。</p>'}
</section>`
}`;
  return page({ title: `${b.name} · 政府信息公开工作年度报告`, root: '../', years, body });
}

export interface IndexInput {
  years: number[];
  summaries: YearSummary[];
  rejected: number;
  groups: { name: string; members: { body_id: string; name: string }[] }[];
  bodies: { body_id: string; body: string; level: string; province: string | null; group: string; aliases: string; years: number[] }[];
  metrics: SiteMetric[];
}

export function indexPage(p: IndexInput): string {
  const summary = new Map(p.summaries.map((s) => [s.year, s]));
  const yearRows = p.years
    .map((y) => {
      const s = summary.get(y);
      const dl = YEAR_DOWNLOADS(y)
        .map((d) => `<a href="${y}/${esc(d.file)}" download>${esc(d.label)}</a>`)
        .join('');
      return `<tr><td><a href="${y}/index.html">${y} 年比较</a></td><td class="n">${s?.reports ?? 0}</td><td><span class="downloads">${dl}</span></td></tr>`;
    })
    .join('\n');
  const qualityRows = p.summaries
    .map(
      (s) =>
        `<tr><td>${s.year}</td><td class="n">${s.reports}</td><td class="n">${s.ok}</td><td class="n">${s.partial}</td><td class="n">${s.withFailedChecks}</td><td class="n">${s.flags}</td><td class="n">${s.duplicates}</td></tr>`,
    )
    .join('\n');
  const MAX_MEMBERS = 30;
  const groupRows = p.groups
    .map((g) => {
      const shown = g.members.slice(0, MAX_MEMBERS).map((m) => `<a href="bodies/${esc(m.body_id)}.html">${esc(m.name)}</a>`);
      return `<tr><td class="name">${esc(g.name)}</td><td class="n">${g.members.length}</td><td class="members">${shown.join('、')}${g.members.length > MAX_MEMBERS ? ` 等 ${g.members.length} 个` : ''}</td></tr>`;
    })
    .join('\n');
  const bodyRows = p.bodies
    .map(
      (b) =>
        `<tr><td class="name"><a href="bodies/${esc(b.body_id)}.html">${esc(b.body)}</a></td><td>${esc(b.level)}</td><td>${esc(b.province)}</td><td>${esc(b.group)}</td><td>${b.years.map((y) => `<a href="${y}/index.html">${y}</a>`).join(' ')}</td></tr>`,
    )
    .join('\n');
  const metricRows = p.metrics
    .map((m) => `<tr><td class="name"><a href="dictionary.html#metric-${esc(m.code)}">${esc(m.zh)}</a></td><td><code>${esc(m.code)}</code></td><td>${esc(UNIT_LABELS[m.unit] ?? m.unit)}</td><td>${esc(m.formula)}</td></tr>`)
    .join('\n');
  const total = p.summaries.reduce((n, s) => n + s.reports, 0);
  const body = `<h1>政府信息公开工作年度报告比较</h1>
<p class="lead">${p.years.length} 个年度、${p.bodies.length} 个单位的 ${total} 份年度报告，每个数字都从报告原文读出，并按报告表格自身的算术关系校验。名次只在比较组内计算。</p>
<nav class="toc" aria-label="本页"><a href="#years">年度</a><a href="#quality">数据质量</a><a href="#downloads">下载</a><a href="#groups">比较组</a><a href="#bodies">单位</a><a href="#metrics">指标</a></nav>
<section id="years"><h2>年度</h2>
<div class="scroll"><table class="plain"><thead><tr><th>年度页面</th><th>报告</th><th>下载</th></tr></thead><tbody>
${yearRows}
</tbody></table></div></section>
<section id="quality"><h2>数据质量概况</h2>
<p class="note">ok：每个单元格都已读出且确定；部分存疑：有单元格无法确定而留空（不会猜测数字）；未通过的校验：表格自身的算术关系或正文与表格不一致。${p.rejected > 0 ? `另有 ${p.rejected} 个文件未能作为报告读取（空文件、非报告页面等），<code>xxgk status</code> 列出原因。` : ''}</p>
<div class="scroll"><table class="plain"><thead><tr><th>年度</th><th>报告</th><th>全部读出（ok）</th><th>部分存疑（partial）</th><th>有未通过校验的报告</th><th>存疑单元格</th><th>重复文件</th></tr></thead><tbody>
${qualityRows}
</tbody></table></div></section>
<section id="downloads"><h2>下载</h2>
<p>每个年度的 CSV（UTF-8，Excel 可直接打开）、Excel 工作簿和 Markdown 见上表。全部年度的长表（Parquet，适合 DuckDB、pandas、R）：${PARQUET.map((n) => `<a href="parquet/${n}.parquet" download>${n}.parquet</a>`).join('、')}。
<p>同样的数据按年度和省份分区（Hive 分区的 Parquet 数据湖，默认在 <code>lake/</code> 文件夹，<code>xxgk publish --lake DIR</code> 可另指定），供 DuckDB、Spark、Trino 等按需读取：<code>read_parquet('lake/t3_cells/*/*/*.parquet', hive_partitioning = true)</code>。</p>
</section>
<section id="groups"><h2>比较组</h2>
<div class="scroll"><table class="plain"><thead><tr><th class="name">比较组</th><th>单位数</th><th>成员</th></tr></thead><tbody>
${groupRows}
</tbody></table></div></section>
<section id="bodies"><h2>单位</h2>
<div id="bodies-controls" class="controls" hidden><label class="search">搜索单位<input id="bq" type="search" placeholder="单位名称、比较组或省份" autocomplete="off"></label></div>
<div id="bodies-grid"></div>
<div id="bodies-plain" class="scroll"><table class="plain" data-table="bodies"><thead><tr><th class="name">单位</th><th>层级</th><th>省份</th><th>比较组</th><th>报告年度</th></tr></thead><tbody>
${bodyRows}
</tbody></table></div></section>
<section id="metrics"><h2>指标</h2>
<p>完整定义（公式、比率基数、2019 版与 2021 版格式的差别）和数据库每张表、每个字段的说明见<a href="dictionary.html">指标与字段说明</a>。</p>
<div class="scroll"><table class="plain"><thead><tr><th class="name">指标</th><th>代码</th><th>单位</th><th>计算</th></tr></thead><tbody>
${metricRows}
</tbody></table></div></section>`;
  return page({ title: '政府信息公开工作年度报告比较', root: '', years: p.years, current: 'index', body, data: { page: 'index', bodies: p.bodies }, scripts: ['tabulator'] });
}

export function dictionaryPage(d: Dictionary, years: number[]): string {
  const metricRows = d.metrics
    .map(
      (m) =>
        `<tr id="metric-${esc(m.code)}"><td class="name">${esc(m.zh)}</td><td><code>${esc(m.code)}</code></td><td class="detail">${esc(m.en)}</td><td class="detail">${esc(m.formula)}</td><td>${esc(UNIT_LABELS[m.unit] ?? m.unit)}</td><td>${m.comparable ? '是' : '否（格式相关）'}</td><td>${esc(m.rateBase)}</td><td class="detail">${esc(m.caveats)}</td></tr>`,
    )
    .join('\n');
  const views = viewColumns(d.metrics)
    .map(
      (v) =>
        `<h3>${esc(v.title)}</h3><ul class="cols">${v.columns
          .filter((c) => !c.metric || c.rank)
          .map((c) => `<li><strong>${esc(c.label)}</strong>：${esc(c.tip)}</li>`)
          .join('')}</ul>`,
    )
    .join('\n');
  const models = d.models
    .map(
      (m) =>
        `<section class="model" id="model-${esc(m.name)}"><h3><code>${esc(m.name)}</code> <small>${m.kind === 'VIEW' ? '视图' : '表'}</small></h3>
<p>${esc(m.description ?? '（无说明）')}</p>
<div class="scroll"><table class="plain"><thead><tr><th class="name">字段</th><th>说明</th></tr></thead><tbody>${m.columns
          .map((c) => `<tr><td class="name"><code>${esc(c.name)}</code></td><td class="detail">${esc(c.description ?? '')}</td></tr>`)
          .join('')}</tbody></table></div></section>`,
    )
    .join('\n');
  const body = `<h1>指标与字段说明</h1>
<p class="lead">指标的定义来自 <code>data/reference/metrics.csv</code>（数据库中的 <code>metrics</code> 表）；表和字段的说明来自 <code>sql/**/_docs.csv</code>，与写入数据库的 <code>COMMENT</code> 同源（<code>SELECT table_name, column_name, comment FROM duckdb_columns()</code>）。</p>
<section id="metrics"><h2>指标</h2>
<div class="scroll"><table class="plain"><thead><tr><th class="name">指标</th><th>代码</th><th>English</th><th>计算</th><th>单位</th><th>2019 版与 2021 版可比</th><th>比率基数</th><th>说明</th></tr></thead><tbody>
${metricRows}
</tbody></table></div></section>
<section id="columns"><h2>年度比较表中的其他列</h2>
${views}
</section>
<section id="models"><h2>数据库表与字段</h2>
<p class="toc">${d.models.map((m) => `<a href="#model-${esc(m.name)}"><code>${esc(m.name)}</code></a>`).join(' ')}</p>
${models}
</section>`;
  return page({ title: '指标与字段说明 · 政府信息公开工作年度报告比较', root: '', years, current: 'dictionary', body });
}
