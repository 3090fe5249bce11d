-- The bottom-k estimate of the Jaccard similarity of two sets from their sketches a and b, given
-- u = the 256 smallest hashes of their union (sorted, sketch_union): the share of u found in both
-- (the shared hashes up to u's last); NULL when both are empty.
CREATE OR REPLACE MACRO sketch_jaccard(a, b, u) AS
  CASE WHEN len(u) > 0 THEN len(list_filter(list_intersect(a, b), h -> h <= u[len(u)])) / len(u) END;
