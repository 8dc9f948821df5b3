'use client';

import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * One ECharts chart. ECharts is imported on mount (tree-shaken `echarts/core` with the few charts and components
 * used), so it reaches only the pages that draw a chart and never the server bundle. SVG rendering keeps charts
 * sharp when printed; the container's text alternative is the table that sits beside every chart.
 */
export function EChart({
  option,
  height = 320,
  locale,
  label,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  locale: string;
  /** what the chart shows, for screen readers */
  label: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: EChartsCoreOption): void; resize(): void; dispose(): void } | null = null;
    const onResize = () => chart?.resize();
    void (async () => {
      const [core, charts, components, renderers] = await Promise.all([
        import('echarts/core'),
        import('echarts/charts'),
        import('echarts/components'),
        import('echarts/renderers'),
      ]);
      core.use([
        charts.LineChart,
        charts.BarChart,
        components.GridComponent,
        components.TooltipComponent,
        components.LegendComponent,
        components.MarkLineComponent,
        renderers.SVGRenderer,
      ]);
      if (disposed || !ref.current) return;
      chart = core.init(ref.current, undefined, { renderer: 'svg', locale: locale.startsWith('zh') ? 'ZH' : 'EN' });
      chart.setOption(option);
      window.addEventListener('resize', onResize);
      ref.current.dataset.rendered = 'true';
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option, locale]);

  return <div ref={ref} role="img" aria-label={label} style={{ height }} className="w-full" data-testid={testId} />;
}
