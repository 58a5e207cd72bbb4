// ECharts with only what the statistics view uses: bar charts, the SVG renderer, and the aria
// component (a text description of each chart, and decal patterns so that bars are told apart
// without colour). Loaded when the statistics view is first shown.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** A horizontal bar chart of `items` ([label, value]) in `container`. */
export function drawBar(container, { title, unit, items, locale }) {
  const chart = echarts.init(container, null, { renderer: 'svg', locale: locale === 'en' ? 'EN' : 'ZH' });
  chart.setOption({
    aria: { enabled: true, label: { description: title }, decal: { show: true } },
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}：${p.value}${unit || ''}` },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333' } },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i[0]), axisLabel: { color: '#1a1a1a', width: 160, overflow: 'truncate' } },
    series: [{
      type: 'bar', data: items.map((i) => i[1]), itemStyle: { color: '#0b5cad' },
      label: { show: true, position: 'right', color: '#1a1a1a', formatter: (p) => String(p.value) },
    }],
  });
  return chart;
}

export function resizeAll(charts) {
  for (const c of charts) c.resize();
}
