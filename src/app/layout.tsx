import type { Metadata, Viewport } from "next";
import { HydrationMark } from "@/components/hydration-mark";
import { I18nProvider } from "@/components/i18n-provider";
import { getLocale } from "@/server/i18n";
import { GeistMono, GeistSans } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Obieg", template: "%s · Obieg" },
  description: "Obieg — elektroniczne zarządzanie dokumentacją urzędu.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1a3f99" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">
        <I18nProvider locale={locale}>{children}</I18nProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
