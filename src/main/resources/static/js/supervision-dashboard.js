// 督办看板: draws the counts charts from the JSON the server put into each [data-chart] (ECharts, canvas), again
// after htmx swaps the results. The numbers are in the table beside each chart; the chart itself is aria-hidden.
(function () {
  'use strict';

  // ON_TRACK, DUE_SOON, OVERDUE, SERIOUSLY_OVERDUE, PAUSED — as the badges in hmc.css
  const COLOURS = ['#2f855a', '#b7791f', '#c53030', '#742a2a', '#718096'];

  function option(data) {
    // the page's own font: the canvas knows no other (the machine may have no Chinese font at all)
    const base = { color: COLOURS, animation: false, textStyle: { fontFamily: fontFamily() },
      tooltip: { trigger: data.kind === 'pie' ? 'item' : 'axis' } };
    if (data.kind === 'pie') {
      const counts = data.values.length ? data.values[0] : [];
      return Object.assign(base, {
        legend: { bottom: 0, type: 'scroll' },
        series: [{
          type: 'pie', radius: ['35%', '65%'], top: 0, bottom: 30,
          data: data.stateLabels.map(function (name, i) {
            return { name: name, value: counts[i] || 0, itemStyle: { color: COLOURS[i] } };
          }).filter(function (d) { return d.value > 0; })
        }]
      });
    }
    return Object.assign(base, {
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, rotate: data.labels.length > 3 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.stateLabels.map(function (name, i) {
        return { name: name, type: 'bar', stack: 'all', data: data.values.map(function (v) { return v[i]; }) };
      })
    });
  }

  function fontFamily() {
    return getComputedStyle(document.body).fontFamily;
  }

  /** Draws once the web font's slices for every label are loaded: a canvas does not redraw when they arrive. */
  function draw(root) {
    if (!window.echarts) return;
    const charts = Array.from(root.querySelectorAll('[data-chart]'));
    const text = charts.map(function (el) {
      const data = JSON.parse(el.getAttribute('data-chart'));
      return data.labels.concat(data.stateLabels).join('');
    }).join('') + '0123456789';
    const loading = document.fonts && document.fonts.load ? document.fonts.load('12px ' + fontFamily(), text)
      : Promise.resolve();
    loading.then(function () { drawNow(charts); }, function () { drawNow(charts); });
  }

  function drawNow(charts) {
    charts.forEach(function (el) {
      if (!el.isConnected) return;
      const data = JSON.parse(el.getAttribute('data-chart'));
      const old = window.echarts.getInstanceByDom(el);
      if (old) old.dispose();
      if (!data.labels.length) return;
      window.echarts.init(el, null, { renderer: 'canvas' }).setOption(option(data));
    });
  }

  function resize() {
    if (!window.echarts) return;
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      const chart = window.echarts.getInstanceByDom(el);
      if (chart) chart.resize();
    });
  }

  function start() {
    draw(document);
    document.body.addEventListener('htmx:afterSwap', function () { draw(document); });
    window.addEventListener('resize', resize);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
