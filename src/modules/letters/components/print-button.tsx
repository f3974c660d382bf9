"use client";

/** Opens the browser's print dialog (the page's print CSS leaves only the slip). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
