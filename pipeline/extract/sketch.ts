// A bottom-k sketch of a section's text for the copied-text measure (sql/metrics/09_report_quality.sql):
// the k (256) smallest distinct hashes of its character 5-grams, after folding digits to '#' and removing
// white space, so that a paragraph copied with this year's numbers still matches. Two sketches
// estimate the Jaccard similarity of the full 5-gram sets (exactly, when a set has at most k
// grams); computed once per report at extraction, so that the load compares lists of k numbers
// instead of building every report's 5-gram set.
export const SKETCH_K = 256;

/** The same fold as fold_text() in SQL: digit runs to '#', no white space. */
export function foldText(text: string): string {
  return text.replace(/[0-9]+/gu, '#').replace(/\s+/gu, '');
}

/** FNV-1a over the UTF-16 code units of `s` from `i` to `i + n`, as an unsigned 32-bit number. */
function fnv(s: string, i: number, n: number): number {
  let h = 0x811c9dc5;
  for (let j = i; j < i + n; j++) {
    h ^= s.charCodeAt(j);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3's finaliser: FNV alone leaves its low values clustered, and a bottom-k sketch keeps
  // exactly the low values
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function sketch(text: string | null, k = SKETCH_K): number[] {
  if (text === null) return [];
  const f = foldText(text);
  if (f.length < 5) return [];
  const grams = new Set<number>();
  for (let i = 0; i + 5 <= f.length; i++) grams.add(fnv(f, i, 5));
  return [...grams].sort((a, b) => a - b).slice(0, k);
}
