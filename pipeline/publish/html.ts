// HTML building blocks of the published site: escaping, the JSON a page carries for its script,
// and the page shell (Chinese, viewport meta, the shared assets, the top navigation). Every text
// that comes from a report, a file name or a group name goes through `esc`.

/** Text or attribute value: the five characters that could end a text node or an attribute. */
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * JSON inside <script type="application/json">: `<`, `>` and `&` as \u escapes, so no value can
 * close the script element or open a comment; U+2028/2029 too, for old JavaScript parsers.
 */
export function jsonScript(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${esc(id)}">${json}</script>`;
}

/** A link when the text is an http(s) URL (a fetched report's page), else the text. */
export const linkOrText = (v: string | null | undefined) =>
  !v ? '' : /^https?:\/\/\S+$/u.test(v) ? `<a href="${esc(v)}">${esc(v)}</a>` : esc(v);

export interface Shell {
  title: string;
  /** relative path from the page to reports/ ('' or '../') */
  root: string;
  /** navigation: years linked from every page */
  years: number[];
  current?: number | 'index' | 'dictionary';
  body: string;
  /** data for the page's script, and which scripts it needs */
  data?: unknown;
  scripts?: ('tabulator' | 'echarts')[];
}

export const ASSETS = { tabulator: 'tabulator.min.js', tabulatorCss: 'tabulator_simple.min.css', echarts: 'echarts.common.min.js', site: 'site.js', css: 'site.css' };

export function page(s: Shell): string {
  const a = `${s.root}assets/`;
  const nav = [
    s.current === 'index' ? '<strong>首页</strong>' : `<a href="${s.root}index.html">首页</a>`,
    ...s.years.map((y) => (s.current === y ? `<strong>${y}</strong>` : `<a href="${s.root}${y}/index.html">${y}</a>`)),
    s.current === 'dictionary' ? '<strong>指标与字段说明</strong>' : `<a href="${s.root}dictionary.html">指标与字段说明</a>`,
  ].join('');
  const scripts = s.scripts ?? [];
  const css = scripts.includes('tabulator') ? `<link rel="stylesheet" href="${a}${ASSETS.tabulatorCss}">\n` : '';
  const js =
    s.data === undefined
      ? ''
      : `${jsonScript('xxgk-data', s.data)}\n${scripts.map((k) => `<script src="${a}${ASSETS[k]}"></script>`).join('\n')}\n<script src="${a}${ASSETS.site}"></script>\n`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.title)}</title>
${css}<link rel="stylesheet" href="${a}${ASSETS.css}">
</head>
<body>
<header class="top"><nav aria-label="站点">${nav}</nav></header>
<main>
${s.body}
</main>
<footer><p>由 xxgk 从各单位的政府信息公开工作年度报告中读取、校验并生成；每个数字都可追溯到来源文件。表格与图表离线可用，不请求任何网络资源。</p></footer>
${js}</body></html>
`;
}
