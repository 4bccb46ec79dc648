import Link from 'next/link';

/** A flow's row heading in a list table: its name, linking to the flow. */
export function FlowNameCell({ flow }: { flow: { id: string; name: string } }) {
  return (
    <th scope="row" className="py-2 pr-4 font-medium">
      <Link href={`/flows/${flow.id}`} className="text-brand underline hover:text-brand-dark">
        {flow.name}
      </Link>
    </th>
  );
}
