/**
 * The app's typefaces. Geist Sans is preloaded (all text); Geist Mono (numbers, case marks, RPW
 * numbers) is not: most pages — the public BIP above all — show little of it, and preloading it
 * cost every first visit 72 KB before the largest paint. It loads when a page uses it.
 */
import localFont from "next/font/local";

export { GeistSans } from "geist/font/sans";

export const GeistMono = localFont({
  src: "../../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  preload: false,
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Roboto Mono", "Menlo", "Monaco", "Liberation Mono", "DejaVu Sans Mono", "Courier New", "monospace"],
  weight: "100 900",
});
