import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalTransport } from "./local";
import { formatAddress, type OutgoingMail } from "./mail-transport";
import { createResendTransport, MailSendError } from "./resend";
import { createSmtpTransport, messageIdFor } from "./smtp";
import { startFakeResend, startFakeSmtp, type FakeResend, type FakeSmtp } from "./test-servers";

const mail: OutgoingMail = {
  id: "cm0abc123",
  from: "Urząd Gminy <powiadomienia@ug.example.pl>",
  to: "anna@example.pl",
  toName: "Anna \"Ania\" Kowalska",
  subject: "Zażółć gęślą jaźń",
  html: "<p>Treść</p>",
  text: "Treść",
};

describe("addresses", () => {
  it("quotes the name and drops characters that could break the header", () => {
    expect(formatAddress("a@b.pl")).toBe("a@b.pl");
    expect(formatAddress("a@b.pl", "Anna Kowalska")).toBe('"Anna Kowalska" <a@b.pl>');
    expect(formatAddress("a@b.pl", 'Zła "nazwa"\r\nBcc: x@y.pl <z>')).toBe('"Zła nazwa Bcc: x@y.pl z" <a@b.pl>');
  });

  it("derives a stable Message-ID from the message id and the sender's domain", () => {
    expect(messageIdFor("cm0abc123", mail.from)).toBe("<cm0abc123@ug.example.pl>");
    expect(messageIdFor("x1", "powiadomienia@localhost")).toBe("<x1@localhost>");
    expect(messageIdFor("x1", "Obieg")).toBe("<x1@obieg.localhost>");
  });
});

describe("local transport", () => {
  it("accepts without a provider id and without any network", async () => {
    const local = createLocalTransport();
    expect(local.name).toBe("local");
    expect(await local.send(mail)).toEqual({ providerId: null });
  });
});

describe("Resend transport against a fake API", () => {
  let api: FakeResend;
  beforeAll(async () => {
    api = await startFakeResend();
  });
  afterAll(async () => api?.close());

  it("posts the message with the API key and the message id as the idempotency key", async () => {
    api.requests.length = 0;
    api.answer = () => ({ status: 200, body: { id: "re_4a1b" } });
    const transport = createResendTransport({ apiKey: "re_test_key", baseUrl: api.baseUrl });
    expect(transport.name).toBe("resend");
    expect(await transport.send(mail)).toEqual({ providerId: "re_4a1b" });
    expect(api.requests).toHaveLength(1);
    const [req] = api.requests;
    expect(req!.method).toBe("POST");
    expect(req!.path).toBe("/emails");
    expect(req!.headers.authorization).toBe("Bearer re_test_key");
    expect(req!.headers["idempotency-key"]).toBe("email-cm0abc123");
    expect(req!.body).toMatchObject({ from: mail.from, to: ['"Anna Ania Kowalska" <anna@example.pl>'], subject: mail.subject, html: mail.html, text: mail.text });
  });

  it("throws on 500 and 429 (the SDK only resolves { error }), with the status", async () => {
    const transport = createResendTransport({ apiKey: "re_test_key", baseUrl: `${api.baseUrl}/` });
    api.answer = () => ({ status: 500, body: { name: "internal_server_error", message: "Something broke", statusCode: 500 } });
    const e500 = await transport.send(mail).then(
      () => null,
      (e: unknown) => e,
    );
    expect(e500).toBeInstanceOf(MailSendError);
    expect((e500 as MailSendError).statusCode).toBe(500);
    expect((e500 as Error).message).toContain("Something broke");

    api.answer = () => ({ status: 429, body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 } });
    const e429 = await transport.send(mail).then(
      () => null,
      (e: unknown) => e,
    );
    expect((e429 as MailSendError).statusCode).toBe(429);
    expect((e429 as Error).message).toMatch(/rate_limit_exceeded/);
    // The retry carries the same idempotency key.
    expect(new Set(api.requests.slice(-2).map((r) => r.headers["idempotency-key"]))).toEqual(new Set(["email-cm0abc123"]));
  });

  it("throws when the API cannot be reached", async () => {
    const closed = await startFakeResend();
    await closed.close();
    const transport = createResendTransport({ apiKey: "re_test_key", baseUrl: closed.baseUrl });
    await expect(transport.send(mail)).rejects.toBeInstanceOf(MailSendError);
  });
});

describe("SMTP transport against an in-process server", () => {
  let smtp: FakeSmtp;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
  });
  afterAll(async () => smtp?.close());

  it("delivers HTML and text with the Message-ID derived from the message id", async () => {
    const transport = createSmtpTransport({ url: smtp.url });
    expect(transport.name).toBe("smtp");
    const { providerId } = await transport.send(mail);
    expect(providerId).toBe("<cm0abc123@ug.example.pl>");
    const [got] = smtp.accepted();
    expect(got!.messageId).toBe("<cm0abc123@ug.example.pl>");
    expect(got!.to).toEqual(["anna@example.pl"]);
    expect(got!.raw).toMatch(/Content-Type: text\/plain/i);
    expect(got!.raw).toMatch(/Content-Type: text\/html/i);
    expect(got!.raw).toMatch(/^Auto-Submitted: auto-generated/im);
  });

  it("throws on a temporary refusal (451) and when the server turns the connection away (421)", async () => {
    const transport = createSmtpTransport({ url: smtp.url });
    smtp.answerData = () => ({ code: 451, message: "4.3.0 Try again later" });
    await expect(transport.send(mail)).rejects.toThrow(/451|Try again later/);
    smtp.answerData = () => null;
    smtp.answerConnect = () => ({ code: 421, message: "4.3.2 Service not available" });
    await expect(transport.send(mail)).rejects.toThrow();
    smtp.answerConnect = () => null;
    await transport.send(mail);
    expect(smtp.accepted()).toHaveLength(2);
  });
});
