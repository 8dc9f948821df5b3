import 'server-only';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

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
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height, locale: locale.startsWith('zh') ? 'ZH' : 'EN' });
  let svg: string;
  try {
    chart.setOption({ animation: false, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
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
