import { lazy } from 'react';

// recharts is about 100 KB gzipped, so the chart is a chunk of its own, downloaded when a chart is
// first drawn: on a phone's connection, fetched with the page it would hold back the page's figures
// (their answers share the bandwidth, and its evaluation the main thread, before the headline shows).
export const CumulativeChart = lazy(() => import('./CumulativeChart').then((module) => ({ default: module.CumulativeChart })));
