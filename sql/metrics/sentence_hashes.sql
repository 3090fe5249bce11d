-- A section's distinct sentences as 64-bit hashes: the text folded as fold_text() but keeping its
-- line breaks (RE2's \s is [\t\n\f\r ]), split at 。！？；and line breaks, at least 8 characters
-- (the same sentences as splitting first and folding each, in one pass over the text).
CREATE OR REPLACE MACRO sentence_hashes(t) AS
  list_distinct(list_transform(list_filter(
    regexp_split_to_array(regexp_replace(regexp_replace(coalesce(t, ''), '[0-9]+', '#', 'g'), '[\t\f\r ]+', '', 'g'), '[。！？!?；;\n]+'),
    s -> length(s) >= 8), s -> hash(s)));
