import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/server/auth/session";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** The staff app. Each page still checks its own permission (the layout only needs a session). */
export default async function OfficeLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const office = await (await getDb()).office.findUnique({ where: { id: 1 }, select: { name: true } });
  return (
    <AppShell actor={actor} officeName={office?.name ?? ""}>
      {children}
    </AppShell>
  );
}
