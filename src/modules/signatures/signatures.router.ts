import { createTRPCRouter } from "@/server/api/trpc";
import { certificatesRouter } from "./signatures.certificates.router";
import { signingRouter } from "./signatures.signing.router";

export const signaturesRouter = createTRPCRouter({ certificates: certificatesRouter, signing: signingRouter });
