// What the analytics page draws besides bars and lines: the weekday × hour heat map (with
// its colour scale), the observed-against-configured odds dots, and legends.
import { HeatmapChart, ScatterChart } from 'echarts/charts';
import { LegendComponent, VisualMapContinuousComponent } from 'echarts/components';
import { use } from 'echarts/core';
import './echarts-setup.ts';

use([HeatmapChart, ScatterChart, VisualMapContinuousComponent, LegendComponent]);
