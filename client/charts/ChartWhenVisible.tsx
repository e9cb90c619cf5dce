import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { ChartSkeleton } from './ChartSkeleton';

// Drawing charts is most of a page's main-thread work (recharts lays out every axis and tick in
// JavaScript), and a phone shows one chart at a time: a chart is drawn when its place comes within
// this margin of the viewport, before the reader reaches it.
const AHEAD = '400px 0px';

interface ChartWhenVisibleProps {
  /** The chart's own size class, for its place (see ChartSkeleton). */
  size?: string;
  /** The chart; it may suspend while its code arrives. */
  children: ReactNode;
}

/** A chart drawn once it comes near the viewport (or the page is printed); until then its place, as tall as the chart. */
export function ChartWhenVisible({ size, children }: ChartWhenVisibleProps) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !place.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), {
      rootMargin: AHEAD,
    });
    observer.observe(place.current);
    // A printed page holds every chart: drawn before the browser lays the page out for print.
    const print = () => flushSync(() => setNear(true));
    window.addEventListener('beforeprint', print);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', print);
    };
  }, [near]);
  if (!near) return <ChartSkeleton size={size} ref={place} />;
  return <Suspense fallback={<ChartSkeleton size={size} />}>{children}</Suspense>;
}
