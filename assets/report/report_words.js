/*
 * parktwin report: draws the offline HTML report from the JSON embedded in the page
 * (<script type="application/json" id="parktwin-data">) into <div id="report">.
 * Runs after Chart.js 3 (global Chart). Leaves on <html> data-status ("ok" or "error: ..."),
 * data-charts-expected and data-charts-rendered, which tests/app/report_browser_check.sh reads.
 *
 * The script is the files report_words, _format, _charts, _svg, _overview, _sections and _main
 * (.js), concatenated in that order into one <script> (assets/report/README.md). Each file is a
 * function that adds what the later ones use to one object, window.ParkTwinReport (PT), and takes
 * what it uses from the earlier ones.
 *
 * This file, the first: records script errors (from here on), then the English/Chinese words.
 */
(function (PT) {
  'use strict';

  // ---------------------------------------------------------------- errors

  // Installed by the first file, so that an error anywhere after it, while the later files load or
  // while the report is drawn, is recorded.
  const root = document.documentElement;
  let firstError = null;

  function recordError(message) {
    if (firstError === null) firstError = String(message);
    root.dataset.status = 'error: ' + firstError;
  }

  function hasError() {
    return firstError !== null;
  }

  window.onerror = (message) => {
    recordError(message);
  };
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    recordError(reason && reason.message ? reason.message : reason);
  });
  root.dataset.status = 'rendering';

  // ---------------------------------------------------------------- words

  const STRINGS = {
    en: {
      report_title: 'Energy report', eyebrow: 'Industrial park energy digital twin',
      period: 'Period', step: '{n}-minute steps', generated: 'Generated', results_file: 'Results file',
      version: 'Version', scenarios: 'Scenarios', contents: 'Contents',
      sec_glance: 'The park at a glance', sec_kpi: 'Scenario comparison', sec_economics: 'Economics',
      sec_monthly: 'Monthly energy and cost', sec_ldc: 'Load duration curves', sec_profiles: 'Typical days',
      sec_sankey: 'Energy flow', sec_motors: 'Motor efficiency',
      sec_network: 'Network limits and demand response', sec_snapshots: 'Before and after',
      snapshot_alt: '3D view of the park', glance_note: 'Energy and cost are totals over the simulated period.',
      card_buildings: 'Buildings', card_motors: 'Motors', card_loads: 'Loads', card_transformers: 'Transformers',
      card_pv_arrays: 'PV arrays', card_pv_kwp: 'Installed PV', card_demand_kwh: 'Energy demand',
      card_cost_cny: 'Total energy cost',
      scenario: 'Scenario', unchanged: 'unchanged',
      kpi_grid_import_kWh: 'Grid import', kpi_pv_kWh: 'PV generation', kpi_cost_CNY: 'Total energy cost',
      kpi_peak_demand_kW: 'Peak demand', kpi_co2_t: 'CO₂ emissions',
      kpi_pv_self_consumption_pct: 'PV self-consumption',
      kpi_pv_shading_loss_kWh: 'PV shading loss',
      kpi_note: 'Second line: change against the baseline ({name}); green is better, red is worse.',
      chart_cost_co2: 'Total energy cost and CO₂ emissions per scenario',
      eco_investment_cny: 'Investment', eco_annual_savings_cny: 'Annual savings', eco_npv_cny: 'Net present value',
      eco_irr_pct: 'Internal rate of return', eco_simple_payback_years: 'Simple payback',
      eco_discounted_payback_years: 'Discounted payback', eco_abatement_cost_cny_per_t: 'Abatement cost',
      eco_co2_avoided_t_per_year: 'CO₂ avoided',
      eco_note: 'Discount rate {rate}, analysis period {years}, energy price escalation {esc} a year.',
      eco_null_note: '“–”: the figure does not exist (for example, no payback within the analysis period).',
      mac_title: 'Marginal abatement cost curve',
      mac_note: 'Each bar is a scenario: its width is the CO₂ it avoids a year, its height what each tonne avoided ' +
        'costs. Bars below the axis cut emissions and save money.',
      mac_x: 'CO₂ avoided ({unit})', mac_y: 'Abatement cost ({unit})',
      chart_monthly_grid: 'Grid import per month', chart_monthly_pv: 'PV generation per month',
      chart_monthly_cost: 'Total energy cost per month',
      axis_month: 'Month', axis_energy: 'Energy ({unit})', axis_cost: 'Cost ({unit})', axis_power: 'Power ({unit})',
      axis_co2: 'CO₂ ({unit})', axis_hours: 'Hours of the period, sorted by grid import',
      axis_hour_of_day: 'Hour of day',
      axis_motor_gap: 'Operating efficiency minus class minimum (points)', axis_motor_count: 'Number of motors',
      ldc_title: 'Grid import, highest hour first',
      ldc_note: 'Each curve sorts the grid import of every hour of the period from highest to lowest.',
      season_spring: 'Spring', season_summer: 'Summer', season_autumn: 'Autumn', season_winter: 'Winter',
      day_workday: 'Workday', day_weekend: 'Weekend',
      flow_pv: 'PV', flow_battery: 'Battery', flow_grid: 'Grid import',
      kind_pump: 'Pumps', kind_fan: 'Fans', kind_compressor: 'Compressors', kind_air_compressor: 'Air compressors',
      kind_conveyor: 'Conveyors', kind_machine_tool: 'Machine tools', kind_mixer: 'Mixers', kind_lighting: 'Lighting',
      kind_hvac: 'HVAC', kind_office: 'Office', kind_plug: 'Plug loads', kind_process: 'Process loads',
      kind_process_heat: 'Process heat', kind_ev_charging: 'EV charging', kind_ev: 'EV charging',
      kind_ev_charger: 'EV chargers', kind_other: 'Other',
      profiles_note: 'The average day of each season: demand by kind as stacked areas; PV, battery and grid as lines.',
      sankey_note: 'Energy over the whole period, MWh.',
      motors_hist_title: 'Operating efficiency against the minimum of the efficiency class',
      motors_worst: 'Motors furthest below their class',
      mot_id: 'ID', mot_name: 'Name', mot_building: 'Building', mot_rated_kw: 'Rated power',
      mot_efficiency_pct: 'Efficiency', mot_class: 'Class', mot_class_min_pct: 'Class minimum', mot_gap_pts: 'Gap',
      mot_load_pct: 'Load',
      limits_title: 'Network limits exceeded', lim_kind: 'Type', lim_id: 'Element', lim_worst: 'Worst value',
      lim_steps: 'Time steps', lim_worst_time: 'Worst at', limits_none: 'No network limit was exceeded.',
      elem_bus: 'Bus', elem_transformer: 'Transformer', elem_cable: 'Cable',
      dr_title: 'Demand response events', dr_id: 'Event', dr_start: 'Start', dr_requested: 'Requested',
      dr_delivered: 'Delivered', dr_share: 'Delivered share', dr_lowest: 'Lowest reduction',
      dr_none: 'No demand response events.',
      sec_variants: 'Variants and sizes', variant: 'Variant', variant_status: 'Status',
      variants_note: '{n} variants; the {m} with the highest net present value.',
      variants_chart: 'Net present value of each variant', variants_all: 'Variants', variants_best: 'Highest NPV',
      axis_npv: 'Net present value ({unit})',
      unit_t: 't', unit_t_per_a: 't/a', unit_years: 'a', unit_pts: 'pts', unit_cny_per_t: 'CNY/t', unit_kwp: 'kWp',
      unit_pct: '%', no_value: '–', render_error: 'This section could not be drawn: {msg}'
    },
    zh: {
      report_title: '能源报告', eyebrow: '工业园区能源数字孪生',
      period: '时段', step: '步长 {n} 分钟', generated: '生成时间', results_file: '结果文件',
      version: '版本', scenarios: '情景数', contents: '目录',
      sec_glance: '园区概览', sec_kpi: '情景对比', sec_economics: '经济性分析',
      sec_monthly: '月度电量与电费', sec_ldc: '负荷持续曲线', sec_profiles: '典型日负荷',
      sec_sankey: '能流图', sec_motors: '电机效率',
      sec_network: '网络越限与需求响应', sec_snapshots: '改造前后对比',
      snapshot_alt: '园区三维视图', glance_note: '用电量与电费为模拟时段内的合计值。',
      card_buildings: '建筑', card_motors: '电机', card_loads: '负荷', card_transformers: '变压器',
      card_pv_arrays: '光伏阵列', card_pv_kwp: '光伏装机容量', card_demand_kwh: '用电量',
      card_cost_cny: '总电费',
      scenario: '情景', unchanged: '无变化',
      kpi_grid_import_kWh: '电网购电', kpi_pv_kWh: '光伏发电', kpi_cost_CNY: '总电费',
      kpi_peak_demand_kW: '最大需量', kpi_co2_t: 'CO₂ 排放', kpi_pv_self_consumption_pct: '光伏自用率',
      kpi_pv_shading_loss_kWh: '光伏遮挡损失',
      kpi_note: '第二行为相对基准情景（{name}）的变化：绿色表示改善，红色表示变差。',
      chart_cost_co2: '各情景总电费与 CO₂ 排放',
      eco_investment_cny: '投资', eco_annual_savings_cny: '年节省费用', eco_npv_cny: '净现值',
      eco_irr_pct: '内部收益率', eco_simple_payback_years: '静态投资回收期',
      eco_discounted_payback_years: '动态投资回收期', eco_abatement_cost_cny_per_t: '减排成本',
      eco_co2_avoided_t_per_year: '年减排量',
      eco_note: '折现率 {rate}，分析期 {years}，电价年上涨率 {esc}。',
      eco_null_note: '“–”表示该值不存在（例如在分析期内无法收回投资）。',
      mac_title: '边际减排成本曲线',
      mac_note: '每个柱代表一个情景：宽度为年减排量，高度为每吨减排成本。位于横轴下方的情景在减排的同时节省费用。',
      mac_x: '年减排量（{unit}）', mac_y: '减排成本（{unit}）',
      chart_monthly_grid: '月度电网购电量', chart_monthly_pv: '月度光伏发电量', chart_monthly_cost: '月度总电费',
      axis_month: '月份', axis_energy: '电量（{unit}）', axis_cost: '电费（{unit}）', axis_power: '功率（{unit}）',
      axis_co2: 'CO₂（{unit}）', axis_hours: '小时数（按电网购电功率降序排列）', axis_hour_of_day: '时刻（时）',
      axis_motor_gap: '运行效率减能效等级下限（百分点）', axis_motor_count: '电机台数',
      ldc_title: '电网购电功率（从高到低）',
      ldc_note: '每条曲线将模拟时段内各小时的电网购电功率从高到低排列。',
      season_spring: '春季', season_summer: '夏季', season_autumn: '秋季', season_winter: '冬季',
      day_workday: '工作日', day_weekend: '周末',
      flow_pv: '光伏发电', flow_battery: '储能', flow_grid: '电网购电',
      kind_pump: '水泵', kind_fan: '风机', kind_compressor: '压缩机', kind_air_compressor: '空压机',
      kind_conveyor: '输送机', kind_machine_tool: '机床', kind_mixer: '搅拌机', kind_lighting: '照明',
      kind_hvac: '暖通空调', kind_office: '办公', kind_plug: '插座负荷', kind_process: '工艺负荷',
      kind_process_heat: '工艺加热', kind_ev_charging: '电动汽车充电', kind_ev: '电动汽车充电',
      kind_ev_charger: '充电桩', kind_other: '其他',
      profiles_note: '各季节典型日的平均功率：堆叠面积为各类用电负荷，折线为光伏、储能与电网购电功率。',
      sankey_note: '整个模拟时段内的能量流向，单位 MWh。',
      motors_hist_title: '电机运行效率与能效等级下限之差',
      motors_worst: '低于能效等级下限最多的电机',
      mot_id: '编号', mot_name: '名称', mot_building: '所在建筑', mot_rated_kw: '额定功率',
      mot_efficiency_pct: '运行效率', mot_class: '能效等级', mot_class_min_pct: '等级下限', mot_gap_pts: '差值',
      mot_load_pct: '负载率',
      limits_title: '网络越限', lim_kind: '类型', lim_id: '元件', lim_worst: '最严重值',
      lim_steps: '越限时段数', lim_worst_time: '最严重时刻', limits_none: '无网络越限。',
      elem_bus: '母线', elem_transformer: '变压器', elem_cable: '电缆',
      dr_title: '需求响应事件', dr_id: '事件', dr_start: '开始时间', dr_requested: '要求削减电量',
      dr_delivered: '实际削减电量', dr_share: '完成率', dr_lowest: '最低削减功率',
      dr_none: '无需求响应事件。',
      sec_variants: '方案与容量比选', variant: '方案', variant_status: '状态',
      variants_note: '共 {n} 个方案；列出净现值最高的 {m} 个。',
      variants_chart: '各方案净现值', variants_all: '方案', variants_best: '净现值最高',
      axis_npv: '净现值（{unit}）',
      unit_t: '吨', unit_t_per_a: '吨/年', unit_years: '年', unit_pts: '个百分点', unit_cny_per_t: '元/吨',
      unit_kwp: 'kWp', unit_pct: '%', no_value: '–', render_error: '本节无法绘制：{msg}'
    }
  };

  let lang = 'en';
  let locale = 'en-US';

  // The report's language from the data's meta.language: 'zh' or, for anything else, 'en'.
  function setLanguage(code) {
    lang = code === 'zh' ? 'zh' : 'en';
    locale = lang === 'zh' ? 'zh-CN' : 'en-US';
    return lang;
  }

  function currentLanguage() {
    return lang;
  }

  function currentLocale() {
    return locale;
  }

  function t(key, vars) {
    let text = STRINGS[lang][key];
    if (text === undefined) text = STRINGS.en[key] !== undefined ? STRINGS.en[key] : key;
    Object.keys(vars || {}).forEach((name) => {
      text = text.split('{' + name + '}').join(vars[name]);
    });
    return text;
  }

  // A translation where there is one, else the fallback as given (keys from the data).
  function tOr(key, fallback) {
    return STRINGS[lang][key] !== undefined ? STRINGS[lang][key] : fallback;
  }

  Object.assign(PT, { root, recordError, hasError, setLanguage, currentLanguage, currentLocale, t, tOr });
})(window.ParkTwinReport = window.ParkTwinReport || {});
