-- A number as written: 58, not 58.0; 12.5 stays 12.5.
CREATE OR REPLACE MACRO num_text(v) AS CASE WHEN v = trunc(v) THEN CAST(CAST(v AS HUGEINT) AS VARCHAR) ELSE CAST(v AS VARCHAR) END;
