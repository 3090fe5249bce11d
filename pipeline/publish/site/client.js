// The published site's own script (copied to reports/assets/site.js). It turns the plain tables
// into one sortable, searchable, filterable Tabulator grid and draws the ECharts charts, from the
// JSON that the page carries. Everything is built from text nodes (never innerHTML of data), and
// nothing is fetched: the page works from file:// with no network. Without JavaScript the plain
// tables stay as they are.
(function () {
  'use strict';
  var dataEl = document.getElementById('xxgk-data');
  if (!dataEl) return;
  var D = JSON.parse(dataEl.textContent);

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  // the same text as the server writes into the plain tables (format.ts displayValue)
  function fmt(v, unit) {
    if (v === null || v === undefined) return '';
    if (unit === 'share') return (v * 100).toFixed(1) + '%';
    if (unit === 'per_100' || unit === 'wan_yuan') return v.toFixed(2);
    return String(Math.round(v));
  }
  function norm(s) {
    return String(s || '').normalize('NFKC').toLowerCase();
  }
  function tipEl(text) {
    return function () {
      return el('div', { class: 'tip' }, text);
    };
  }

  if (D.page === 'year') yearPage(D);
  if (D.page === 'index') indexPage(D);

  function nameColumn(D, linkPrefix) {
    // as wide as the longest name, up to a cap: a third of a phone screen is too little, all of it too much
    var cap = window.innerWidth < 700 ? Math.round(window.innerWidth * 0.5) : 380;
    return {
      title: '单位',
      field: 'body',
      frozen: true,
      maxWidth: cap,
      minWidth: 80,
      headerTooltip: tipEl('单位名称（点击查看该单位历年数据和报告来源）'),
      sorter: 'string',
      formatter: function (cell) {
        var d = cell.getRow().getData();
        var a = el('a', { href: linkPrefix + d.body_id + '.html', title: d.body }, d.body);
        return a;
      },
    };
  }

  function yearPage(D) {
    if (!window.Tabulator) return;
    var metrics = {};
    D.metrics.forEach(function (m) {
      metrics[m.code] = m;
    });
    var columns = [nameColumn(D, '../bodies/')];
    var viewOf = {}; // column field -> view id
    D.views.forEach(function (v) {
      v.columns.forEach(function (c) {
        var def;
        if (c.metric) {
          var m = metrics[c.metric];
          if (c.rank) {
            def = {
              title: escapeHtml(c.label),
              field: 'r.' + m.code,
              hozAlign: 'right',
              sorter: 'number',
              sorterParams: { alignEmptyValues: 'bottom' },
              headerTooltip: tipEl(c.tip),
              formatter: function (cell) {
                var d = cell.getRow().getData();
                var r = d.r[m.code];
                return r === undefined || r === null ? '' : el('span', null, r + '/' + d.o[m.code]);
              },
            };
          } else {
            def = {
              title: escapeHtml(c.label),
              field: 'v.' + m.code,
              hozAlign: 'right',
              sorter: 'number',
              sorterParams: { alignEmptyValues: 'bottom' },
              headerSortStartingDir: 'desc',
              headerTooltip: tipEl(c.tip),
              formatter: function (cell) {
                var d = cell.getRow().getData();
                var v = d.v[m.code];
                if (v === undefined || v === null) return '';
                var small = d.s[m.code] === true;
                var span = el('span', small ? { class: 'small-n', title: '少于' + D.smallN + '件（基数 ' + d.b[m.code] + '），不排名' } : null, fmt(v, m.unit));
                if (small) span.appendChild(el('sup', null, '◦'));
                if (d.c && d.c[m.code] === true) span.appendChild(el('sup', { class: 'corrected', title: '人工更正' }, '†'));
                return span;
              },
            };
          }
        } else {
          def = {
            title: escapeHtml(c.label),
            field: c.key,
            hozAlign: c.numeric ? 'right' : 'left',
            sorter: c.numeric ? 'number' : 'string',
            headerTooltip: tipEl(c.tip),
            formatter: c.key === 'format' ? formatCell : c.key === 'source' ? sourceCell : 'plaintext',
          };
        }
        def.headerWordWrap = true;
        def.minWidth = c.metric || c.numeric ? 72 : 60;
        if (c.metric || c.numeric) def.width = c.rank ? 76 : 104;
        def.visible = v.id === D.views[0].id;
        columns.push(def);
        viewOf[def.field] = (viewOf[def.field] || []).concat([v.id]);
      });
    });
    function formatCell(cell) {
      var d = cell.getRow().getData();
      if (!d.format) return '';
      var span = el('span', d.formatChange ? { class: 'fmt-change', title: '上一份报告为 ' + d.prevFormat + ' 格式' } : null, d.format);
      if (d.formatChange) span.appendChild(el('sup', null, '‡'));
      return span;
    }
    function sourceCell(cell) {
      var v = cell.getValue();
      if (!v) return '';
      return /^https?:\/\/\S+$/.test(v) ? el('a', { href: v, rel: 'noreferrer noopener' }, v) : el('span', { title: v }, v);
    }

    var grid = document.getElementById('grid');
    var plain = document.getElementById('plain');
    var controls = document.getElementById('controls');
    var table = new Tabulator(grid, {
      data: D.rows,
      columns: columns,
      layout: 'fitData',
      index: 'key',
      pagination: D.rows.length > 100,
      paginationSize: 100,
      paginationCounter: 'rows',
      placeholder: '没有符合条件的单位',
      locale: 'zh-cn',
      langs: {
        'zh-cn': {
          pagination: {
            first: '首页', first_title: '首页', last: '末页', last_title: '末页', prev: '上一页', prev_title: '上一页',
            next: '下一页', next_title: '下一页', all: '全部', counter: { showing: '显示', of: '/', rows: '行', pages: '页' },
          },
        },
      },
    });

    // controls: search, level, peer group, province, view
    var search = document.getElementById('q');
    var selects = { level: document.getElementById('f-level'), group: document.getElementById('f-group'), province: document.getElementById('f-province') };
    Object.keys(selects).forEach(function (k) {
      var values = {};
      D.rows.forEach(function (r) {
        if (r[k]) values[r[k]] = true;
      });
      Object.keys(values)
        .sort()
        .forEach(function (v) {
          selects[k].appendChild(el('option', { value: v }, v));
        });
    });
    var count = document.getElementById('count');
    function applyFilters() {
      var q = norm(search.value).trim();
      var want = { level: selects.level.value, group: selects.group.value, province: selects.province.value };
      table.setFilter(function (d) {
        if (want.level && d.level !== want.level) return false;
        if (want.group && d.group !== want.group) return false;
        if (want.province && d.province !== want.province) return false;
        if (q && norm(d.body + ' ' + d.group + ' ' + (d.province || '')).indexOf(q) < 0) return false;
        return true;
      });
    }
    table.on('dataFiltered', function (filters, rows) {
      count.textContent = rows.length + ' / ' + D.rows.length + ' 个单位';
      scheduleCharts(rows.map(function (r) {
        return r.getData();
      }));
    });
    search.addEventListener('input', applyFilters);
    Object.keys(selects).forEach(function (k) {
      selects[k].addEventListener('change', applyFilters);
    });
    var tabs = document.querySelectorAll('#views button');
    function showView(id) {
      table.blockRedraw();
      table.getColumns().forEach(function (col) {
        var f = col.getField();
        if (f === 'body') return;
        if ((viewOf[f] || []).indexOf(id) >= 0) col.show();
        else col.hide();
      });
      table.restoreRedraw();
      for (var i = 0; i < tabs.length; i++) tabs[i].setAttribute('aria-pressed', tabs[i].getAttribute('data-view') === id ? 'true' : 'false');
    }
    for (var i = 0; i < tabs.length; i++) {
      tabs[i].addEventListener('click', function (e) {
        showView(e.currentTarget.getAttribute('data-view'));
      });
    }
    table.on('tableBuilt', function () {
      plain.hidden = true;
      controls.hidden = false;
      document.getElementById('charts').hidden = false;
      showView(D.views[0].id);
      count.textContent = D.rows.length + ' / ' + D.rows.length + ' 个单位';
      document.body.setAttribute('data-ready', 'table');
      charts(D.rows);
    });

    // charts: the chosen metric, one bar chart per peer group, and its trend over the years
    var metricSelect = document.getElementById('f-metric');
    D.metrics.forEach(function (m) {
      metricSelect.appendChild(el('option', { value: m.code }, m.zh));
    });
    metricSelect.value = D.chartMetric;
    var current = D.rows;
    metricSelect.addEventListener('change', function () {
      charts(current);
    });
    var timer = null;
    function scheduleCharts(rows) {
      current = rows;
      clearTimeout(timer);
      timer = setTimeout(function () {
        charts(current);
      }, 150);
    }
    var instances = [];
    window.addEventListener('resize', function () {
      instances.forEach(function (c) {
        c.resize();
      });
    });
    function charts(rows) {
      current = rows;
      if (!window.echarts) return;
      instances.forEach(function (c) {
        c.dispose();
      });
      instances = [];
      var m = metrics[metricSelect.value];
      var share = m.unit === 'share';
      var unit = D.unitLabels[m.unit] || '';
      var scale = function (v) {
        return v === null || v === undefined ? null : share ? Math.round(v * 10000) / 100 : v;
      };
      var axisName = unit ? '单位：' + unit : '';
      // bar charts, one per peer group, largest groups first
      var groups = {};
      rows.forEach(function (r) {
        if (r.v[m.code] === null || r.v[m.code] === undefined) return;
        (groups[r.group] = groups[r.group] || []).push(r);
      });
      var names = Object.keys(groups).sort(function (a, b) {
        return groups[b].length - groups[a].length || (a < b ? -1 : 1);
      });
      var bars = document.getElementById('bars');
      bars.textContent = '';
      var MAX = 12;
      names.slice(0, MAX).forEach(function (g) {
        var members = groups[g].slice().sort(function (a, b) {
          return a.v[m.code] - b.v[m.code] || (a.body < b.body ? 1 : -1);
        });
        var box = el('div', { class: 'chart', 'data-group': g });
        box.style.height = 70 + members.length * 28 + 'px';
        bars.appendChild(box);
        var c = echarts.init(box, null, { renderer: 'svg' });
        instances.push(c);
        c.setOption({
          animation: false,
          title: { text: g + '：' + m.zh, left: 0, textStyle: { fontSize: 14 } },
          grid: { left: 8, right: 70, top: 36, bottom: 36, containLabel: true },
          tooltip: {
            trigger: 'item',
            formatter: function (p) {
              var r = members[p.dataIndex];
              var lines = [escapeHtml(r.body), escapeHtml(m.zh) + '：' + escapeHtml(fmt(r.v[m.code], m.unit))];
              if (r.b[m.code] !== undefined && m.rateBase) lines.push('基数：' + r.b[m.code] + ' 件');
              if (r.r[m.code] !== undefined) lines.push('组内名次：' + r.r[m.code] + '/' + r.o[m.code]);
              if (r.s[m.code]) lines.push('少于' + D.smallN + '件，不排名');
              return lines.join('<br>');
            },
          },
          xAxis: { type: 'value', name: axisName, nameLocation: 'middle', nameGap: 24, splitNumber: window.innerWidth < 700 ? 3 : 5, axisLabel: { formatter: share ? '{value}%' : '{value}' } },
          yAxis: {
            type: 'category',
            data: members.map(function (r) {
              return r.body;
            }),
            axisLabel: { width: window.innerWidth < 700 ? 110 : 260, overflow: 'truncate' },
          },
          series: [
            {
              type: 'bar',
              name: m.zh,
              data: members.map(function (r) {
                return { value: scale(r.v[m.code]), itemStyle: r.s[m.code] ? { color: '#b8c4d6' } : undefined };
              }),
              label: {
                show: true,
                position: 'right',
                formatter: function (p) {
                  return fmt(members[p.dataIndex].v[m.code], m.unit);
                },
              },
            },
          ],
        });
      });
      var note = document.getElementById('bars-note');
      note.textContent =
        names.length === 0
          ? '所选单位都没有这一指标的数值。'
          : names.length > MAX
            ? '共 ' + names.length + ' 个比较组，这里显示单位最多的 ' + MAX + ' 个；用上面的筛选选择其他比较组。'
            : '共 ' + names.length + ' 个比较组。浅色条：少于' + D.smallN + '件，不排名。';

      // trend of the chosen metric for the (at most 10) shown bodies with the highest value this year
      var trendBox = document.getElementById('trend');
      var series = (D.trend.series[m.code] || {});
      var top = rows
        .filter(function (r) {
          return r.v[m.code] !== null && r.v[m.code] !== undefined && series[r.body_id];
        })
        .sort(function (a, b) {
          return b.v[m.code] - a.v[m.code] || (a.body < b.body ? -1 : 1);
        });
      var seen = {};
      top = top.filter(function (r) {
        return seen[r.body_id] ? false : (seen[r.body_id] = true);
      }).slice(0, 10);
      if (D.trend.years.length < 2 || top.length === 0) {
        trendBox.hidden = true;
        return;
      }
      trendBox.hidden = false;
      var tc = echarts.init(trendBox, null, { renderer: 'svg' });
      instances.push(tc);
      tc.setOption({
        animation: false,
        title: { text: m.zh + '：历年变化', left: 0, top: 0, textStyle: { fontSize: 14 } },
        tooltip: {
          trigger: 'axis',
          formatter: function (ps) {
            var lines = [escapeHtml(ps[0].axisValue) + ' 年'];
            ps.forEach(function (p) {
              if (p.value === null || p.value === undefined) return;
              lines.push(p.marker + escapeHtml(p.seriesName) + '：' + escapeHtml(share ? p.value.toFixed(1) + '%' : fmt(p.value, m.unit)));
            });
            return lines.join('<br>');
          },
        },
        legend: { type: 'plain', bottom: 0, left: 0, right: 0, textStyle: { width: window.innerWidth < 700 ? 150 : 260, overflow: 'truncate' } },
        grid: { left: 8, right: 24, top: 64, bottom: 40 + Math.ceil(top.length / (window.innerWidth < 700 ? 1 : 3)) * 24, containLabel: true },
        xAxis: { type: 'category', data: D.trend.years.map(String), name: '年度', nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'value', name: axisName, nameTextStyle: { align: 'left' }, axisLabel: { formatter: share ? '{value}%' : '{value}' } },
        series: top.map(function (r) {
          return {
            type: 'line',
            name: r.body,
            connectNulls: false,
            symbolSize: 7,
            data: series[r.body_id].map(scale),
          };
        }),
      });
      trendBox.style.height = 160 + Math.ceil(top.length / (window.innerWidth < 700 ? 1 : 3)) * 24 + 200 + 'px';
      tc.resize();
      document.body.setAttribute('data-ready', 'charts');
    }
  }

  function indexPage(D) {
    if (!window.Tabulator) return;
    var plain = document.getElementById('bodies-plain');
    var controls = document.getElementById('bodies-controls');
    var yearLinks = function (cell) {
      var span = el('span');
      cell.getValue().forEach(function (y, i) {
        if (i) span.appendChild(document.createTextNode(' '));
        span.appendChild(el('a', { href: y + '/index.html' }, y));
      });
      return span;
    };
    var table = new Tabulator(document.getElementById('bodies-grid'), {
      data: D.bodies,
      layout: 'fitData',
      pagination: D.bodies.length > 100,
      paginationSize: 100,
      columns: [
        nameColumn(D, 'bodies/'),
        { title: '层级', field: 'level', formatter: 'plaintext' },
        { title: '省份', field: 'province', formatter: 'plaintext' },
        { title: '比较组', field: 'group', formatter: 'plaintext' },
        { title: '报告年度', field: 'years', formatter: yearLinks, sorter: function (a, b) { return a.length - b.length; } },
      ],
    });
    var search = document.getElementById('bq');
    search.addEventListener('input', function () {
      var q = norm(search.value).trim();
      table.setFilter(function (d) {
        return !q || norm(d.body + ' ' + d.group + ' ' + (d.province || '') + ' ' + d.aliases).indexOf(q) >= 0;
      });
    });
    table.on('tableBuilt', function () {
      plain.hidden = true;
      controls.hidden = false;
      document.body.setAttribute('data-ready', 'table');
    });
  }
})();
