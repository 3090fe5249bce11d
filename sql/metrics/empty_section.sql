-- Section 五 / 六 empty or only 无 (暂无, 没有, 无其他需要报告的事项 …), punctuation and spaces aside.
CREATE OR REPLACE MACRO empty_section(t) AS
  length(regexp_replace(regexp_replace(coalesce(t, ''), '[\s。.,，:：、（）()]', '', 'g'), '^(无|暂无|没有|本年度无|无其他需要报告的事项|无需要报告的事项|无其他事项)$', '')) = 0;
