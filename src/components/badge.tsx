/** The colours a badge comes in: a light background with dark text of the same hue (contrast above 7:1). */
const TONES = {
  green: "bg-green-100 text-green-900",
  slate: "bg-slate-200 text-slate-900",
  red: "bg-red-100 text-red-900",
  brand: "bg-brand-50 text-brand-900",
  sky: "bg-sky-100 text-sky-900",
  amber: "bg-amber-100 text-amber-900",
} as const;

export type BadgeTone = keyof typeof TONES;

/** A small status label ("aktywna", "zablokowany", "w toku"…), the same look on every screen. */
export function Badge({ tone, className, children }: { tone: BadgeTone; className?: string; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${TONES[tone]}${className ? ` ${className}` : ""}`}>{children}</span>;
}
