/*
 * parktwin report (after report_charts.js): the charts drawn as SVG, the marginal abatement cost
 * curve (in the economics section, report_overview.js) and the energy-flow Sankey diagrams.
 */
(function (PT) {
  'use strict';

  const { t, isNum, formatNumber, withUnit, fmt, nonEmpty, arrayOf, sum, groupBy, el, svgEl, nodeColour,
    trackSvg, addSection, collapsible } = PT;

  // ---------------------------------------------------------------- 4b. marginal abatement cost curve (SVG)

  const MAC = {
    width: 1000, height: 560, left: 96, right: 24, top: 20, bottom: 72, labelRoom: 170, labelGap: 17
  };

  function macEntries(scenarios) {
    return scenarios.map((s) => ({
      name: s.name, cost: s.economics.abatement_cost_cny_per_t, co2: s.economics.co2_avoided_t_per_year
    })).filter((e) => isNum(e.cost) && isNum(e.co2) && e.co2 > 0).sort((a, b) => a.cost - b.cost);
  }

  function macCurve(ctx, parent, scenarios) {
    const entries = macEntries(scenarios);
    if (!entries.length) return;
    const node = svgEl('svg', {
      viewBox: `0 0 ${MAC.width} ${MAC.height}`, class: 'svg-chart mac', role: 'img', 'aria-label': t('mac_title')
    });
    parent.appendChild(el('figure', { class: 'chart-card wide' },
      [el('h3', { text: t('mac_title') }), el('p', { class: 'note', text: t('mac_note') }), node]));
    const g = macGeometry(entries);
    macAxes(node, g);
    macBars(ctx, node, entries, g);
    trackSvg(ctx, node);
  }

  // Names sit across the axis from their bar (above it for savings, below it for costs), so the
  // plot keeps `labelRoom` on each side that has such names.
  function macGeometry(entries) {
    const costs = entries.map((e) => e.cost);
    const hi = Math.max.apply(null, [0].concat(costs));
    const lo = Math.min.apply(null, [0].concat(costs));
    const plotH = MAC.height - MAC.top - MAC.bottom;
    const roomUp = lo < 0 ? MAC.labelRoom : 0;
    const roomDown = hi > 0 ? MAC.labelRoom : 0;
    const k = Math.min(plotH / ((hi - lo) || 1),
      lo < 0 ? (plotH - roomUp) / -lo : Infinity, hi > 0 ? (plotH - roomDown) / hi : Infinity);
    const zeroY = MAC.top + Math.max(hi * k, roomUp);
    const total = sum(entries.map((e) => e.co2));
    const plotW = MAC.width - MAC.left - MAC.right;
    return {
      x: (v) => MAC.left + v / total * plotW,
      y: (v) => zeroY - v * k,
      total, zeroY, bottom: MAC.top + plotH,
      yTop: (zeroY - MAC.top) / k, yBottom: -(MAC.top + plotH - zeroY) / k
    };
  }

  function niceTicks(lo, hi, count) {
    const raw = (hi - lo) / count || 1;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
    const ticks = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
      ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return ticks;
  }

  function macAxes(node, g) {
    const right = MAC.width - MAC.right;
    niceTicks(g.yBottom, g.yTop, 7).forEach((v) => {
      const y = g.y(v);
      node.appendChild(svgEl('line', { x1: MAC.left, x2: right, y1: y, y2: y, class: v === 0 ? 'zero' : 'grid' }));
      const label = formatNumber(v, 0);
      node.appendChild(svgEl('text', { x: MAC.left - 8, y: y + 5, class: 'tick', 'text-anchor': 'end', text: label }));
    });
    niceTicks(0, g.total, 8).forEach((v) => {
      const x = g.x(v);
      node.appendChild(svgEl('line', { x1: x, x2: x, y1: g.bottom, y2: g.bottom + 6, class: 'axis' }));
      const label = formatNumber(v, g.total < 10 ? 1 : 0);
      node.appendChild(svgEl('text', { x, y: g.bottom + 24, class: 'tick', 'text-anchor': 'middle', text: label }));
    });
    node.appendChild(svgEl('line', { x1: MAC.left, x2: right, y1: g.bottom, y2: g.bottom, class: 'axis' }));
    node.appendChild(svgEl('line', { x1: MAC.left, x2: MAC.left, y1: MAC.top, y2: g.bottom, class: 'axis' }));
    node.appendChild(svgEl('text', {
      x: (MAC.left + right) / 2, y: MAC.height - 12, class: 'axis-title', 'text-anchor': 'middle',
      text: t('mac_x', { unit: t('unit_t_per_a') })
    }));
    const yMid = (MAC.top + g.bottom) / 2;
    node.appendChild(svgEl('text', {
      x: 22, y: yMid, class: 'axis-title', 'text-anchor': 'middle', transform: 'rotate(-90 22 ' + yMid + ')',
      text: t('mac_y', { unit: t('unit_cny_per_t') })
    }));
  }

  function macBars(ctx, node, entries, g) {
    let cumulative = 0;
    const lastLabel = { up: -Infinity, down: -Infinity };
    entries.forEach((e) => {
      const x0 = g.x(cumulative);
      const x1 = g.x(cumulative + e.co2);
      cumulative += e.co2;
      const top = Math.min(g.y(e.cost), g.zeroY);
      const tip = e.name + ': ' + fmt('money_per_t', e.cost) + ', ' + fmt('mass_rate', e.co2);
      node.appendChild(svgEl('rect', {
        x: x0, y: top, width: Math.max(1, x1 - x0 - 1), height: Math.max(1, Math.abs(g.y(e.cost) - g.zeroY)),
        fill: ctx.colours.colourOf(e.name), class: 'bar'
      }, [svgEl('title', { text: tip })]));
      const side = e.cost < 0 ? 'up' : 'down';
      const lx = Math.max((x0 + x1) / 2, lastLabel[side] + MAC.labelGap);
      lastLabel[side] = lx;
      const ly = side === 'up' ? g.zeroY - 8 : g.zeroY + 8;
      node.appendChild(svgEl('text', {
        x: lx + 5, y: ly, class: 'bar-label', 'text-anchor': side === 'up' ? 'start' : 'end',
        transform: 'rotate(-90 ' + (lx + 5) + ' ' + ly + ')', text: e.name
      }));
    });
  }

  // ---------------------------------------------------------------- 8. energy flow (SVG sankey)

  const SANKEY = {
    width: 1000, nodeWidth: 18, labelRoom: 220, gap: 14, pad: 12, rowHeight: 46, minHeight: 380
  };

  function renderSankey(ctx) {
    const entries = arrayOf(ctx.data.sankey).filter((s) => s && nonEmpty(s.nodes) && nonEmpty(s.links))
      .map((s) => ({ scenario: s.scenario, layout: sankeyLayout(s) }))
      .filter((s) => s.layout.nodes.length > 0);
    if (!entries.length) return;
    const section = addSection(ctx, 'sankey', 'sec_sankey', t('sankey_note'));
    entries.forEach((entry, i) => {
      const holder = entries.length > 1 ? collapsible(ctx, section, entry.scenario, i === 0) : section;
      const node = drawSankey(entry.layout, entry.scenario);
      holder.appendChild(el('div', { class: 'svg-box' }, [node]));
      trackSvg(ctx, node);
    });
  }

  // Nodes that carry energy, each with its links in and out and its value (the larger side).
  function sankeyGraph(entry) {
    const byId = new Map();
    entry.nodes.forEach((n, i) => {
      if (!n || n.id === undefined) return;
      byId.set(n.id, {
        id: n.id, label: n.label || String(n.id), column: isNum(n.column) ? n.column : 0, index: i,
        inflow: 0, outflow: 0, ins: [], outs: []
      });
    });
    const links = [];
    entry.links.forEach((l) => {
      const source = l && byId.get(l.source);
      const target = l && byId.get(l.target);
      if (!source || !target || !isNum(l.kwh) || l.kwh <= 0) return;
      const link = { source, target, kwh: l.kwh };
      source.outflow += l.kwh;
      target.inflow += l.kwh;
      source.outs.push(link);
      target.ins.push(link);
      links.push(link);
    });
    const nodes = Array.from(byId.values()).filter((n) => n.inflow > 0 || n.outflow > 0);
    nodes.forEach((n) => { n.value = Math.max(n.inflow, n.outflow); });
    return { nodes, links };
  }

  function sankeyLayout(entry) {
    const graph = sankeyGraph(entry);
    const columns = groupBy(graph.nodes, (n) => n.column).sort((a, b) => a.key - b.key);
    const tallest = Math.max.apply(null, [0].concat(columns.map((c) => c.items.length)));
    const height = Math.max(SANKEY.minHeight, tallest * SANKEY.rowHeight);
    const inner = height - 2 * SANKEY.pad;
    const k = Math.min.apply(null, columns.map((c) => {
      return (inner - SANKEY.gap * (c.items.length - 1)) / sum(c.items.map((n) => n.value));
    }));
    const step = (SANKEY.width - SANKEY.nodeWidth - SANKEY.labelRoom) / Math.max(1, columns.length - 1);
    columns.forEach((column, rank) => { placeColumn(column.items, rank * step, k, height); });
    graph.nodes.forEach((n) => { placeLinkEnds(n, k); });
    return { nodes: graph.nodes, links: graph.links, height };
  }

  function placeColumn(nodes, x, k, height) {
    const heights = nodes.map((n) => Math.max(2, n.value * k));
    let y = (height - sum(heights) - SANKEY.gap * (nodes.length - 1)) / 2;
    nodes.forEach((n, i) => {
      n.x = x;
      n.y = y;
      n.h = heights[i];
      y += n.h + SANKEY.gap;
    });
  }

  // Where each link leaves and enters its nodes: stacked in the order of the far ends, centred.
  function placeLinkEnds(n, k) {
    n.outs.sort((a, b) => a.target.y - b.target.y);
    let y = n.y + (n.h - n.outflow * k) / 2;
    n.outs.forEach((l) => { l.width = l.kwh * k; l.sy = y; y += l.width; });
    n.ins.sort((a, b) => a.source.y - b.source.y);
    y = n.y + (n.h - n.inflow * k) / 2;
    n.ins.forEach((l) => { l.ty = y; y += l.kwh * k; });
  }

  function ribbonPath(l) {
    const x0 = l.source.x + SANKEY.nodeWidth;
    const x1 = l.target.x;
    const xm = (x0 + x1) / 2;
    const w = Math.max(0.5, l.width);
    return `M${x0},${l.sy}C${xm},${l.sy} ${xm},${l.ty} ${x1},${l.ty}` +
      `L${x1},${l.ty + w}C${xm},${l.ty + w} ${xm},${l.sy + w} ${x0},${l.sy + w}Z`;
  }

  function mwh(kwh) {
    const v = kwh / 1000;
    return withUnit(formatNumber(v, Math.abs(v) >= 100 ? 0 : 1), 'MWh');
  }

  function drawSankey(layout, scenario) {
    const node = svgEl('svg', {
      viewBox: '-4 0 ' + (SANKEY.width + 8) + ' ' + layout.height, class: 'svg-chart sankey', role: 'img',
      'aria-label': t('sec_sankey') + ' — ' + scenario
    });
    const links = svgEl('g', { class: 'links' });
    layout.links.forEach((l) => {
      const tip = svgEl('title', { text: l.source.label + ' → ' + l.target.label + ': ' + mwh(l.kwh) });
      const colour = nodeColour(l.source.id, l.source.index);
      links.appendChild(svgEl('path', { d: ribbonPath(l), fill: colour, class: 'link' }, [tip]));
    });
    node.appendChild(links);
    layout.nodes.forEach((n) => { node.appendChild(sankeyNode(n)); });
    return node;
  }

  function sankeyNode(n) {
    const tip = svgEl('title', { text: n.label + ': ' + mwh(n.value) });
    const label = svgEl('text', { x: n.x + SANKEY.nodeWidth + 6, y: n.y + n.h / 2 + 5, class: 'node-label' }, [
      svgEl('tspan', { class: 'name', text: n.label + ' ' }), svgEl('tspan', { class: 'value', text: mwh(n.value) })
    ]);
    const colour = nodeColour(n.id, n.index);
    const bar = svgEl('rect', { x: n.x, y: n.y, width: SANKEY.nodeWidth, height: n.h, fill: colour }, [tip]);
    return svgEl('g', { class: 'node' }, [bar, label]);
  }

  Object.assign(PT, { macCurve, renderSankey });
})(window.ParkTwinReport = window.ParkTwinReport || {});
