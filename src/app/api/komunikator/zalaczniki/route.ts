/**
 * POST /api/komunikator/zalaczniki — multipart/form-data with one `file`: stores it (type by
 * content, size limit) as a pending attachment of the sender, to be attached by sending a message
 * with its id. Answers {attachment} 201 or {error: "<Polish>"} with 4xx.
 */
import { uploadChatAttachment } from "@/modules/chat/chat.attachments";
import { uploadOneFile } from "@/server/http/upload";

export function POST(req: Request): Promise<Response> {
  return uploadOneFile(req, "komunikator-zalaczniki", uploadChatAttachment);
}
