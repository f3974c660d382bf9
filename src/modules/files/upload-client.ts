/**
 * Browser side of POST /api/pliki. `uploadDocumentFiles` is for forms that upload right after
 * creating a record; `sendDocumentFiles` also reports progress (XMLHttpRequest upload events).
 * Errors are thrown as Error with the server's Polish message.
 */
import type { DocumentFileDto } from "./files.schemas";

export type UploadKind = "SCAN" | "ATTACHMENT";

export function sendDocumentFiles(
  documentId: string,
  files: File[],
  kind: UploadKind = "ATTACHMENT",
  onProgress?: (fraction: number) => void,
): Promise<DocumentFileDto[]> {
  if (files.length === 0) return Promise.resolve([]);
  const form = new FormData();
  form.set("documentId", documentId);
  form.set("kind", kind);
  for (const f of files) form.append("file", f, f.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/pliki");
    xhr.responseType = "json";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new Error("Nie udało się połączyć z serwerem. Sprawdź połączenie i spróbuj ponownie."));
    xhr.onload = () => {
      const body = (xhr.response ?? null) as { files?: DocumentFileDto[]; error?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.files) {
        onProgress?.(1);
        resolve(body.files.map((f) => ({ ...f, createdAt: new Date(f.createdAt) })));
      } else {
        reject(new Error(body?.error ?? `Serwer odrzucił pliki (błąd ${xhr.status}).`));
      }
    };
    xhr.send(form);
  });
}

/** Uploads files to a document; throws Error with a Polish message when the server refuses. */
export async function uploadDocumentFiles(documentId: string, files: File[], kind?: UploadKind): Promise<void> {
  await sendDocumentFiles(documentId, files, kind ?? "ATTACHMENT");
}
