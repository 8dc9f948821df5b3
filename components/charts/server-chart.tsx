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

const SVG_FILLS_WIDTH = '[&>svg]:h-auto [&>svg]:w-full';

/** A second drawing of the chart for phones: its own size, and an option laid out for it (narrower margins). */
export interface CompactChart {
  option: echarts.EChartsCoreOption;
  width: number;
  height: number;
}

/**
 * An ECharts chart rendered to SVG on the server (tree-shaken `echarts/core`, SSR mode): no chart code reaches the
 * browser, the page paints the chart with its first HTML, and print gets crisp vectors. The numbers are in the
 * table beside every chart, which is also the chart's text alternative.
 *
 * The SVG scales to its container's width. Scaled down to a phone (about 320 px of card), a chart drawn for 800 px
 * would have 5 px text; so a chart may bring a `compact` drawing, shown below Tailwind's `sm` (640 px) instead.
 */
export function ServerChart({
  option,
  width = 800,
  height = 320,
  compact,
  locale,
  label,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  width?: number;
  height?: number;
  compact?: CompactChart;
  locale: string;
  label: string;
  testId?: string;
}) {
  const lang = locale.startsWith('zh') ? 'ZH' : 'EN';
  // ECharts' own SVG output from our options; no user text is interpolated unescaped (ECharts escapes labels)
  const svg = { __html: renderSvg(option, width, height, lang) };
  const frame = { role: 'img', 'aria-label': label, 'data-testid': testId, 'data-rendered': 'true' };
  if (!compact) return <div {...frame} className={`w-full ${SVG_FILLS_WIDTH}`} dangerouslySetInnerHTML={svg} />;
  const small = { __html: renderSvg(compact.option, compact.width, compact.height, lang) };
  return (
    <div {...frame} className="w-full">
      <div className={`hidden sm:block ${SVG_FILLS_WIDTH}`} dangerouslySetInnerHTML={svg} />
      <div className={`sm:hidden ${SVG_FILLS_WIDTH}`} data-compact dangerouslySetInnerHTML={small} />
    </div>
  );
}
