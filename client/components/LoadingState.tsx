import type { ReactNode } from 'react';

interface LoadingStateProps {
  /** What is loading, announced to screen readers. */
  label: string;
  /** A page's h1, first so the headings stay in order while the page loads. */
  heading?: ReactNode;
  className?: string;
  /** Grey shapes where the content will be, each `aria-hidden`: the label speaks for them. */
  children: ReactNode;
}

/** The place of content on its way: busy, with a status that says what is coming. */
export function LoadingState({ label, heading, className, children }: LoadingStateProps) {
  return (
    <div className={className} aria-busy="true">
      {heading}
      <p className="visually-hidden" role="status">
        {label}
      </p>
      {children}
    </div>
  );
}
