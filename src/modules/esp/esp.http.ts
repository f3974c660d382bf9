/**
 * Downloads for the signed-in citizen (UPP, UPD, the files of an office letter): the ESP session
 * from its cookie, then the bytes as an attachment that is never cached or sniffed; not signed in →
 * 401, not theirs or unknown → 404 (the same answer), a damaged stored file → 409.
 */
import "server-only";
import { cookies } from "next/headers";
import { contentDisposition } from "@/modules/files/files.http";
import type { Db } from "@/server/db";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { findEspSession } from "./esp.auth.service";
import { ESP_SESSION_COOKIE } from "./esp.schemas";

export interface EspFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

export async function espDownload(signInFirst: string, open: (db: Db, accountId: string) => Promise<EspFile> | null): Promise<Response> {
  const db = await getDb();
  const account = await findEspSession(db, (await cookies()).get(ESP_SESSION_COOKIE)?.value);
  if (!account) return new Response(signInFirst, { status: 401 });
  try {
    const opening = open(db, account.id);
    if (!opening) return new Response("Nie znaleziono.", { status: 404 });
    const file = await opening;
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": contentDisposition(file.fileName, false),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.userMessage, { status: error.code === "NOT_FOUND" ? 404 : 409 });
    throw error;
  }
}
