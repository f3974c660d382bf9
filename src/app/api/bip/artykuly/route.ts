/** Public JSON API: published BIP articles, newest first, paginated (?strona=&na_strone=). */
import { listPublishedArticles } from "@/modules/bip/bip.public.service";
import { summaryJson, ZApiListQuery } from "@/modules/bip/components/public/api-dto";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const query = ZApiListQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return Response.json({ error: "Nieprawidłowe parametry: strona ≥ 1, na_strone 1–100." }, { status: 400 });
  const page = await listPublishedArticles(await getDb(), { page: query.data.strona, pageSize: query.data.na_strone });
  return Response.json(
    { page: page.page, pageSize: page.pageSize, pages: page.pages, total: page.total, items: page.items.map(summaryJson) },
    { headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" } },
  );
}
