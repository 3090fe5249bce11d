// JSON or JavaScript files that carry an HTML report as a string value.
import type { ReadDocument } from '../blocks.ts';
import { RejectError } from './decode.ts';
import { readHtml } from './html.ts';
import { readText } from './text.ts';

function longestString(v: unknown): string {
  if (typeof v === 'string') return v;
  let best = '';
  if (v && typeof v === 'object') {
    for (const x of Object.values(v as Record<string, unknown>)) {
      const s = longestString(x);
      if (s.length > best.length) best = s;
    }
  }
  return best;
}

/** Unescape the longest quoted string literal; crawled files often hold raw tabs that JSON forbids. */
function lenientString(src: string): string {
  let best = '';
  const re = /"((?:[^"\\]|\\[\s\S])*)"|'((?:[^'\\]|\\[\s\S])*)'/gu;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const body = m[1] ?? m[2] ?? '';
    if (body.length > best.length) best = body;
  }
  return best.replace(/\\(u[0-9a-fA-F]{4}|.)/gsu, (_, e: string) => {
    if (e.startsWith('u') && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', b: '', f: '' } as Record<string, string>)[e] ?? e;
  });
}

export function readJson(src: string): ReadDocument {
  let body: string;
  try {
    body = longestString(JSON.parse(src));
  } catch {
    body = lenientString(src);
  }
  if (body.trim() === '') throw new RejectError('JSON/JS file holds no report text (no string value found)');
  const doc = /<(?:p|table|div|br|td|span)[\s>/]/iu.test(body) ? readHtml(body, 'HTML string') : readText(body);
  return { ...doc, kind: 'json' };
}
