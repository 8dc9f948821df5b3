import 'server-only';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/**
 * Rendering a chart costs tens of milliseconds of server CPU; the dashboard's charts change only when its figures
 * do. So the SVG is kept per option (as JSON), size and locale, the least recently used dropped first. An option
 * holding a function (a formatter) cannot be keyed by its JSON and is always rendered.
 */
const rendered = new Map<string, string>();
const MAX_RENDERED = 64;

function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number, locale: 'ZH' | 'EN'): string {
  let keyable = true;
  const key = JSON.stringify([option, width, height, locale], (_k, v: unknown) => {
    if (typeof v === 'function') keyable = false;
    return v;
  });
  const hit = keyable ? rendered.get(key) : undefined;
  if (hit !== undefined) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height, locale });
  let svg: string;
  try {
    chart.setOption({ animation: false, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  if (keyable) {
    rendered.set(key, svg);
    while (rendered.size > MAX_RENDERED) rendered.delete(rendered.keys().next().value!);
  }
  return svg;
}

/**
 * An ECharts chart rendered to SVG on the server (tree-shaken `echarts/core`, SSR mode): no chart code reaches the
 * browser, the page paints the chart with its first HTML, and print gets crisp vectors. The numbers are in the
 * table beside every chart, which is also the chart's text alternative.
 */
export function ServerChart({
  option,
  width = 800,
  height = 320,
  locale,
  label,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  width?: number;
  height?: number;
  locale: string;
  label: string;
  testId?: string;
}) {
  const svg = renderSvg(option, width, height, locale.startsWith('zh') ? 'ZH' : 'EN');
  return (
    <div
      role="img"
      aria-label={label}
      data-testid={testId}
      data-rendered="true"
      className="w-full [&>svg]:h-auto [&>svg]:w-full"
      // ECharts' own SVG output from our options; no user text is interpolated unescaped (ECharts escapes labels)
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
