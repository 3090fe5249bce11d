// A bottom-k sketch of a section's text for the copied-text measure (sql/metrics/report_quality_pairs.sql, report_quality_kin.sql):
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

const BASE = 0x01000193;
const BASE4 = Math.imul(Math.imul(BASE, BASE), Math.imul(BASE, BASE));

/** murmur3's finaliser: spreads a rolling hash's values evenly, and a bottom-k sketch keeps the low ones. */
function mix(h: number): number {
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
  const n = f.length - 4;
  if (n < 1) return [];
  // a typed array sorts numerically in native code: several times faster than a Set and a
  // comparator sort, which made the sketch a third of the extraction time
  const hashes = new Uint32Array(n);
  // a polynomial rolling hash of each 5-gram (one step per character), then mixed
  let h = 0;
  for (let i = 0; i < 5; i++) h = (Math.imul(h, BASE) + f.charCodeAt(i)) | 0;
  hashes[0] = mix(h);
  for (let i = 1; i < n; i++) {
    h = (Math.imul(h - Math.imul(f.charCodeAt(i - 1), BASE4), BASE) + f.charCodeAt(i + 4)) | 0;
    hashes[i] = mix(h);
  }
  // The hashes are spread evenly, so the k smallest are almost surely below a bound that keeps
  // about 2k of them: only those are sorted. Fewer than k distinct ones below it (repeated grams)
  // and the whole array is sorted, so the sketch is the same either way.
  if (n > 3 * k) {
    const bound = Math.floor((0x100000000 / n) * 2 * k);
    const low = hashes.filter((h) => h < bound).sort();
    const out = smallestDistinct(low, k);
    if (out.length === k) return out;
  }
  return smallestDistinct(hashes.sort(), k);
}

function smallestDistinct(sorted: Uint32Array, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < sorted.length && out.length < k; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}
