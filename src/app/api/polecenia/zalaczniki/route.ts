/**
 * POST /api/polecenia/zalaczniki — multipart/form-data with one `file`: stores it (type by content,
 * size limit) as a pending attachment of the uploader, to be attached by giving a task or adding a
 * comment, progress or done report with its id. Answers {attachment} 201 or {error: "<Polish>"} with 4xx.
 */
import { uploadTaskAttachment } from "@/modules/tasks/tasks.attachments";
import { uploadOneFile } from "@/server/http/upload";

export function POST(req: Request): Promise<Response> {
  return uploadOneFile(req, "polecenia-zalaczniki", uploadTaskAttachment);
}
