/**
 * Demo approval paths (ścieżki akceptacji): every department [HEAD]; the Wydział Organizacyjny and
 * the Wydział Finansowy [HEAD, then the Sekretarz Miasta]. Referaty get their own [HEAD] too.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import { namedUsers } from "./demo-data";

const WITH_SEKRETARZ = new Set(["OR", "FN"]);

export async function seedDemoApprovalPaths(db: PrismaClient | Prisma.TransactionClient): Promise<number> {
  const sekretarzEmail = namedUsers.find((u) => u.position === "Sekretarz Miasta")?.email;
  const sekretarz = sekretarzEmail ? await db.user.findUnique({ where: { email: sekretarzEmail }, select: { id: true } }) : null;
  const departments = await db.department.findMany({ select: { id: true, symbol: true } });
  const rows: Prisma.ApprovalPathStepCreateManyInput[] = [];
  for (const d of departments) {
    rows.push({ departmentId: d.id, order: 0, kind: "HEAD" });
    if (sekretarz && WITH_SEKRETARZ.has(d.symbol)) rows.push({ departmentId: d.id, order: 1, kind: "USER", userId: sekretarz.id });
  }
  await db.approvalPathStep.createMany({ data: rows });
  return rows.length;
}
