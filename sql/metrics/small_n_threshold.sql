-- The small-number threshold in force: getvariable('small_n') (xxgk publish --min-requests, or
-- SET VARIABLE small_n = N), else small_n_default().
CREATE OR REPLACE MACRO small_n_threshold() AS coalesce(getvariable('small_n'), small_n_default());
