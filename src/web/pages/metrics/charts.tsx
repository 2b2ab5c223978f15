import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// only the charts the statistics pages draw: this module is in their lazy chunk, never in the portal's
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

/**
 * One ECharts instance bound to a div: created on mount, given each new option, resized with its box,
 * disposed on unmount. (echarts-for-react's ESM build imports tslib, which is not installed at the top
 * level here, so the binding is these few lines instead.)
 */
export function Chart({ option, height = 300, testId, dark }: { option: EChartsOption; height?: number; testId?: string; dark?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current!;
    const instance = echarts.init(el, dark ? 'dark' : undefined);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option, dark]);
  return <div ref={ref} data-testid={testId} style={{ height, width: '100%' }} />;
}
export type { EChartsOption };
