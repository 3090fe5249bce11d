// Links on a fetched page: attachments of a report page (.pdf .doc .docx .wps .xls …), links whose
// text looks like an annual report (年度报告, 年报) and the pagination of a 年报 column (下一页, page
// numbers, and the createPageHTML(…) script of the TRS CMS that most government sites run, which
// writes its page links only in JavaScript).
import { Parser } from 'htmlparser2';
import { decodeBytes } from '../extract/readers/decode.ts';

export const ATTACHMENT_EXT = /\.(?:pdf|docx?|wps|xlsx?|et)$/iu;
const REPORT_TEXT = /年度报告|年报/u;
const NEXT_TEXT = /^(?:下一页|下页|后一页|next|›|»|>|>>)$/iu;
const NOT_PAGE = /^(?:javascript|mailto|tel|data|about):/iu;

export interface Link {
  url: string;
  text: string;
}

export interface PageLinks {
  attachments: Link[];
  reports: Link[];
  pages: Link[];
}

/** The page's text and the charset it was read with: the HTTP header's charset, else the page's own (meta, UTF-8, detection). */
export function decodePage(body: Buffer, headerCharset: string | null): { text: string; charset: string } {
  if (headerCharset) {
    const cs = headerCharset.toLowerCase();
    const label = /^(?:gb2312|gbk|x-gbk)$/u.test(cs) ? 'gb18030' : cs;
    try {
      return { text: new TextDecoder(label).decode(body), charset: cs };
    } catch {
      /* an unknown label: read it as the page says */
    }
  }
  const d = decodeBytes(body, true);
  return { text: d.text, charset: d.encoding };
}

/** Every <a href> (and embedded document) of a page with its visible text (or title), resolved against the page's URL and <base>. */
export function rawLinks(html: string, pageUrl: string): Link[] {
  let base = pageUrl;
  const out: { href: string; text: string }[] = [];
  let open: { href: string; text: string; title: string } | null = null;
  const p = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) {
          try {
            base = new URL(attrs.href, pageUrl).href;
          } catch {
            /* ignore a bad base */
          }
        } else if (name === 'a' && attrs.href !== undefined) {
          open = { href: attrs.href, text: '', title: attrs.title ?? '' };
        } else if ((name === 'iframe' || name === 'embed') && attrs.src) out.push({ href: attrs.src, text: '' });
        else if (name === 'object' && attrs.data) out.push({ href: attrs.data, text: '' });
      },
      ontext(t) {
        if (open) open.text += t;
      },
      onclosetag(name) {
        if (name === 'a' && open) {
          out.push({ href: open.href, text: open.text.replace(/\s+/gu, ' ').trim() || open.title.trim() });
          open = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  p.write(html);
  p.end();
  const links: Link[] = [];
  for (const l of out) {
    const href = l.href.trim();
    if (!href || href.startsWith('#') || NOT_PAGE.test(href)) continue;
    try {
      const u = new URL(href, base);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      u.hash = '';
      links.push({ url: u.href, text: l.text });
    } catch {
      /* not a URL */
    }
  }
  return links;
}

/** The TRS CMS pager: createPageHTML(total, current, "index", "html") writes index.html, index_1.html … index_{total-1}.html. */
function trsPages(html: string, pageUrl: string): Link[] {
  const out: Link[] = [];
  for (const m of html.matchAll(/createPageHTML\s*\(([^)]*)\)/gu)) {
    const args = m[1]!.split(',').map((a) => a.trim().replace(/^["']|["']$/gu, ''));
    const nums = args.filter((a) => /^\d+$/u.test(a)).map(Number);
    const strs = args.filter((a) => !/^\d+$/u.test(a) && /^[\w-]+$/u.test(a));
    const total = nums[0];
    if (total === undefined || total < 2 || total > 1000) continue;
    // createPageHTML('page_div', 5, 1, 'index', 'html'): the element id comes first in some versions
    const [prefix, ext] = strs.length >= 3 ? [strs[1]!, strs[2]!] : [strs[0] ?? 'index', strs[1] ?? 'html'];
    for (let i = 0; i < total; i++) out.push({ url: new URL(i === 0 ? `${prefix}.${ext}` : `${prefix}_${i}.${ext}`, pageUrl).href, text: String(i + 1) });
  }
  return out;
}

const looksLikePage = (u: URL, page: URL) =>
  /(?:^|[_-])\d+\.s?html?$/iu.test(u.pathname) || /[?&](?:page|pageno|pagenum|curpage|pageindex|p)=\d+/iu.test(u.search) || u.pathname === page.pathname;

/** Sorts a page's links into attachments, report links and pagination. */
export function classifyLinks(html: string, pageUrl: string): PageLinks {
  const page = new URL(pageUrl);
  const attachments: Link[] = [];
  const reports: Link[] = [];
  const pages: Link[] = [];
  const seen = new Set<string>([page.href]);
  const add = (list: Link[], l: Link) => {
    if (seen.has(l.url)) return;
    seen.add(l.url);
    list.push(l);
  };
  for (const l of rawLinks(html, pageUrl)) {
    const u = new URL(l.url);
    let pathname = u.pathname;
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      /* as is */
    }
    if (ATTACHMENT_EXT.test(pathname) || ATTACHMENT_EXT.test(l.text)) add(attachments, l);
    else if (REPORT_TEXT.test(l.text)) add(reports, l);
    else if (NEXT_TEXT.test(l.text) || (/^\d{1,4}$/u.test(l.text) && looksLikePage(u, page))) add(pages, l);
  }
  for (const l of trsPages(html, pageUrl)) add(pages, l);
  return { attachments, reports, pages };
}

/** Whether `u` is on the index's site: the same host (www. ignored) or, for a host of three labels or more, one of its subdomains. */
export function sameSite(u: URL, site: URL): boolean {
  const strip = (h: string) => h.toLowerCase().replace(/^www\./u, '');
  const a = strip(u.hostname);
  const b = strip(site.hostname);
  return a === b || (b.split('.').length >= 3 && a.endsWith('.' + b));
}
