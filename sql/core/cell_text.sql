-- How a cell is shown to a reviewer: its number, or blank, /, -, 无, unreadable; '' when not read.
CREATE OR REPLACE MACRO cell_text(v, kind) AS
  CASE WHEN kind IS NULL THEN ''
       WHEN kind = 'number' THEN coalesce(num_text(v), 'unreadable')
       ELSE coalesce(map {'blank': 'blank', 'slash': '/', 'dash': '-', 'none_word': '无', 'unreadable': 'unreadable'}[kind], kind) END;
