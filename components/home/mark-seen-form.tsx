/** "Markera som läst" on one home-page notification: a form posting one hidden id to a server action. */
export function MarkSeenForm({ action, field, value, label, ariaLabel }: { action: (formData: FormData) => Promise<void>; field: string; value: string; label: string; ariaLabel?: string }) {
  return (
    <form action={action}>
      <input type="hidden" name={field} value={value} />
      <button type="submit" aria-label={ariaLabel} className="rounded border border-gray-400 bg-white px-2.5 py-1 text-sm hover:bg-gray-100">
        {label}
      </button>
    </form>
  );
}
