/**
 * The office seal on system documents (registration confirmations now; UPP/UPD receipts of the
 * ESP): signed automatically with the seal key held by the server — the one signature that needs
 * no person's act, because it is the office's, not a person's. Each sealing is audited.
 */
import "server-only";
import { recordAudit } from "@/server/audit/audit";
import type { ServiceContext } from "@/server/context";
import { sealPdf } from "@/server/pki/pades";
import { sealXml } from "@/server/pki/xades";

export type SealPurpose = "letter-confirmation" | "upp" | "upd";

const warsawTime = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "long", timeStyle: "medium" });

async function activeSeal(ctx: ServiceContext) {
  const seal = await ctx.db.caKey.findFirst({ where: { kind: "SEAL", active: true }, select: { serial: true, subject: true } });
  return { serial: seal?.serial ?? "", commonName: /CN=([^,]+)/.exec(seal?.subject ?? "")?.[1] ?? "Pieczęć elektroniczna urzędu" };
}

/** A PDF made by the system, sealed (PAdES with a visible block naming the office seal). */
export async function sealSystemPdf(
  ctx: ServiceContext,
  pdf: Uint8Array,
  input: { purpose: SealPurpose; reason: string; location: string; documentId?: string | null; now?: Date },
): Promise<Uint8Array> {
  const now = new Date(Math.floor((input.now ?? new Date()).getTime() / 1000) * 1000);
  const sealed = await sealPdf(ctx.db, pdf, {
    reason: input.reason,
    location: input.location,
    signingTime: now,
    appearance: ["Opieczętowano pieczęcią elektroniczną", (await activeSeal(ctx)).commonName, warsawTime.format(now)],
  });
  await audit(ctx, "PADES", input.purpose, input.documentId ?? null);
  return sealed;
}

/** An XML document made by the system (UPP, UPD), sealed with an enveloped XAdES signature. */
export async function sealSystemXml(ctx: ServiceContext, xml: Uint8Array, input: { purpose: SealPurpose; documentId?: string | null; now?: Date }): Promise<Uint8Array> {
  const sealed = await sealXml(ctx.db, xml, input.now);
  await audit(ctx, "XADES", input.purpose, input.documentId ?? null);
  return sealed;
}

async function audit(ctx: ServiceContext, format: "PADES" | "XADES", purpose: SealPurpose, documentId: string | null) {
  const { serial } = await activeSeal(ctx);
  await recordAudit(ctx.db, ctx, { action: "signature.sealed", entityType: "signature", entityId: null, documentId, data: { format, fileId: null, purpose, serial } });
}
