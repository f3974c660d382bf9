/**
 * Test doubles of the providers, real servers on 127.0.0.1 and port 0: an SMTP server
 * (smtp-server) and a fake Resend API (node:http). They record what arrives and answer as the test
 * says — an outage is a sequence of 421/451 answers or HTTP 500/429. Used by tests only.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SmtpDelivery {
  messageId: string | null;
  to: string[];
  raw: string;
  /** false when the server answered the DATA with an error. */
  accepted: boolean;
}

/** What the server answers: null accepts, otherwise an SMTP error code and text. */
export type SmtpAnswer = { code: number; message: string } | null;

export interface FakeSmtp {
  url: string;
  deliveries: SmtpDelivery[];
  /** Connections refused at the greeting (421). */
  refusedConnections: number;
  /** Decides per message (after DATA) whether it is accepted. */
  answerData: (delivery: Omit<SmtpDelivery, "accepted">) => SmtpAnswer;
  /** Decides per connection whether it is refused at the greeting. */
  answerConnect: () => SmtpAnswer;
  accepted(): SmtpDelivery[];
  close(): Promise<void>;
}

function smtpError({ code, message }: { code: number; message: string }): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const fake: FakeSmtp = {
    url: "",
    deliveries: [],
    refusedConnections: 0,
    answerData: () => null,
    answerConnect: () => null,
    accepted: () => fake.deliveries.filter((d) => d.accepted),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      const answer = fake.answerConnect();
      if (answer) {
        fake.refusedConnections += 1;
        return callback(smtpError(answer));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const messageId = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? null;
        const delivery = { messageId, to: session.envelope.rcptTo.map((r) => r.address), raw };
        const answer = fake.answerData(delivery);
        fake.deliveries.push({ ...delivery, accepted: answer === null });
        callback(answer ? smtpError(answer) : null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  fake.url = `smtp://127.0.0.1:${port}`;
  return fake;
}

export interface ResendRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeResend {
  baseUrl: string;
  requests: ResendRequest[];
  /** Answers a request: HTTP status and JSON body. Default: 200 with a new id. */
  answer: (request: ResendRequest, index: number) => { status: number; body: unknown };
  close(): Promise<void>;
}

export async function startFakeResend(): Promise<FakeResend> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const request: ResendRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      fake.requests.push(request);
      const { status, body } = fake.answer(request, fake.requests.length - 1);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  const fake: FakeResend = {
    baseUrl: "",
    requests: [],
    answer: (_request, index) => ({ status: 200, body: { id: `re_${index + 1}` } }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
