import { lazy } from 'react';

// recharts is about 100 KB gzipped, so the chart is a chunk of its own. The download starts as soon
// as a page imports this module, alongside the page's queries, rather than after the data arrives.
const chartModule = import('./CumulativeChart');

export const CumulativeChart = lazy(() => chartModule.then((module) => ({ default: module.CumulativeChart })));
