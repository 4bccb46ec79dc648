'use client';

/** Opens the browser's print dialog; the page's print CSS lays the matrix out on A4 landscape. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-gray-500 px-3 py-1.5 hover:bg-gray-100 print:hidden">
      {label}
    </button>
  );
}
