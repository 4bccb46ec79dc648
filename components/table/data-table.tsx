import type { ReactNode } from 'react';

type Props = {
  /** Read by screen readers only: what the table lists. */
  caption: string;
  /** Column headings; a falsy entry is a column that is not shown (e.g. actions for non-admins). */
  columns: (ReactNode | false | undefined)[];
  /** Space above the table. */
  className?: string;
  /** The rows. */
  children: ReactNode;
};

/**
 * The house list table: hidden caption, a heading row, rows given by the caller. On a phone a wide
 * table scrolls sideways inside its own box instead of widening the whole page (and its header).
 */
export function DataTable({ caption, columns, className = 'mt-3', children }: Props) {
  const shown = columns.filter((c) => c !== false && c !== undefined);
  return (
    <div className={`${className} overflow-x-auto`}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            {shown.map((heading, i) => (
              <th key={i} scope="col" className={i === shown.length - 1 ? 'py-2' : 'py-2 pr-4'}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
