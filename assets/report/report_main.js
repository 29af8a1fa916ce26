/*
 * parktwin report (the last file): reads the data, draws the header and every section, and leaves
 * data-status, data-charts-expected and data-charts-rendered on <html>.
 */
(function (PT) {
  'use strict';

  const { root, recordError, hasError, setLanguage, t, el, makeScenarioColours, configureCharts,
    renderHeader, insertContents, renderSankey, renderGlance, renderKpis, renderEconomics, renderMonthly,
    renderLoadDuration, renderProfiles, renderMotors, renderNetwork, renderSnapshots, renderVariants } = PT;

  // ---------------------------------------------------------------- main

  const SECTIONS = [renderGlance, renderKpis, renderEconomics, renderMonthly, renderLoadDuration, renderProfiles,
    renderSankey, renderMotors, renderNetwork, renderVariants, renderSnapshots];

  function renderSafely(ctx, render) {
    try {
      render(ctx);
    } catch (err) {
      const message = err && err.message ? err.message : String(err);
      recordError(message);
      ctx.report.appendChild(el('p', { class: 'render-error', text: t('render_error', { msg: message }) }));
    }
  }

  // Counts what was drawn, then closes the groups that start closed (charts keep their size).
  function finish(ctx) {
    const rendered = ctx.checks.filter((check) => {
      try { return check(); } catch (err) { return false; }
    }).length;
    ctx.toClose.forEach((details) => { details.open = false; });
    root.dataset.chartsExpected = String(ctx.checks.length);
    root.dataset.chartsRendered = String(rendered);
    if (!hasError()) root.dataset.status = 'ok';
  }

  // Printing shows every group and redraws the charts at the paper's width.
  function preparePrinting(ctx) {
    window.addEventListener('beforeprint', () => {
      document.querySelectorAll('#report details').forEach((d) => { d.open = true; });
      ctx.charts.forEach((chart) => { chart.resize(); });
    });
  }

  function main() {
    const data = JSON.parse(document.getElementById('parktwin-data').textContent);
    root.lang = setLanguage(data.meta && data.meta.language) === 'zh' ? 'zh-CN' : 'en';
    const report = document.getElementById('report');
    const ctx = {
      data, report, colours: makeScenarioColours(data), checks: [], charts: [], toc: [], toClose: []
    };
    configureCharts();
    renderHeader(ctx);
    SECTIONS.forEach((render) => { renderSafely(ctx, render); });
    insertContents(ctx);
    preparePrinting(ctx);
    finish(ctx);
  }

  try {
    main();
  } catch (err) {
    recordError(err && err.message ? err.message : err);
  }
})(window.ParkTwinReport = window.ParkTwinReport || {});
