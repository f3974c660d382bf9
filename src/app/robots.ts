import type { MetadataRoute } from "next";
import { env } from "@/env";

/** Robots may read the BIP and the ESP's public pages; the staff application is off limits. */
export default function robots(): MetadataRoute.Robots {
  const base = env.APP_URL.replace(/\/+$/, "");
  return {
    rules: [
      {
        userAgent: "*",
        allow: ["/$", "/bip", "/esp", "/pki/"],
        disallow: [
          "/bip/szukaj",
          "/esp/konto",
          "/api/",
          "/logowanie",
          "/pulpit",
          "/profil",
          "/struktura",
          "/zastepstwa",
          "/admin",
          "/do-mnie",
          "/pisma",
          "/sprawy",
          "/kontakty",
          "/powiadomienia",
          "/poczta",
          "/podpisy",
        ],
      },
    ],
    sitemap: `${base}/sitemap.xml`,
    host: base,
  };
}
