-- The 256 smallest hashes of the union of two sketches (sorted; a NULL sketch is empty): the u of
-- sketch_jaccard.
CREATE OR REPLACE MACRO sketch_union(a, b) AS list_sort(list_distinct(list_concat(coalesce(a, []), coalesce(b, []))))[1:256];
