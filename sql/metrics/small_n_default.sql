-- The small-number threshold when none is set: rates over fewer cases than this are kept with their
-- base but marked small_n and never ranked. Written only here: the default of xxgk publish
-- --min-requests is read from this file (smallNDefault in pipeline/db/sqlfiles.ts).
CREATE OR REPLACE MACRO small_n_default() AS 10;
