/**
 * Seeds the demo office into an empty database (never into one that has any office or user).
 * Every demo account gets the password DEMO_PASSWORD, each with its own salt.
 */
import type { PrismaClient } from "@prisma/client";
import { polishSortKey } from "@/lib/polish";
import { userKeys } from "@/modules/users/users.keys";
import { recordAudit } from "@/server/audit/audit";
import { hashPassword } from "@/server/auth/password";
import { SYSTEM_META } from "@/server/context";
import { DEMO_PASSWORD, departments, generatedUsers, locations, namedUsers, office, positions } from "./demo-data";
import { seedDemoApprovalPaths } from "./demo-approval";
import { seedDemoBip } from "./demo-bip";
import { seedDemoContacts } from "./demo-contacts";

export async function seedDemoIfEmpty(prisma: PrismaClient, now = new Date()): Promise<boolean> {
  const [offices, users] = await Promise.all([prisma.office.count(), prisma.user.count()]);
  if (offices > 0 || users > 0) return false;

  const people = [...namedUsers, ...generatedUsers()];
  const hashes = await Promise.all(people.map(() => hashPassword(DEMO_PASSWORD)));

  await prisma.$transaction(
    async (tx) => {
      await tx.office.create({ data: { id: 1, ...office } });
      const loc = new Map<string, string>();
      for (const l of locations) {
        const row = await tx.location.create({ data: { ...l, sortKey: `${l.kind === "SIEDZIBA" ? "0" : "1"} ${polishSortKey(l.name)}` } });
        loc.set(l.code, row.id);
      }
      const pos = new Map<string, string>();
      for (const p of positions) {
        const row = await tx.position.create({ data: { ...p, sortKey: polishSortKey(p.name) } });
        pos.set(p.name, row.id);
      }
      const dep = new Map<string, string>();
      for (const d of departments) {
        const row = await tx.department.create({
          data: {
            symbol: d.symbol,
            name: d.name,
            parentId: d.parent ? dep.get(d.parent) : null,
            locationId: loc.get(d.location),
            email: `${d.symbol.toLowerCase()}@${office.email.split("@")[1]}`,
            sortKey: polishSortKey(d.symbol),
          },
        });
        dep.set(d.symbol, row.id);
      }
      const ids = new Map<string, string>();
      for (const [i, u] of people.entries()) {
        const row = await tx.user.create({
          data: {
            email: u.email,
            firstName: u.firstName,
            lastName: u.lastName,
            phone: `17 875 ${String(10 + (i % 90)).padStart(2, "0")} ${String(10 + ((i * 7) % 90)).padStart(2, "0")}`,
            passwordHash: hashes[i]!,
            roles: u.roles,
            departmentId: u.department ? dep.get(u.department) : null,
            positionId: pos.get(u.position),
            locationId: loc.get(u.location),
            ...userKeys(u),
          },
        });
        ids.set(u.email, row.id);
      }
      for (const u of people) {
        if (u.supervisor) await tx.user.update({ where: { id: ids.get(u.email)! }, data: { supervisorId: ids.get(u.supervisor) } });
        if (u.headOf) await tx.department.update({ where: { id: dep.get(u.headOf)! }, data: { headId: ids.get(u.email) } });
      }
      await seedDemoApprovalPaths(tx);
      await seedDemoContacts(tx);
      await seedDemoBip(tx, now);

      // A few substitutions: two running now, one ahead, one past.
      const day = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
      const gkClerks = people.filter((p) => p.department === "GK" && p.roles.includes("PRACOWNIK")).map((p) => ids.get(p.email)!);
      const admin = ids.get(namedUsers.find((u) => u.roles.includes("ADMINISTRATOR"))!.email)!;
      const subs = [
        { absentId: gkClerks[1]!, substituteId: gkClerks[0]!, dateFrom: day(-2), dateTo: day(5), reason: "Urlop wypoczynkowy" },
        { absentId: ids.get(people.find((p) => p.headOf === "OS")!.email)!, substituteId: ids.get(people.find((p) => p.department === "OS" && !p.headOf)!.email)!, dateFrom: day(0), dateTo: day(2), reason: "Szkolenie" },
        { absentId: ids.get(namedUsers.find((u) => u.headOf === "GK")!.email)!, substituteId: gkClerks[0]!, dateFrom: day(14), dateTo: day(25), reason: "Urlop wypoczynkowy" },
        { absentId: ids.get(people.find((p) => p.department === "SO" && !p.headOf)!.email)!, substituteId: ids.get(people.filter((p) => p.department === "SO" && !p.headOf)[1]!.email)!, dateFrom: day(-30), dateTo: day(-20), reason: "Zwolnienie lekarskie" },
      ];
      for (const s of subs) await tx.substitution.create({ data: { ...s, createdById: admin } });

      await recordAudit(tx, { actor: null, meta: SYSTEM_META }, {
        action: "system.seeded",
        entityType: "system",
        data: { users: people.length, departments: departments.length, locations: locations.length },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return true;
}
