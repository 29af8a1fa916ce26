/*
 * parktwin report (after report_svg.js): the park at a glance, the scenario (KPI) comparison and
 * the economics.
 */
(function (PT) {
  'use strict';

  const { t, isNum, pickScale, formatNumber, withUnit, scaled, inUnit, fmt, arrayOf, flatten, el, dataTable,
    recordTable, figureImage, axis, chartOptions, chartCard, addSection, macCurve } = PT;

  // ---------------------------------------------------------------- 2. the park at a glance

  const PARK_CARDS = [['buildings', 'count'], ['motors', 'count'], ['loads', 'count'], ['transformers', 'count'],
    ['pv_arrays', 'count'], ['pv_kwp', 'kwp'], ['demand_kwh', 'energy'], ['cost_cny', 'money']];

  function renderGlance(ctx) {
    const park = ctx.data.park;
    if (!park) return;
    const cards = PARK_CARDS.filter((c) => isNum(park[c[0]])).map((c) => el('div', { class: 'card' }, [
      el('div', { class: 'card-value', text: fmt(c[1], park[c[0]]) }),
      el('div', { class: 'card-label', text: t('card_' + c[0]) })
    ]));
    if (!cards.length && !park.snapshot_png) return;
    const section = addSection(ctx, 'glance', 'sec_glance', t('glance_note'));
    const layout = el('div', { class: park.snapshot_png ? 'glance' : 'glance no-image' });
    if (park.snapshot_png) layout.appendChild(figureImage(park.snapshot_png, t('snapshot_alt'), []));
    layout.appendChild(el('div', { class: 'cards' }, cards));
    section.appendChild(layout);
  }

  // ---------------------------------------------------------------- 3. KPI comparison

  const KPI_COLUMNS = [
    { key: 'grid_import_kWh', kind: 'energy', better: 'lower' },
    { key: 'pv_kWh', kind: 'energy', better: 'higher' },
    { key: 'cost_CNY', kind: 'money', better: 'lower' },
    { key: 'peak_demand_kW', kind: 'power', better: 'lower' },
    { key: 'co2_t', kind: 'mass', better: 'lower' },
    { key: 'pv_self_consumption_pct', kind: 'pct', better: 'higher' },
    { key: 'pv_shading_loss_kWh', kind: 'energy', better: 'lower' }];

  // The baseline as a run: `compare.baseline` is its name (or an object with its KPIs); without
  // KPIs of its own they are a scenario's KPIs minus its deltas.
  function baselineRun(compare, name) {
    const base = compare.baseline;
    if (base && typeof base === 'object' && base.kpi) {
      return { name, description: base.description, kpi: base.kpi, isBaseline: true };
    }
    const first = arrayOf(compare.scenarios).find((s) => s && s.kpi && s.delta);
    if (!first) return null;
    const kpi = {};
    Object.keys(first.kpi).forEach((k) => {
      if (isNum(first.kpi[k]) && isNum(first.delta[k])) kpi[k] = first.kpi[k] - first.delta[k];
    });
    return { name, kpi, isBaseline: true };
  }

  function comparisonRuns(ctx) {
    const compare = ctx.data.compare;
    if (!compare) return [];
    const base = baselineRun(compare, ctx.colours.baseline);
    const scenarios = arrayOf(compare.scenarios).filter((s) => s && s.kpi).map((s) => {
      return { name: s.name, description: s.description, kpi: s.kpi, delta: s.delta || {} };
    });
    return base ? [base].concat(scenarios) : scenarios;
  }

  function renderKpis(ctx) {
    const runs = comparisonRuns(ctx);
    const columns = KPI_COLUMNS.filter((c) => runs.some((r) => isNum(r.kpi[c.key])));
    if (!runs.length || !columns.length) return;
    const note = runs[0].isBaseline && runs.length > 1 ? t('kpi_note', { name: runs[0].name }) : null;
    const section = addSection(ctx, 'kpi', 'sec_kpi', note);
    section.appendChild(kpiTable(runs, columns, ctx.colours.colourOf));
    const descriptions = scenarioDescriptions(runs);
    if (descriptions) section.appendChild(descriptions);
    if (runs.some((r) => isNum(r.kpi.cost_CNY) || isNum(r.kpi.co2_t))) costCo2Chart(ctx, section, runs);
  }

  function kpiTable(runs, columns, colourOf) {
    const scales = columns.map((c) => pickScale(c.kind, runs.map((r) => r.kpi[c.key])));
    const header = [{ label: t('scenario') }].concat(columns.map((c, i) => {
      return { label: t('kpi_' + c.key), unit: scales[i].unit, numeric: true };
    }));
    const rows = runs.map((run) => {
      const values = columns.map((c, i) => kpiCell(run, c, scales[i]));
      const name = scenarioName(run.name, colourOf, run.description);
      return { className: run.isBaseline ? 'baseline' : null, cells: [name].concat(values) };
    });
    return dataTable(header, rows);
  }

  // A scenario's name after a dot in its chart colour.
  function scenarioName(name, colourOf, description) {
    return el('span', { class: 'scenario', title: description || null },
      [el('span', { class: 'dot', style: 'background:' + colourOf(name) }), name]);
  }

  function scenarioDescriptions(runs) {
    const described = runs.filter((r) => r.description);
    if (!described.length) return null;
    return el('dl', { class: 'descriptions' }, flatten(described.map((r) => {
      return [el('dt', { text: r.name }), el('dd', { text: r.description })];
    })));
  }

  function kpiCell(run, column, scale) {
    const value = el('span', { class: 'value', text: scaled(scale, run.kpi[column.key]) });
    if (run.isBaseline || !isNum(run.delta[column.key]) || !isNum(run.kpi[column.key])) return value;
    return el('span', { class: 'with-delta' }, [value, deltaBadge(run, column)]);
  }

  function deltaBadge(run, column) {
    const d = run.delta[column.key];
    const base = run.kpi[column.key] - d;
    if (Math.abs(d) <= 1e-6 * Math.max(1, Math.abs(base))) {
      return el('span', { class: 'delta same', text: t('unchanged') });
    }
    let text = fmt(column.kind === 'pct' ? 'pts' : column.kind, d, true);
    if (column.kind !== 'pct' && Math.abs(base) > 0) {
      text += ' (' + formatNumber(100 * d / Math.abs(base), 1, true) + '%)';
    }
    const better = column.better === 'lower' ? d < 0 : d > 0;
    return el('span', { class: 'delta ' + (better ? 'good' : 'bad'), text });
  }

  // Bars of one metric; the baseline's bar (the first) grey.
  function metricBars(label, values, scale, colour, grey, axisId) {
    return {
      label, data: values, unitScale: scale, yAxisID: axisId, borderWidth: 0, legendColour: colour,
      backgroundColor: values.map((_, i) => i === 0 ? grey : colour)
    };
  }

  // Legend entries in each dataset's legendColour rather than its first bar's.
  function legendInDatasetColours(chart) {
    return chart.data.datasets.map((d, i) => ({
      text: d.label, fillStyle: d.legendColour, strokeStyle: d.legendColour, lineWidth: 0,
      hidden: !chart.isDatasetVisible(i), datasetIndex: i
    }));
  }

  function costCo2Chart(ctx, parent, runs) {
    const cost = runs.map((r) => r.kpi.cost_CNY);
    const co2 = runs.map((r) => r.kpi.co2_t);
    const money = pickScale('money', cost);
    const mass = pickScale('mass', co2);
    const greyFirst = runs[0].isBaseline;
    const datasets = [
      metricBars(t('kpi_cost_CNY'), cost.map((v) => inUnit(v, money)), money, '#1d4ed8',
        greyFirst ? '#4b5563' : '#1d4ed8', 'y'),
      metricBars(t('kpi_co2_t'), co2.map((v) => inUnit(v, mass)), mass, '#0d9488',
        greyFirst ? '#9ca3af' : '#0d9488', 'y1')
    ];
    const options = chartOptions({
      x: axis(t('scenario')),
      y: axis(t('axis_cost', { unit: money.unit }), { beginAtZero: true }),
      y1: axis(t('axis_co2', { unit: mass.unit }),
        { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } })
    });
    options.plugins.legend.labels = { generateLabels: legendInDatasetColours };
    const labels = runs.map((r) => r.name);
    chartCard(ctx, parent, t('chart_cost_co2'), { type: 'bar', data: { labels, datasets }, options }, 400, true);
  }

  // ---------------------------------------------------------------- 4. economics

  const ECON_COLUMNS = [
    ['investment_cny', 'money'], ['annual_savings_cny', 'money', true], ['npv_cny', 'money', true],
    ['irr_pct', 'pct'], ['simple_payback_years', 'years'], ['discounted_payback_years', 'years'],
    ['abatement_cost_cny_per_t', 'money_per_t'], ['co2_avoided_t_per_year', 'mass_rate', true]];

  function renderEconomics(ctx) {
    const compare = ctx.data.compare;
    const scenarios = arrayOf(compare && compare.scenarios).filter((s) => s && s.economics);
    if (!scenarios.length) return;
    const section = addSection(ctx, 'economics', 'sec_economics', economicsNote(compare.economics));
    const name = {
      key: 'name', kind: 'text', label: t('scenario'), value: (s) => scenarioName(s.name, ctx.colours.colourOf)
    };
    const specs = [name].concat(ECON_COLUMNS.map((c) => ({
      key: c[0], kind: c[1], flagNegative: c[2], label: t('eco_' + c[0]), value: (s) => s.economics[c[0]]
    })));
    section.appendChild(recordTable(scenarios, specs));
    macCurve(ctx, section, scenarios);
  }

  function economicsNote(settings) {
    if (!settings) return t('eco_null_note');
    const years = isNum(settings.analysis_period_a) ?
      withUnit(formatNumber(settings.analysis_period_a, 0), t('unit_years')) : t('no_value');
    return t('eco_note', {
      rate: fmt('pct', settings.discount_rate_pct), years, esc: fmt('pct', settings.price_escalation_pct)
    }) + ' ' + t('eco_null_note');
  }

  Object.assign(PT, { renderGlance, renderKpis, renderEconomics });
})(window.ParkTwinReport = window.ParkTwinReport || {});
