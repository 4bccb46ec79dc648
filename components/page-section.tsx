import type { ReactNode } from 'react';

type Props = {
  /** The section is named by its heading, whose id is this. */
  headingId: string;
  heading: ReactNode;
  /** A link or button beside the heading (e.g. "create"); nothing when falsy. */
  action?: ReactNode;
  /** Space above the section. */
  className?: string;
  children: ReactNode;
};

/** A titled part of a screen: a landmark region named by its h2. */
export function PageSection({ headingId, heading, action, className = 'mt-10', children }: Props) {
  const title = (
    <h2 id={headingId} className="text-2xl font-semibold">
      {heading}
    </h2>
  );
  return (
    <section aria-labelledby={headingId} className={className}>
      {action ? <div className="flex flex-wrap items-baseline justify-between gap-4">{title}{action}</div> : title}
      {children}
    </section>
  );
}
