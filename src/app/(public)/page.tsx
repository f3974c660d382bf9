import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const office = await (await getDb()).office.findUnique({ where: { id: 1 }, select: { name: true } });
  return { title: { absolute: office?.name ?? "Obieg" }, description: `${office?.name ?? "Urząd"} — dane kontaktowe, siedziba i oddziały.` };
}

/** The public front page: who the office is and where to find it (BIP and ESP pages build on it). */
export default async function PublicHome() {
  const db = await getDb();
  const [office, locations] = await Promise.all([
    db.office.findUnique({ where: { id: 1 } }),
    db.location.findMany({ where: { active: true }, orderBy: { sortKey: "asc" } }),
  ]);
  return (
    <div className="min-h-dvh bg-white">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4">
          <p className="text-xl font-semibold">{office?.name ?? "Obieg"}</p>
          <Link href="/logowanie" className="btn border border-white/60 text-white hover:bg-brand-800">
            Logowanie dla pracowników
          </Link>
        </div>
      </header>
      <main id="tresc" className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{office?.name ?? "Urząd"}</h1>
        {office && (
          <address className="mt-3 not-italic text-slate-800">
            {office.street}, {office.postalCode} {office.city}
            <br />
            {office.phone && <>tel. {office.phone}</>}
            {office.email && (
              <>
                {" · "}
                <a className="link" href={`mailto:${office.email}`}>
                  {office.email}
                </a>
              </>
            )}
          </address>
        )}
        <nav aria-label="Usługi dla mieszkańców" className="mt-6">
          <ul className="flex flex-wrap gap-3">
            <li>
              <Link href="/bip" className="btn-primary">
                Biuletyn Informacji Publicznej
              </Link>
            </li>
            <li>
              <Link href="/esp" className="btn-secondary">
                Elektroniczna Skrzynka Podawcza
              </Link>
            </li>
            <li>
              <Link href="/bip/jak-zalatwic-sprawe" className="btn-secondary">
                Jak załatwić sprawę
              </Link>
            </li>
          </ul>
        </nav>
        <h2 className="mt-8 text-xl font-semibold">Siedziba i oddziały</h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {locations.map((l) => (
            <li key={l.id} className="rounded-lg border border-slate-200 p-4">
              <p className="font-medium">{l.name}</p>
              <p className="text-sm text-slate-700">
                {l.street}, {l.postalCode} {l.city}
              </p>
              {l.phone && <p className="text-sm text-slate-700">tel. {l.phone}</p>}
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
