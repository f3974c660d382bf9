/** The local certification authority and CAdES signatures (see README, „Podpisy”). */
import "server-only";

export { toPem } from "./crypto";
export { ensureCertificationAuthority, getCaCertificates, listSeals, replaceSeal, type CaCertificates } from "./ca";
export { inspectCsr, issueStaffCertificate, type CsrInfo, type IssuedCertificate, type StaffSubject } from "./certificates";
export { currentCrl, publishCrl } from "./crl";
export { assembleCadesSignature, assessSigner, describeSigner, emptyReport, prepareCadesSignature, sealCades, verifyCades, type SignatureReport } from "./cades";
