// The readable (non --json) summary of one extraction.
import type { ExtractResult } from './result.ts';

export function summarize(r: ExtractResult): string {
  if (r.status === 'rejected') return `${r.file}: REJECTED: ${r.error}`;
  const t3 = r.t3;
  const v = (x: number | null | undefined) => (x === null || x === undefined ? '–' : String(x));
  const lines = [
    `${r.file}: ${r.status}`,
    `  issuer ${r.issuer ?? '?'} · year ${r.year ?? '?'} · level ${r.level ?? '?'} · format ${r.format ?? '?'}`,
    `  new ${v(t3.new_received?.total?.value)} · carried over ${v(t3.carried_over?.total?.value)} · handled ${v(t3.total_handled?.total?.value)} · carried forward ${v(t3.carried_forward?.total?.value)} · not held ${v(t3.unable_not_held?.total?.value)}`,
    `  review ${v(r.t4.review?.total?.value)} · litigation ${v(r.t4.lit_direct?.total?.value)} direct + ${v(r.t4.lit_after_review?.total?.value)} after review`,
  ];
  const failed = r.checks.filter((c) => c.status === 'fail');
  const pass = r.checks.filter((c) => c.status === 'pass').length;
  lines.push(`  checks: ${pass} pass, ${failed.length} fail, ${r.checks.length - pass - failed.length} not assessable`);
  for (const c of failed) lines.push(`    FAIL ${c.rule} ${c.scope}: ${c.detail}`);
  for (const f of r.flags) lines.push(`    FLAG ${f.cell} ${f.reason}: ${f.detail}${f.candidates ? ` [${f.candidates.join(', ')}]` : ''}`);
  return lines.join('\n');
}
