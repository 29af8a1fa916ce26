/*
 * parktwin report (after report_words.js): numbers, units and times, small helpers, DOM helpers
 * and tables, colours.
 */
(function (PT) {
  'use strict';

  const { currentLanguage, currentLocale, t } = PT;

  // ---------------------------------------------------------------- numbers

  // Units that grow with the magnitude: the first rung whose `from` the largest value reaches.
  const LADDERS = {
    energy: [{ div: 1e6, from: 1e7, unit: 'GWh' }, { div: 1e3, from: 1e4, unit: 'MWh' },
      { div: 1, from: 0, unit: 'kWh' }],
    power: [{ div: 1e3, from: 1e4, unit: 'MW' }, { div: 1, from: 0, unit: 'kW' }],
    money_en: [{ div: 1e6, from: 1e7, unit: 'MCNY' }, { div: 1e3, from: 1e4, unit: 'kCNY' },
      { div: 1, from: 0, unit: 'CNY' }],
    money_zh: [{ div: 1e8, from: 1e8, unit: '亿元' }, { div: 1e4, from: 1e4, unit: '万元' },
      { div: 1, from: 0, unit: '元' }]
  };
  // Kinds in one unit: [unit string key ('' for none), decimals (null: by magnitude)].
  const FIXED_UNITS = {
    mass: ['unit_t', null], mass_rate: ['unit_t_per_a', null], pct: ['unit_pct', 1], pts: ['unit_pts', 1],
    years: ['unit_years', 1], money_per_t: ['unit_cny_per_t', 0], kwp: ['unit_kwp', null], count: ['', 0]
  };
  const numberFormats = {};

  function isNum(v) {
    return typeof v === 'number' && isFinite(v);
  }

  // Decimals for values up to maxAbs that still give the smallest (non-zero) two digits, at most 3.
  function autoDecimals(maxAbs, minAbs) {
    const byLargest = maxAbs >= 100 ? 0 : maxAbs >= 10 ? 1 : 2;
    if (!(minAbs > 0)) return byLargest;
    return Math.max(byLargest, Math.min(3, Math.ceil(-Math.log10(minAbs)) + 1));
  }

  // The unit, divisor and decimals that show all of `values` of a kind alike.
  function pickScale(kind, values) {
    const finite = values.filter(isNum).map(Math.abs);
    const maxAbs = finite.length ? Math.max.apply(null, finite) : 0;
    const nonZero = finite.filter((v) => v > 0);
    const minAbs = nonZero.length ? Math.min.apply(null, nonZero) : 0;
    const ladder = kind === 'money' ? LADDERS['money_' + currentLanguage()] : LADDERS[kind];
    if (ladder) {
      const rung = ladder.find((r) => maxAbs >= r.from);
      return { div: rung.div, unit: rung.unit, decimals: autoDecimals(maxAbs / rung.div, minAbs / rung.div) };
    }
    const fixed = FIXED_UNITS[kind];
    const decimals = fixed[1] === null ? autoDecimals(maxAbs, minAbs) : fixed[1];
    return { div: 1, unit: fixed[0] ? t(fixed[0]) : '', decimals };
  }

  function formatNumber(v, decimals, signed) {
    const key = decimals + (signed ? 's' : '');
    if (!numberFormats[key]) {
      numberFormats[key] = new Intl.NumberFormat(currentLocale(), {
        minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto'
      });
    }
    return numberFormats[key].format(v).replace('-', '\u2212');
  }

  // A number and its unit, never broken across lines.
  function withUnit(text, unit) {
    if (!unit) return text;
    return unit === '%' ? text + unit : text + '\u00a0' + unit;
  }

  function scaled(scale, v, signed) {
    return isNum(v) ? formatNumber(v / scale.div, scale.decimals, signed) : t('no_value');
  }

  function inUnit(v, scale) {
    return isNum(v) ? v / scale.div : null;
  }

  // One value with its own unit, e.g. "22.3 GWh", "1,872 万元"; "–" when missing.
  function fmt(kind, v, signed) {
    if (!isNum(v)) return t('no_value');
    const scale = pickScale(kind, [v]);
    return withUnit(scaled(scale, v, signed), scale.unit);
  }

  // A figure of unknown kind, e.g. a per-unit voltage or a loading: three significant-ish digits.
  function fmtAuto(v) {
    if (!isNum(v)) return t('no_value');
    const a = Math.abs(v);
    return formatNumber(v, a >= 100 ? 1 : a >= 10 ? 2 : 3);
  }

  // "2025-06-01T14:15:00Z" -> "2025-06-01 14:15:00 UTC": shown as written, with no time-zone shift.
  function fmtTime(text) {
    return String(text).replace('T', ' ').replace(/\.\d+/, '').replace(/Z$/, ' UTC');
  }

  // A table cell from a field: undefined stays undefined (no such column), null shows as "–".
  function present(field, text) {
    return field === undefined || field === null ? field : text;
  }

  function optionalTime(text) {
    return present(text, fmtTime(text));
  }

  function monthLabel(key) {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (!m) return key;
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, 1));
    return new Intl.DateTimeFormat(currentLocale(), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
  }

  // ---------------------------------------------------------------- small helpers

  function nonEmpty(a) {
    return Array.isArray(a) && a.length > 0;
  }

  // A list from the data; anything else (absent, null, malformed) as no list.
  function arrayOf(a) {
    return Array.isArray(a) ? a : [];
  }

  function sum(values) {
    return values.reduce((s, v) => s + (isNum(v) ? v : 0), 0);
  }

  function flatten(arrays) {
    return [].concat.apply([], arrays);
  }

  // [{key, items}] in the order keys first appear.
  function groupBy(items, keyOf) {
    const groups = new Map();
    items.forEach((item) => {
      const key = keyOf(item);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(item);
    });
    return Array.from(groups, (entry) => ({ key: entry[0], items: entry[1] }));
  }

  function withAlpha(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  // ---------------------------------------------------------------- DOM

  const SVG_NS = 'http://www.w3.org/2000/svg';

  function fill(node, attrs, children) {
    Object.keys(attrs || {}).forEach((k) => {
      const v = attrs[k];
      if (v === null || v === undefined) return;
      if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    });
    (children || []).forEach((c) => {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function el(tag, attrs, children) {
    return fill(document.createElement(tag), attrs, children);
  }

  function svgEl(tag, attrs, children) {
    return fill(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  // columns: [{label, unit, numeric}]; rows: [{cells: [text | Node], className}]. The first cell
  // of a row is its header.
  function dataTable(columns, rows) {
    const numeric = (i) => (columns[i].numeric ? 'num' : null);
    const head = el('tr', null, columns.map((c, i) => el('th', { scope: 'col', class: numeric(i) },
      [c.label, c.unit ? el('span', { class: 'unit', text: c.unit }) : null])));
    const body = rows.map((row) => el('tr', { class: row.className }, row.cells.map((cell, i) => {
      return i === 0 ? el('th', { scope: 'row' }, [cell]) : el('td', { class: numeric(i) }, [cell]);
    })));
    const table = el('table', null, [el('thead', null, [head]), el('tbody', null, body)]);
    return el('div', { class: 'table-wrap' }, [table]);
  }

  // A table of records, one column per spec {key, kind, label, value?(record), flagNegative?}
  // ('text' kinds as written); numbers in one unit per column, null as "–"; a column no record
  // has (undefined throughout) is left out.
  function recordTable(records, specs) {
    const valueOf = (spec, r) => spec.value ? spec.value(r) : r[spec.key];
    const present = specs.filter((s) => records.some((r) => valueOf(s, r) !== undefined));
    const scales = present.map((s) => {
      return s.kind === 'text' ? null : pickScale(s.kind, records.map((r) => valueOf(s, r)));
    });
    const columns = present.map((s, i) => {
      return { label: s.label, unit: scales[i] ? scales[i].unit : '', numeric: scales[i] !== null };
    });
    const rows = records.map((r) => ({ cells: present.map((s, i) => tableCell(s, valueOf(s, r), scales[i])) }));
    return dataTable(columns, rows);
  }

  function tableCell(spec, v, scale) {
    if (!scale) return v === null || v === undefined ? t('no_value') : v instanceof Node ? v : String(v);
    const text = scaled(scale, v);
    return spec.flagNegative && isNum(v) && v < 0 ? el('span', { class: 'bad', text }) : text;
  }

  function figureImage(src, alt, captionParts) {
    const parts = captionParts.map((part, i) => (i === 0 ? el('strong', { text: part }) : ' · ' + part));
    const caption = parts.length ? el('figcaption', null, parts) : null;
    return el('figure', { class: 'snapshot' }, [el('img', { src, alt, loading: 'eager' }), caption]);
  }

  // ---------------------------------------------------------------- colours

  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf',
    '#bcbd22', '#393b79', '#ad494a', '#637939'];
  const BASELINE_COLOUR = '#7f7f7f';
  const KIND_COLOURS = {
    pump: '#4e79a7', fan: '#76b7b2', compressor: '#59a14f', air_compressor: '#59a14f', conveyor: '#edc948',
    machine_tool: '#b07aa1', mixer: '#9d7660', lighting: '#ff9da7', hvac: '#9c755f', office: '#bab0ac',
    plug: '#bab0ac', process: '#e15759', process_heat: '#e15759', ev_charging: '#86bcb6', ev: '#86bcb6',
    ev_charger: '#86bcb6', other: '#c7c7c7'
  };
  const EXTRA_KIND_COLOURS = ['#a0cbe8', '#ffbe7d', '#8cd17d', '#f1ce63', '#d4a6c8', '#fabfd2', '#d7b5a6'];
  const FLOW_COLOURS = {
    grid: '#475569', pv: '#f59e0b', battery: '#7c3aed', network: '#1d4ed8', losses: '#dc2626', export: '#059669'
  };

  function makeScenarioColours(data) {
    const compare = data.compare || {};
    const base = compare.baseline;
    const baseline = (base && typeof base === 'object' ? base.name : base) || 'baseline';
    const assigned = new Map([[baseline, BASELINE_COLOUR]]);
    const colourOf = (name) => {
      if (!assigned.has(name)) assigned.set(name, PALETTE[(assigned.size - 1) % PALETTE.length]);
      return assigned.get(name);
    };
    arrayOf(data.meta && data.meta.scenarios).forEach(colourOf);
    arrayOf(compare.scenarios).forEach((s) => { if (s) colourOf(s.name); });
    return { colourOf, baseline };
  }

  function kindColour(kind, index) {
    return KIND_COLOURS[kind] || EXTRA_KIND_COLOURS[index % EXTRA_KIND_COLOURS.length];
  }

  // Sankey node ids are "grid", "pv", ..., "building:W1", "kind:pump".
  function nodeColour(id, index) {
    const parts = String(id).split(':');
    if (parts[0] === 'kind') return kindColour(parts[1], index);
    if (parts[0] === 'building') return PALETTE[index % PALETTE.length];
    return FLOW_COLOURS[parts[0]] || PALETTE[index % PALETTE.length];
  }

  Object.assign(PT, { isNum, pickScale, formatNumber, withUnit, scaled, inUnit, fmt, fmtAuto, fmtTime,
    present, optionalTime, monthLabel, nonEmpty, arrayOf, sum, flatten, groupBy, withAlpha, el, svgEl,
    dataTable, recordTable, figureImage, FLOW_COLOURS, makeScenarioColours, kindColour, nodeColour });
})(window.ParkTwinReport = window.ParkTwinReport || {});
