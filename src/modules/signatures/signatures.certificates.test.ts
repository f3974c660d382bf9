import { describe, expect, it } from "vitest";
import { certificateListHref, certificateListInputFromParams, ZRequestCertificateInput } from "./signatures.schemas";

describe("certificate list address bar", () => {
  it("reads known filters and ignores the rest", () => {
    expect(certificateListInputFromParams({ status: "ISSUED", q: " Żółć ", strona: "3" })).toEqual({ status: "ISSUED", q: "Żółć", page: 3 });
    expect(certificateListInputFromParams({ status: "DELETED", strona: "-1" })).toEqual({ status: undefined, q: undefined, page: 1 });
    expect(certificateListInputFromParams({ status: ["REQUESTED", "ISSUED"], strona: "abc" })).toEqual({ status: "REQUESTED", q: undefined, page: 1 });
  });

  it("writes links that read back the same", () => {
    const href = certificateListHref({ status: "REVOKED", q: "Nowak Jan" }, 2);
    expect(href).toBe("/admin/certyfikaty?status=REVOKED&q=Nowak+Jan&strona=2");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(certificateListInputFromParams(params)).toEqual({ status: "REVOKED", q: "Nowak Jan", page: 2 });
    expect(certificateListHref({}, 1)).toBe("/admin/certyfikaty");
  });

  it("accepts only base64 requests of a sane size", () => {
    expect(ZRequestCertificateInput.safeParse({ csrBase64: "MII" + "A".repeat(200) }).success).toBe(true);
    expect(ZRequestCertificateInput.safeParse({ csrBase64: "short" }).success).toBe(false);
    expect(ZRequestCertificateInput.safeParse({ csrBase64: "<script>".repeat(30) }).success).toBe(false);
    expect(ZRequestCertificateInput.safeParse({ csrBase64: "A".repeat(16_001) }).success).toBe(false);
  });
});
