/*
 * parktwin report (after report_overview.js): monthly energy and cost, load duration curves,
 * typical days, motors, network limits and demand response events, before and after.
 */
(function (PT) {
  'use strict';

  const { t, tOr, isNum, pickScale, formatNumber, withUnit, inUnit, fmtAuto, present, optionalTime,
    monthLabel, nonEmpty, arrayOf, sum, flatten, groupBy, withAlpha, el, recordTable, figureImage,
    FLOW_COLOURS, kindColour, axis, chartOptions, chartCard, seriesDataset, addSection, collapsible } = PT;

  // ---------------------------------------------------------------- 5. monthly energy and cost

  const MONTHLY_CHARTS = [
    { field: 'grid_import_kwh', kind: 'energy', type: 'bar', title: 'chart_monthly_grid', wide: true },
    { field: 'pv_kwh', kind: 'energy', type: 'bar', title: 'chart_monthly_pv' },
    { field: 'cost_cny', kind: 'money', type: 'line', title: 'chart_monthly_cost' }];

  function renderMonthly(ctx) {
    const entries = arrayOf(ctx.data.monthly).filter((m) => m && nonEmpty(m.months));
    if (!entries.length) return;
    const months = Array.from(new Set(flatten(entries.map((e) => e.months)))).sort();
    const charts = MONTHLY_CHARTS.filter((spec) => monthlySeries(entries, spec).length > 0);
    if (!charts.length) return;
    const section = addSection(ctx, 'monthly', 'sec_monthly');
    const grid = el('div', { class: 'chart-grid' });
    section.appendChild(grid);
    charts.forEach((spec) => { monthlyChart(ctx, grid, monthlySeries(entries, spec), months, spec); });
  }

  function monthlySeries(entries, spec) {
    return entries.filter((e) => Array.isArray(e[spec.field]) && e[spec.field].some((v) => isNum(v) && v !== 0));
  }

  function monthlyChart(ctx, parent, series, months, spec) {
    const scale = pickScale(spec.kind, flatten(series.map((e) => e[spec.field])));
    const datasets = series.map((e) => {
      const byMonth = new Map(e.months.map((m, i) => [m, e[spec.field][i]]));
      const values = months.map((m) => inUnit(byMonth.get(m), scale));
      return seriesDataset(ctx, spec.type, e.scenario, values, scale);
    });
    const yTitle = t(spec.kind === 'money' ? 'axis_cost' : 'axis_energy', { unit: scale.unit });
    const options = chartOptions({ x: axis(t('axis_month')), y: axis(yTitle, { beginAtZero: true }) });
    const config = { type: spec.type, data: { labels: months.map(monthLabel), datasets }, options };
    chartCard(ctx, parent, t(spec.title), config, spec.wide ? 380 : 340, spec.wide);
  }

  // ---------------------------------------------------------------- 6. load duration curves

  function renderLoadDuration(ctx) {
    const entries = arrayOf(ctx.data.load_duration).filter((e) => {
      return e && nonEmpty(e.hours) && Array.isArray(e.grid_import_kw);
    });
    if (!entries.length) return;
    const section = addSection(ctx, 'ldc', 'sec_ldc', t('ldc_note'));
    const scale = pickScale('power', flatten(entries.map((e) => e.grid_import_kw)));
    const datasets = entries.map((e) => {
      const points = e.hours.map((h, i) => ({ x: h, y: inUnit(e.grid_import_kw[i], scale) }));
      return Object.assign(seriesDataset(ctx, 'line', e.scenario, points, scale), { pointRadius: 0 });
    });
    const options = chartOptions({
      x: axis(t('axis_hours'), { type: 'linear', beginAtZero: true }),
      y: axis(t('axis_power', { unit: scale.unit }), { beginAtZero: true })
    }, { interaction: { mode: 'nearest', axis: 'x', intersect: false } });
    chartCard(ctx, section, t('ldc_title'), { type: 'line', data: { datasets }, options }, 440, true);
  }

  // ---------------------------------------------------------------- 7. typical days

  const SEASONS = ['spring', 'summer', 'autumn', 'winter'];
  const DAYS = ['workday', 'weekend'];
  const PROFILE_LINES = [
    { key: 'grid_kw', label: 'flow_grid', colour: '#111827', dash: [6, 4] },
    { key: 'pv_kw', label: 'flow_pv', colour: FLOW_COLOURS.pv, dash: [] },
    { key: 'battery_kw', label: 'flow_battery', colour: FLOW_COLOURS.battery, dash: [] }];

  function renderProfiles(ctx) {
    const profiles = arrayOf(ctx.data.profiles).filter((p) => p && nonEmpty(p.hours));
    if (!profiles.length) return;
    const section = addSection(ctx, 'profiles', 'sec_profiles', t('profiles_note'));
    groupBy(profiles, (p) => p.scenario).forEach((group, index) => {
      const details = collapsible(ctx, section, group.key, index === 0);
      const kinds = Array.from(new Set(flatten(group.items.map(demandKinds))));
      const lines = PROFILE_LINES.filter((l) => group.items.some((p) => hasValues(p[l.key])));
      details.appendChild(profileLegend(group.items[0], kinds, lines));
      const grid = el('div', { class: 'chart-grid small' });
      details.appendChild(grid);
      const range = profileRange(group.items);
      sortProfiles(group.items).forEach((p) => { profileChart(ctx, grid, p, { range, kinds, lines }); });
    });
  }

  function demandKinds(p) {
    return Object.keys(p.demand_kw || {}).filter((k) => Array.isArray(p.demand_kw[k]));
  }

  function hasValues(values) {
    return Array.isArray(values) && values.some((v) => isNum(v) && v !== 0);
  }

  function kindLabel(p, kind) {
    return (p.labels && p.labels[kind]) || tOr('kind_' + kind, kind);
  }

  function sortProfiles(profiles) {
    const rank = (p) => SEASONS.indexOf(p.season) * DAYS.length + DAYS.indexOf(p.day);
    return profiles.slice().sort((a, b) => rank(a) - rank(b));
  }

  // One power scale for all typical days of a scenario, so that they compare at a glance.
  function profileRange(profiles) {
    let lo = 0;
    let hi = 0;
    profiles.forEach((p) => {
      const kinds = demandKinds(p);
      p.hours.forEach((_, i) => {
        const stack = sum(kinds.map((k) => p.demand_kw[k][i]));
        const values = [stack].concat(PROFILE_LINES.map((l) => (p[l.key] || [])[i])).filter(isNum);
        hi = Math.max.apply(null, [hi].concat(values));
        lo = Math.min.apply(null, [lo].concat(values));
      });
    });
    const scale = pickScale('power', [lo, hi]);
    return { scale, lo: lo / scale.div, hi: hi / scale.div };
  }

  function profileLegend(p, kinds, lines) {
    const item = (swatch, style, label) => el('li', null, [el('span', { class: swatch, style }), label]);
    const items = lines.map((l) => item('swatch line', 'border-color:' + l.colour, t(l.label)))
      .concat(kinds.map((k, i) => item('swatch', 'background:' + kindColour(k, i), kindLabel(p, k))));
    return el('ul', { class: 'legend' }, items);
  }

  // Lines come first so that Chart.js draws them over the areas; each area fills down to the
  // previous dataset (the area below it), the first to zero.
  function profileChart(ctx, parent, p, shared) {
    const scale = shared.range.scale;
    const points = (values) => p.hours.map((h, i) => ({ x: h, y: inUnit((values || [])[i], scale) }));
    const lines = shared.lines.map((l) => ({
      label: t(l.label), data: points(p[l.key]), unitScale: scale, stack: l.key, fill: false,
      borderColor: l.colour, borderDash: l.dash, borderWidth: 2.5, pointRadius: 0
    }));
    const areas = shared.kinds.filter((k) => p.demand_kw && p.demand_kw[k]).map((k, i) => {
      const colour = kindColour(k, shared.kinds.indexOf(k));
      return {
        label: kindLabel(p, k), data: points(p.demand_kw[k]), unitScale: scale, stack: 'demand',
        fill: i === 0 ? 'origin' : '-1', backgroundColor: withAlpha(colour, 0.75), borderColor: colour,
        borderWidth: 1, pointRadius: 0
      };
    });
    const options = chartOptions({
      x: axis(t('axis_hour_of_day'), { type: 'linear', min: 0, max: 24, ticks: { stepSize: 3 } }),
      y: axis(t('axis_power', { unit: scale.unit }),
        { stacked: true, suggestedMin: shared.range.lo, suggestedMax: shared.range.hi })
    });
    options.plugins.legend = { display: false };
    const title = tOr('season_' + p.season, p.season) + ' · ' + tOr('day_' + p.day, p.day);
    chartCard(ctx, parent, title, { type: 'line', data: { datasets: lines.concat(areas) }, options }, 280);
  }

  // ---------------------------------------------------------------- 9. motors

  const MOTOR_COLUMNS = [['id', 'text'], ['name', 'text'], ['building', 'text'], ['rated_kw', 'power'],
    ['efficiency_pct', 'pct'], ['class', 'text'], ['class_min_pct', 'pct'], ['gap_pts', 'pts', true],
    ['load_pct', 'pct']];

  function renderMotors(ctx) {
    const motors = ctx.data.motors || {};
    const hist = motors.histogram;
    const hasHistogram = hist && nonEmpty(hist.counts) && Array.isArray(hist.edges_pct) &&
      hist.edges_pct.length === hist.counts.length + 1;
    const worst = nonEmpty(motors.worst) ? motors.worst : [];
    if (!hasHistogram && !worst.length) return;
    const section = addSection(ctx, 'motors', 'sec_motors');
    if (hasHistogram) motorHistogram(ctx, section, hist);
    if (!worst.length) return;
    section.appendChild(el('h3', { text: t('motors_worst') }));
    section.appendChild(recordTable(worst, MOTOR_COLUMNS.map((c) => {
      return { key: c[0], kind: c[1], flagNegative: c[2], label: t('mot_' + c[0]) };
    })));
  }

  function motorHistogram(ctx, parent, hist) {
    const edges = hist.edges_pct;
    const labels = hist.counts.map((_, i) => {
      return formatNumber(edges[i], 0, true) + ' … ' + formatNumber(edges[i + 1], 0, true);
    });
    const dataset = {
      label: t('axis_motor_count'), data: hist.counts, borderWidth: 0,
      backgroundColor: hist.counts.map((_, i) => edges[i + 1] <= 0 ? '#dc2626' : '#2563eb')
    };
    const options = chartOptions({
      x: axis(t('axis_motor_gap'), { grid: { display: false } }),
      y: axis(t('axis_motor_count'), { beginAtZero: true, ticks: { precision: 0 } })
    });
    options.plugins.legend = { display: false };
    const config = { type: 'bar', data: { labels, datasets: [dataset] }, options };
    chartCard(ctx, parent, t('motors_hist_title'), config, 360, true);
  }

  // ---------------------------------------------------------------- 10. network limits and DR events

  function renderNetwork(ctx) {
    const limits = ctx.data.limits;
    const events = ctx.data.dr_events;
    if (!Array.isArray(limits) && !Array.isArray(events)) return;
    const section = addSection(ctx, 'network', 'sec_network');
    if (Array.isArray(limits)) {
      section.appendChild(el('h3', { text: t('limits_title') }));
      section.appendChild(limits.length ? limitsTable(limits) : el('p', { class: 'none', text: t('limits_none') }));
    }
    if (Array.isArray(events)) {
      section.appendChild(el('h3', { text: t('dr_title') }));
      section.appendChild(events.length ? eventsTable(events) : el('p', { class: 'none', text: t('dr_none') }));
    }
  }

  function limitsTable(limits) {
    return recordTable(limits, [
      { key: 'scenario', kind: 'text', label: t('scenario') },
      { key: 'kind', kind: 'text', label: t('lim_kind'), value: (r) => present(r.kind, tOr('elem_' + r.kind, r.kind)) },
      { key: 'id', kind: 'text', label: t('lim_id') },
      {
        key: 'worst', kind: 'text', label: t('lim_worst'),
        value: (r) => present(r.worst, withUnit(fmtAuto(r.worst), r.unit))
      },
      { key: 'steps', kind: 'count', label: t('lim_steps') },
      { key: 'worst_time', kind: 'text', label: t('lim_worst_time'), value: (r) => optionalTime(r.worst_time) }]);
  }

  function eventsTable(events) {
    return recordTable(events, [
      { key: 'scenario', kind: 'text', label: t('scenario') },
      { key: 'id', kind: 'text', label: t('dr_id') },
      { key: 'start', kind: 'text', label: t('dr_start'), value: (r) => optionalTime(r.start) },
      { key: 'requested_kwh', kind: 'energy', label: t('dr_requested') },
      { key: 'delivered_kwh', kind: 'energy', label: t('dr_delivered') },
      { key: 'share', kind: 'pct', label: t('dr_share'), value: (r) => {
        if (r.requested_kwh === undefined || r.delivered_kwh === undefined) return undefined;
        return isNum(r.delivered_kwh) && r.requested_kwh > 0 ? 100 * r.delivered_kwh / r.requested_kwh : null;
      } },
      { key: 'lowest_reduction_kw', kind: 'power', label: t('dr_lowest') }]);
  }

  // ---------------------------------------------------------------- 11. before and after

  function renderSnapshots(ctx) {
    const shots = arrayOf(ctx.data.snapshots).filter((s) => s && s.png);
    if (!shots.length) return;
    const section = addSection(ctx, 'snapshots', 'sec_snapshots');
    section.appendChild(el('div', { class: 'snapshot-grid' }, shots.map((s) => {
      const parts = [s.scenario, s.caption].filter(Boolean);
      return figureImage(s.png, parts.join(' · ') || t('snapshot_alt'), parts);
    })));
  }

  Object.assign(PT, { renderMonthly, renderLoadDuration, renderProfiles, renderMotors, renderNetwork,
    renderSnapshots });
})(window.ParkTwinReport = window.ParkTwinReport || {});
