/*
 * parktwin report (after report_format.js): Chart.js setup and chart helpers; the page's structure
 * (sections, collapsible groups, header, contents).
 */
(function (PT) {
  'use strict';

  const { currentLocale, t, isNum, formatNumber, withUnit, fmtTime, nonEmpty, withAlpha, el } = PT;

  // ---------------------------------------------------------------- charts

  function configureCharts() {
    if (typeof Chart === 'undefined') throw new Error('Chart.js is not loaded');
    Chart.defaults.animation = false;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily || 'sans-serif';
    Chart.defaults.font.size = 14;
    Chart.defaults.color = '#1f2937';
    Chart.defaults.borderColor = '#e5e7eb';
    Chart.defaults.locale = currentLocale();
  }

  function axis(title, extra) {
    return Object.assign({ title: { display: true, text: title, font: { weight: 'bold' } } }, extra);
  }

  function tooltipLabel(item) {
    const scale = item.dataset.unitScale;
    const v = item.parsed.y;
    const text = scale && isNum(v) ? withUnit(formatNumber(v, scale.decimals), scale.unit) : String(v);
    return item.dataset.label + ': ' + text;
  }

  function chartOptions(scales, extra) {
    return Object.assign({
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: tooltipLabel } } },
      scales: scales
    }, extra);
  }

  // A titled chart card in `parent` (already in the page, so that the chart gets its size).
  function chartCard(ctx, parent, title, config, height, wide) {
    const box = el('div', { class: 'chart-box' });
    box.style.height = height + 'px';
    const canvas = el('canvas', { role: 'img', 'aria-label': title });
    box.appendChild(canvas);
    const card = el('figure', { class: wide ? 'chart-card wide' : 'chart-card' }, [el('h3', { text: title }), box]);
    parent.appendChild(card);
    let chart = null;
    ctx.checks.push(() => chart !== null && chart.canvas.width > 0 && chart.canvas.height > 0);
    chart = new Chart(canvas, config);
    ctx.charts.push(chart);
    return chart;
  }

  function trackSvg(ctx, node) {
    ctx.checks.push(() => node.isConnected && node.querySelector('path, rect') !== null);
  }

  // A dataset of one scenario in its colour; the baseline dashed where drawn as a line.
  function seriesDataset(ctx, type, name, data, scale) {
    const colour = ctx.colours.colourOf(name);
    const isBaseline = name === ctx.colours.baseline;
    return {
      label: name, data, unitScale: scale,
      backgroundColor: type === 'bar' ? colour : withAlpha(colour, 0.15), borderColor: colour,
      borderWidth: type === 'bar' ? 0 : isBaseline ? 3 : 2,
      borderDash: type !== 'bar' && isBaseline ? [8, 5] : [],
      pointRadius: type === 'line' ? 3 : 0, tension: 0
    };
  }

  // ---------------------------------------------------------------- page structure

  function addSection(ctx, id, titleKey, note) {
    const heading = el('h2', { text: t(titleKey) });
    const section = el('section', { id: 'sec-' + id, class: 'report-section' }, [heading]);
    if (note) section.appendChild(el('p', { class: 'note', text: note }));
    ctx.report.appendChild(section);
    ctx.toc.push({ id: section.id, title: t(titleKey) });
    return section;
  }

  // A <details> group, open while charts are drawn; all but the first close afterwards.
  function collapsible(ctx, parent, summary, first) {
    const details = el('details', { class: 'group', open: '' }, [el('summary', { text: summary })]);
    parent.appendChild(details);
    if (!first) ctx.toClose.push(details);
    return details;
  }

  function renderHeader(ctx) {
    const meta = ctx.data.meta || {};
    const facts = [];
    const period = meta.period;
    if (period && period.start) {
      const step = isNum(period.step_min) ? ' (' + t('step', { n: formatNumber(period.step_min, 0) }) + ')' : '';
      facts.push([t('period'), period.start + ' – ' + (period.end || '') + step]);
    }
    if (nonEmpty(meta.scenarios)) facts.push([t('scenarios'), formatNumber(meta.scenarios.length, 0)]);
    if (meta.generated) facts.push([t('generated'), fmtTime(meta.generated)]);
    if (meta.results_file) facts.push([t('results_file'), meta.results_file]);
    if (meta.version) facts.push([t('version'), meta.version]);
    const list = el('dl', { class: 'facts' }, facts.map((f) => {
      return el('div', null, [el('dt', { text: f[0] }), el('dd', { text: f[1] })]);
    }));
    ctx.header = el('header', { class: 'report-header' },
      [el('p', { class: 'eyebrow', text: t('eyebrow') }), el('h1', { text: meta.park || t('report_title') }), list]);
    ctx.report.appendChild(ctx.header);
    document.title = (meta.park ? meta.park + ' — ' : '') + t('report_title');
  }

  function insertContents(ctx) {
    if (ctx.toc.length < 2) return;
    const links = ctx.toc.map((s) => el('a', { href: '#' + s.id, text: s.title }));
    const nav = el('nav', { class: 'contents', 'aria-label': t('contents') },
      [el('span', { class: 'contents-title', text: t('contents') })].concat(links));
    ctx.report.insertBefore(nav, ctx.header.nextSibling);
  }

  Object.assign(PT, { configureCharts, axis, chartOptions, chartCard, trackSvg, seriesDataset, addSection,
    collapsible, renderHeader, insertContents });
})(window.ParkTwinReport = window.ParkTwinReport || {});
