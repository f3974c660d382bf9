/**
 * Per-record rules of the BIP editor, pure. The procedure permission (bip.edit / bip.publish /
 * bip.manage) is checked first; these decide what one user may do with one article now.
 *
 * - Everyone with bip.edit sees every article in the editor (the bulletin is public anyway).
 * - An article is edited by its author, by anyone who wrote one of its versions, or by a redaktor
 *   BIP (bip.publish). A withdrawn article is read-only.
 * - A redaktor BIP may approve their own version (a small office often has one redaktor); the
 *   approval is audited with the approver, and the version keeps who entered it and who approved it.
 */
import { can, type Role } from "@/lib/permissions";

export interface PolicyActor {
  id: string;
  roles: Role[];
}

export interface PolicyArticle {
  status: "DRAFT" | "PUBLISHED" | "WITHDRAWN";
  createdById: string;
  versions: { number: number; status: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED"; enteredById: string }[];
}

/** The newest version (highest number). */
export function latestVersion<V extends { number: number }>(versions: readonly V[]): V | null {
  let best: V | null = null;
  for (const v of versions) if (!best || v.number > best.number) best = v;
  return best;
}

/** The version under edit: the newest one when it is not approved. */
export function openVersion<V extends { number: number; status: string }>(versions: readonly V[]): V | null {
  const latest = latestVersion(versions);
  return latest && latest.status !== "APPROVED" ? latest : null;
}

export function canEditArticle(actor: PolicyActor, article: PolicyArticle): boolean {
  if (!can(actor.roles, "bip.edit") || article.status === "WITHDRAWN") return false;
  if (can(actor.roles, "bip.publish")) return true;
  return article.createdById === actor.id || article.versions.some((v) => v.enteredById === actor.id);
}

export function canSubmitArticle(actor: PolicyActor, article: PolicyArticle): boolean {
  const open = openVersion(article.versions);
  return canEditArticle(actor, article) && !!open && (open.status === "DRAFT" || open.status === "RETURNED");
}

export function canApproveArticle(actor: PolicyActor, article: PolicyArticle): boolean {
  const open = openVersion(article.versions);
  return can(actor.roles, "bip.publish") && article.status !== "WITHDRAWN" && open?.status === "SUBMITTED";
}

export function canWithdrawArticle(actor: PolicyActor, article: PolicyArticle): boolean {
  return can(actor.roles, "bip.publish") && article.status === "PUBLISHED";
}

/** Attachments change only in a draft being written (not while it waits for approval). */
export function canAttach(actor: PolicyActor, article: PolicyArticle): boolean {
  const open = openVersion(article.versions);
  return canEditArticle(actor, article) && !!open && (open.status === "DRAFT" || open.status === "RETURNED");
}
