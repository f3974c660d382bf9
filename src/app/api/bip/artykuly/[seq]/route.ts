/** Public JSON API: one published BIP article (current version, attachments, change register). */
import { getChangeRegister, getPublicArticle } from "@/modules/bip/bip.public.service";
import { articleJson } from "@/modules/bip/components/public/api-dto";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ seq: string }> }): Promise<Response> {
  const { seq } = await params;
  const db = await getDb();
  const now = new Date();
  const article = /^\d{1,9}$/.test(seq) ? await getPublicArticle(db, Number(seq), { now }) : null;
  if (!article) return Response.json({ error: "Nie ma takiej informacji w BIP." }, { status: 404 });
  const register = await getChangeRegister(db, article.seq, now);
  return Response.json(articleJson(article, register?.entries ?? []), { headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" } });
}
