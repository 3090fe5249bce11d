-- When each report was published against its deadline: 31 January of the next year (《条例》第五十条).
-- The date is the one the file carries (a printed 发布时间 / 发布日期, or the crawl header that
-- prints the page's), else for an attachment (PDF, Word) the server's Last-Modified when xxgk
-- fetch saved it, else a PDF's CreationDate (the PDF was made then: publication came no earlier).
-- No date: timeliness unknown and days_late NULL, never 0.
CREATE OR REPLACE TABLE report_timeliness AS
WITH d AS (
  SELECT r.report_id, r.year, make_date(r.year + 1, 1, 31) AS deadline,
         CASE WHEN e.published_source LIKE 'text:%' THEN e.published_on
              WHEN doc.file_type IN ('pdf', 'docx', 'doc') AND doc.source_last_modified IS NOT NULL THEN CAST(doc.source_last_modified AS DATE)
              ELSE e.published_on END AS published_on,
         CASE WHEN e.published_source LIKE 'text:%' THEN e.published_source
              WHEN doc.file_type IN ('pdf', 'docx', 'doc') AND doc.source_last_modified IS NOT NULL THEN 'http: Last-Modified'
              ELSE e.published_source END AS date_source,
         CASE WHEN e.published_source LIKE 'text:%' THEN e.published_text
              WHEN doc.file_type IN ('pdf', 'docx', 'doc') AND doc.source_last_modified IS NOT NULL THEN CAST(doc.source_last_modified AS VARCHAR)
              ELSE e.published_text END AS date_text
  FROM reports r
  JOIN extractions e USING (document_id)
  JOIN documents doc USING (document_id)
)
SELECT report_id, year, deadline, published_on, date_source, date_text,
       CASE WHEN published_on IS NULL THEN 'unknown'
            -- a report cannot be out before its year is over: a wrong or unrelated date
            WHEN published_on < make_date(year + 1, 1, 1) THEN 'implausible'
            WHEN published_on <= deadline THEN 'on_time'
            ELSE 'late' END AS timeliness,
       CASE WHEN published_on >= make_date(year + 1, 1, 1) THEN greatest(0, datediff('day', deadline, published_on)) END AS days_late
FROM d;
