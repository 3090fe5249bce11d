// Markdown tables for pasting into articles, aligned for CJK (wide characters count double: width.ts).
import { markdownTable } from 'markdown-table';
import type { Published } from './data.ts';
import { CORRECTED_MARK, CORRECTED_NOTE, displayValue, isCorrected, markdownCell } from './format.ts';
import { textWidth } from './width.ts';

export function toMarkdown(year: number, tables: Published[], groupLabel: string): string {
  const parts = [`# ${year} 年政府信息公开工作年度报告比较 (${year} comparison)`, '', `比较组 (peer groups): ${markdownCell(groupLabel)}`, ''];
  for (const t of tables) {
    parts.push(`## ${t.zh} (${t.en})`, '');
    if (t.rows.length === 0) {
      parts.push('(无数据 / no data)', '');
      continue;
    }
    const rows = t.rows.map((r) => t.columns.map((c) => markdownCell(displayValue(r[c.key], c.kind) + (isCorrected(r, c.key) ? CORRECTED_MARK : ''), c.kind === 'text')));
    const align = t.columns.map((c) => (c.kind === 'text' ? 'l' : 'r'));
    parts.push(markdownTable([t.columns.map((c) => c.zh), ...rows], { align, stringLength: textWidth }), '');
    if (t.rows.some((r) => t.columns.some((c) => isCorrected(r, c.key)))) parts.push(markdownCell(CORRECTED_NOTE), '');
  }
  return parts.join('\n');
}
