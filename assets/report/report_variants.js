/*
 * parktwin report (after report_sections.js): the variants of a sweep or of `parktwin size`, from
 * the highest NPV: a table of the first rows and the NPV against the first variation's value.
 */
(function (PT) {
  'use strict';

  const { t, isNum, pickScale, inUnit, formatNumber, arrayOf, el, recordTable, axis, chartOptions,
    chartCard, addSection } = PT;

  const TABLE_ROWS = 20;

  // ---------------------------------------------------------------- 12. variants and sizes

  function renderVariants(ctx) {
    const variants = ctx.data.variants;
    const rows = arrayOf(variants && variants.rows).filter((r) => r && Array.isArray(r.vary));
    if (!rows.length) return;
    const variations = arrayOf(variants.variations);
    const section = addSection(ctx, 'variants', 'sec_variants',
      t('variants_note', { n: formatNumber(variants.count, 0), m: formatNumber(Math.min(TABLE_ROWS, rows.length), 0) }));
    if (variations.length && rows.some((r) => isNum(leadingNumber(r.vary[0])) && isNum(r.npv_cny))) {
      npvChart(ctx, section, rows, variations);
    }
    section.appendChild(variantsTable(rows.slice(0, TABLE_ROWS), variations));
  }

  // "4000 kWh" -> 4000; NaN when the value does not start with a number.
  function leadingNumber(text) {
    return typeof text === 'string' ? parseFloat(text) : NaN;
  }

  function variantsTable(rows, variations) {
    const specs = [{ key: 'name', kind: 'text', label: t('variant') }];
    variations.forEach((v, i) => { specs.push({ key: 'vary' + i, kind: 'text', label: v, value: (r) => r.vary[i] }); });
    return recordTable(rows, specs.concat([
      { key: 'status', kind: 'text', label: t('variant_status') },
      { key: 'npv_cny', kind: 'money', label: t('eco_npv_cny') },
      { key: 'investment_cny', kind: 'money', label: t('eco_investment_cny') },
      { key: 'payback_years', kind: 'years', label: t('eco_simple_payback_years') },
      { key: 'cost_cny', kind: 'money', label: t('kpi_cost_CNY') },
      { key: 'peak_kw', kind: 'power', label: t('kpi_peak_demand_kW') },
      { key: 'co2_t', kind: 'mass', label: t('kpi_co2_t') }]));
  }

  // NPV against the first variation, one point per row; the best (the first row) marked, the
  // second variation's value in each point's tooltip.
  function npvChart(ctx, parent, rows, variations) {
    const usable = rows.filter((r) => isNum(leadingNumber(r.vary[0])) && isNum(r.npv_cny));
    const scale = pickScale('money', usable.map((r) => r.npv_cny));
    const point = (r) => ({ x: leadingNumber(r.vary[0]), y: inUnit(r.npv_cny, scale), label: r.vary.join(', ') });
    const datasets = [
      { label: t('variants_all'), data: usable.slice(1).map(point), backgroundColor: '#2563eb', pointRadius: 4 },
      { label: t('variants_best'), data: usable.slice(0, 1).map(point), backgroundColor: '#dc2626', pointRadius: 8 }];
    const options = chartOptions({
      x: axis(variations[0], { type: 'linear' }),
      y: axis(t('axis_npv', { unit: scale.unit }))
    }, { interaction: { mode: 'nearest', intersect: true } });
    options.plugins.tooltip = { callbacks: { label: (item) => item.raw.label + ': ' + formatNumber(item.raw.y, 1) + ' ' + scale.unit } };
    chartCard(ctx, parent, t('variants_chart'), { type: 'scatter', data: { datasets }, options }, 400, true);
  }

  Object.assign(PT, { renderVariants });
})(window.ParkTwinReport = window.ParkTwinReport || {});
