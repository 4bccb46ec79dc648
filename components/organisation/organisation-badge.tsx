/** An organisation's name beside its pool colour; the colour is decoration, the name carries the meaning. */
export function OrganisationBadge({ name, colour }: { name: string; colour: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border border-gray-500" style={{ backgroundColor: colour }} />
      {name}
    </span>
  );
}

export function OrganisationBadges({ organisations }: { organisations: { id: string; name: string; colour: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {organisations.map((o) => (
        <li key={o.id}>
          <OrganisationBadge name={o.name} colour={o.colour} />
        </li>
      ))}
    </ul>
  );
}
