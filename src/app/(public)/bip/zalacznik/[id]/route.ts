/** Public download of a BIP attachment (counted, SHA-256 verified). Only attachments of published versions. */
import { openBipAttachment } from "@/modules/bip/bip.public.service";
import { getDb } from "@/server/db";
import { getFileStore } from "@/server/integrations/storage";

const contentDisposition = (fileName: string) => {
  const ascii = fileName.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "zalacznik";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const file = await openBipAttachment(await getDb(), id, getFileStore());
  if (!file) return new Response("Nie ma takiego załącznika.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
      "Cache-Control": "public, max-age=300",
      ETag: `"${file.sha256}"`,
      Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
    },
  });
}
