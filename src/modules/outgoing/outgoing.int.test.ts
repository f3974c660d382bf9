import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInPoland } from "@/lib/i18n/translator";
import { polishSortKey } from "@/lib/polish";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createSubstitution, createUser, errorOf, TEST_META } from "@/test/factories";
import { saveApprovalPath } from "./approval-path.service";
import { ESP_COLLECTION_DAYS, expireEspDeliveries } from "./outgoing.esp";
import { createDispatchBook, getDispatchBook, listBookCandidates, renderDispatchBookPdf, saveTrackingNumbers } from "./dispatch-book.service";
import { ZCreateDraftInput, type CreateDraftInput } from "./outgoing.schemas";
import {
  approveLetter,
  countOutgoingInbox,
  createDraft,
  dispatchLetter,
  getOutgoing,
  listInboxApprovals,
  listOutgoing,
  recordDelivery,
  rejectLetter,
  submitForApproval,
  updateDraft,
  withdrawFromApproval,
} from "./outgoing.service";

describe.each(TEST_DB_KINDS)("outgoing letters (%s)", (kind) => {
  let db: TestDb;
  const ctxOf = async (user: { id: string }): Promise<ServiceContext> => ({ db: db.prisma, actor: actorOf(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })), meta: TEST_META });
  let admin: ServiceContext, gkHead: ServiceContext, gkClerk: ServiceContext, gkClerk2: ServiceContext, orHead: ServiceContext, orClerk: ServiceContext;
  let sekretarz: ServiceContext, fnClerk: ServiceContext, kancelaria: ServiceContext, gkdHead: ServiceContext, gkdClerk: ServiceContext;
  let gkId: string, orId: string;
  let paper: string, epost: string, noAddress: string;

  const draft = (v: Partial<CreateDraftInput> = {}) =>
    ZCreateDraftInput.parse({ subject: "Odpowiedź w sprawie oświetlenia", body: "Szanowny Panie, …", recipients: [{ contactId: paper, channel: "REGISTERED_MAIL" }], ...v });

  beforeAll(async () => {
    db = await createTestDb(kind);
    const p = db.prisma;
    const gk = await createDepartment(p, { symbol: "GK" });
    const gkd = await createDepartment(p, { symbol: "GK-D", parentId: gk.id });
    const or = await createDepartment(p, { symbol: "OR" });
    const fn = await createDepartment(p, { symbol: "FN" });
    const ko = await createDepartment(p, { symbol: "KO" });
    gkId = gk.id;
    orId = or.id;
    const head = async (deptId: string) => {
      const u = await createUser(p, { roles: ["KIEROWNIK"], departmentId: deptId });
      await p.department.update({ where: { id: deptId }, data: { headId: u.id } });
      return ctxOf(u);
    };
    gkHead = await head(gk.id);
    gkdHead = await head(gkd.id);
    orHead = await head(or.id);
    await head(fn.id);
    gkClerk = await ctxOf(await createUser(p, { departmentId: gk.id, firstName: "Katarzyna", lastName: "Wiśniewska" }));
    gkClerk2 = await ctxOf(await createUser(p, { departmentId: gk.id }));
    gkdClerk = await ctxOf(await createUser(p, { departmentId: gkd.id }));
    orClerk = await ctxOf(await createUser(p, { departmentId: or.id }));
    fnClerk = await ctxOf(await createUser(p, { departmentId: fn.id }));
    sekretarz = await ctxOf(await createUser(p, { roles: ["SEKRETARZ"], departmentId: or.id }));
    kancelaria = await ctxOf(await createUser(p, { roles: ["KANCELARIA"], departmentId: ko.id }));
    admin = await ctxOf(await createUser(p, { roles: ["ADMINISTRATOR"], departmentId: or.id }));
    const contact = (name: string, extra: { email?: string; eDoreczeniaAddress?: string; address?: boolean } = {}) =>
      p.contact.create({
        data: {
          kind: "PERSON",
          name,
          sortKey: polishSortKey(name),
          searchText: name.toLowerCase(),
          email: extra.email,
          eDoreczeniaAddress: extra.eDoreczeniaAddress,
          addresses: extra.address === false ? undefined : { create: { street: "ul. Lipowa 5", postalCode: "36-040", city: "Boguchwała", isPrimary: true } },
        },
      });
    paper = (await contact("Kowalski Jan")).id;
    epost = (await contact("Nowak Anna", { email: "anna@example.pl", eDoreczeniaAddress: "AE:PL-12345-67890-ABCDE-12" })).id;
    noAddress = (await contact("Zięba Ewa", { address: false })).id;
    await saveApprovalPath(admin, { departmentId: or.id, steps: [{ kind: "HEAD" }, { kind: "USER", userId: sekretarz.actor.id }] });
  });
  afterAll(async () => db?.destroy());

  it("creates a draft of the author's department with snapshotted recipients, audited", async () => {
    const d = await createDraft(gkClerk, draft({ recipients: [{ contactId: paper, channel: "REGISTERED_MAIL" }, { contactId: epost, channel: "E_DORECZENIA" }] }));
    expect(d.label).toMatch(/^ID \d+$/);
    const detail = await getOutgoing(gkClerk, d.id);
    expect(detail).toMatchObject({ status: "DRAFT", department: { symbol: "GK" }, author: { name: "Katarzyna Wiśniewska" }, can: { edit: true, submit: true, dispatch: false } });
    expect(detail.recipients.map((r) => [r.name, r.channel, r.address])).toEqual([
      ["Kowalski Jan", "REGISTERED_MAIL", "ul. Lipowa 5, 36-040 Boguchwała"],
      ["Nowak Anna", "E_DORECZENIA", "AE:PL-12345-67890-ABCDE-12"],
    ]);
    const audit = await db.prisma.auditEvent.findMany({ where: { documentId: d.id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["outgoing.drafted"]);
    // Another clerk of the department sees it but cannot change it.
    expect((await getOutgoing(gkClerk2, d.id)).can.edit).toBe(false);
    expect((await errorOf(updateDraft(gkClerk2, { ...draft(), id: d.id }))).code).toBe("FORBIDDEN");
  });

  it("refuses a channel the contact cannot be reached by, naming the field", async () => {
    const e = await errorOf(createDraft(gkClerk, draft({ recipients: [{ contactId: paper, channel: "EMAIL" }] })));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.fieldErrors?.["recipients.0.channel"]).toMatch(/e-mail/);
    const e2 = await errorOf(createDraft(gkClerk, draft({ recipients: [{ contactId: noAddress, channel: "REGISTERED_MAIL" }] })));
    expect(e2.fieldErrors?.["recipients.0.channel"]).toMatch(/adresu pocztowego/);
    // Odbiór osobisty needs no address.
    await createDraft(gkClerk, draft({ recipients: [{ contactId: noAddress, channel: "PERSONAL" }] }));
  });

  it("gives a clerk of another department NOT_FOUND for a draft, by service and by router", async () => {
    const d = await createDraft(gkClerk, draft());
    expect((await errorOf(getOutgoing(fnClerk, d.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(submitForApproval(fnClerk, d.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(approveLetter(fnClerk, { id: d.id })))).toMatchObject({ code: "NOT_FOUND" });
    await expect(createCaller({ db: db.prisma, actor: fnClerk.actor, meta: TEST_META }).outgoing.get({ id: d.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listOutgoing(fnClerk, { view: "robocze", sort: "najnowsze", page: 1 })).items.map((i) => i.id)).not.toContain(d.id);
    // Not even the kancelaria sees a draft.
    expect((await errorOf(getOutgoing(kancelaria, d.id))).code).toBe("NOT_FOUND");
  });

  it("follows the path HEAD → Sekretarz (OR), each step in turn, to APPROVED", async () => {
    const d = await createDraft(orClerk, draft());
    expect(await submitForApproval(orClerk, d.id)).toEqual({ status: "AWAITING_APPROVAL" });
    const steps = await db.prisma.approvalStep.findMany({ where: { documentId: d.id }, orderBy: { order: "asc" }, select: { approverId: true, status: true } });
    expect(steps).toEqual([
      { approverId: orHead.actor.id, status: "PENDING" },
      { approverId: sekretarz.actor.id, status: "WAITING" },
    ]);
    // The second approver cannot jump the queue.
    expect((await errorOf(approveLetter(sekretarz, { id: d.id }))).code).toBe("FORBIDDEN");
    expect((await listInboxApprovals(orHead)).toApprove.map((i) => i.id)).toContain(d.id);
    expect((await countOutgoingInbox(sekretarz)).toApprove).toBe(0);
    expect(await approveLetter(orHead, { id: d.id })).toEqual({ status: "AWAITING_APPROVAL" });
    expect((await countOutgoingInbox(sekretarz)).toApprove).toBe(1);
    expect(await approveLetter(sekretarz, { id: d.id, comment: "Bez uwag." })).toEqual({ status: "APPROVED" });
    const audit = await db.prisma.auditEvent.findMany({ where: { documentId: d.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(audit.map((a) => a.action)).toEqual(["outgoing.drafted", "outgoing.submitted", "outgoing.approved", "outgoing.approved"]);
    expect((await errorOf(approveLetter(sekretarz, { id: d.id }))).code).toBe("BAD_REQUEST");
  });

  it("skips the author's own step: a head's letter goes straight to the next approver, or is approved at once", async () => {
    const orDraft = await createDraft(orHead, draft());
    await submitForApproval(orHead, orDraft.id);
    const steps = await db.prisma.approvalStep.findMany({ where: { documentId: orDraft.id }, select: { approverId: true, status: true } });
    expect(steps).toEqual([{ approverId: sekretarz.actor.id, status: "PENDING" }]);

    const gkDraft = await createDraft(gkHead, draft());
    expect(await submitForApproval(gkHead, gkDraft.id)).toEqual({ status: "APPROVED" });
    expect(await db.prisma.approvalStep.count({ where: { documentId: gkDraft.id } })).toBe(0);
  });

  it("sends a referat's letter to the referat head, and the referat head's own to the wydział head", async () => {
    const clerkDraft = await createDraft(gkdClerk, draft());
    await submitForApproval(gkdClerk, clerkDraft.id);
    expect((await db.prisma.approvalStep.findFirstOrThrow({ where: { documentId: clerkDraft.id } })).approverId).toBe(gkdHead.actor.id);
    const headDraft = await createDraft(gkdHead, draft());
    await submitForApproval(gkdHead, headDraft.id);
    expect((await db.prisma.approvalStep.findFirstOrThrow({ where: { documentId: headDraft.id } })).approverId).toBe(gkHead.actor.id);
    // The wydział head sees the referat's letters waiting.
    expect((await getOutgoing(gkHead, headDraft.id)).can.decide).toBe(true);
  });

  it("lets the head's substitute approve for them", async () => {
    const d = await createDraft(gkClerk, draft());
    await submitForApproval(gkClerk, d.id);
    const today = todayInPoland();
    await createSubstitution(db.prisma, { absentId: gkHead.actor.id, substituteId: gkClerk2.actor.id, dateFrom: today, dateTo: today, createdById: admin.actor.id });
    expect((await getOutgoing(gkClerk2, d.id)).can.decide).toBe(true);
    expect((await listInboxApprovals(gkClerk2)).toApprove.map((i) => i.id)).toContain(d.id);
    expect(await approveLetter(gkClerk2, { id: d.id })).toEqual({ status: "APPROVED" });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { documentId: d.id, action: "outgoing.approved" } });
    expect(event.actorId).toBe(gkClerk2.actor.id);
    expect(event.data).toMatchObject({ onBehalfOf: gkHead.actor.id });
    await db.prisma.substitution.updateMany({ where: { absentId: gkHead.actor.id }, data: { cancelledAt: new Date() } });
  });

  it("returns a rejected draft to its author with the comment; resubmitting starts a new round", async () => {
    const d = await createDraft(orClerk, draft());
    await submitForApproval(orClerk, d.id);
    expect((await errorOf(rejectLetter(orHead, { id: d.id, comment: "  " }))).code).toBe("BAD_REQUEST");
    expect(await rejectLetter(orHead, { id: d.id, comment: "Proszę poprawić podstawę prawną." })).toEqual({ status: "DRAFT" });
    const detail = await getOutgoing(orClerk, d.id);
    expect(detail.rejection).toMatchObject({ comment: "Proszę poprawić podstawę prawną." });
    expect(detail.approvalSteps.map((s) => s.status)).toEqual(["REJECTED", "SKIPPED"]);
    expect(detail.can.edit).toBe(true);
    const inbox = await listInboxApprovals(orClerk);
    expect(inbox.rejected.find((r) => r.id === d.id)?.comment).toBe("Proszę poprawić podstawę prawną.");
    expect((await countOutgoingInbox(orClerk)).rejected).toBeGreaterThanOrEqual(1);

    await updateDraft(orClerk, { ...draft({ subject: "Odpowiedź (poprawiona)" }), id: d.id });
    await submitForApproval(orClerk, d.id);
    const steps = await db.prisma.approvalStep.findMany({ where: { documentId: d.id }, orderBy: { order: "asc" }, select: { order: true, status: true } });
    expect(steps).toEqual([
      { order: 0, status: "REJECTED" },
      { order: 1, status: "SKIPPED" },
      { order: 2, status: "PENDING" },
      { order: 3, status: "WAITING" },
    ]);
    expect((await listInboxApprovals(orClerk)).rejected.map((r) => r.id)).not.toContain(d.id);
    // Withdrawing closes the open steps.
    expect(await withdrawFromApproval(orClerk, d.id)).toEqual({ status: "DRAFT" });
    expect(await db.prisma.approvalStep.count({ where: { documentId: d.id, status: { in: ["PENDING", "WAITING"] } } })).toBe(0);
  });

  it("dispatches approved letters with consecutive outgoing numbers; only the kancelaria; the register lists them", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const d = await createDraft(gkHead, draft({ subject: `Zawiadomienie nr ${i}` }));
      await submitForApproval(gkHead, d.id);
      ids.push(d.id);
    }
    expect((await errorOf(dispatchLetter(gkHead, ids[0]!))).code).toBe("FORBIDDEN");
    expect((await countOutgoingInbox(kancelaria)).toDispatch).toBeGreaterThanOrEqual(3);
    const year = Number(todayInPoland().slice(0, 4));
    const numbers = [];
    for (const id of ids) numbers.push((await dispatchLetter(kancelaria, id)).registerNo);
    expect(numbers).toEqual([`PWY/1/${year}`, `PWY/2/${year}`, `PWY/3/${year}`]);
    expect((await errorOf(dispatchLetter(kancelaria, ids[0]!))).code).toBe("BAD_REQUEST");
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: ids[0]! } });
    expect(doc).toMatchObject({ status: "DISPATCHED", registerSeq: 1, registerYear: year, dispatchedById: kancelaria.actor.id });

    const register = await listOutgoing(kancelaria, { view: "wyslane", sort: "numer", page: 1 });
    expect(register.items.slice(0, 3).map((i) => i.registerNo)).toEqual([`PWY/3/${year}`, `PWY/2/${year}`, `PWY/1/${year}`]);
    expect((await listOutgoing(kancelaria, { view: "wyslane", q: "pwy/2", sort: "najnowsze", page: 1 })).items.map((i) => i.id)).toEqual([ids[1]]);
    expect((await listOutgoing(kancelaria, { view: "wyslane", q: "zawiadomienie", channel: "EMAIL", sort: "najnowsze", page: 1 })).total).toBe(0);
    expect((await errorOf(getOutgoing(fnClerk, ids[0]!))).code).toBe("NOT_FOUND");
  });

  it("puts dispatched registered letters into a numbered dispatch book, records tracking numbers and the ZPO", async () => {
    const d = await createDraft(gkHead, draft({ recipients: [{ contactId: paper, channel: "REGISTERED_MAIL" }, { contactId: epost, channel: "EMAIL" }] }));
    await submitForApproval(gkHead, d.id);
    await dispatchLetter(kancelaria, d.id);
    const candidates = await listBookCandidates(kancelaria, { page: 1 });
    const mine = candidates.items.filter((c) => c.documentId === d.id);
    expect(mine.map((c) => c.name)).toEqual(["Kowalski Jan"]); // the e-mail recipient is not posted
    expect((await errorOf(listBookCandidates(gkHead, { page: 1 }))).code).toBe("FORBIDDEN");

    const today = todayInPoland();
    const book = await createDispatchBook(kancelaria, { date: today, recipientIds: [] });
    expect(book.number).toBe(`KN/1/${today.slice(0, 4)}`);
    expect((await listBookCandidates(kancelaria, { page: 1 })).total).toBe(0);
    const loaded = await getDispatchBook(kancelaria, book.id);
    expect(loaded.items.length).toBe(candidates.total);
    expect(loaded.items.map((i) => i.lp)).toEqual(loaded.items.map((_, i) => i + 1));
    expect((await errorOf(createDispatchBook(kancelaria, { date: today, recipientIds: [] }))).code).toBe("BAD_REQUEST");

    const item = loaded.items.find((i) => i.documentId === d.id)!;
    expect(await saveTrackingNumbers(kancelaria, { bookId: book.id, items: [{ recipientId: item.recipientId, trackingNo: "rr123456789pl" }] })).toEqual({ changed: 1 });
    expect((await getOutgoing(gkHead, d.id)).recipients[0]).toMatchObject({ trackingNo: "RR123456789PL", dispatchBook: { number: book.number } });

    const pdf = await renderDispatchBookPdf(kancelaria, book.id);
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe("%PDF-");

    // ZPO: by the kancelaria or the author; not in the future.
    const recipientId = item.recipientId;
    expect((await errorOf(recordDelivery(kancelaria, { recipientId, deliveredOn: "2999-01-01" }))).fieldErrors?.deliveredOn).toBeDefined();
    await recordDelivery(kancelaria, { recipientId, deliveredOn: today });
    expect((await getOutgoing(gkHead, d.id)).recipients[0]!.deliveredOn).toBe(today);
    expect((await listOutgoing(gkHead, { view: "wyslane", sort: "najnowsze", page: 1 })).items.find((i) => i.id === d.id)?.recipients[0]?.deliveredOn).toBe(today);
    expect((await errorOf(recordDelivery(fnClerk, { recipientId, deliveredOn: today }))).code).toBe("NOT_FOUND");
  });

  it("records an approver's own fresh signature with the decision, and refuses another person's or a stale one", async () => {
    const p = db.prisma;
    const { id } = await createDraft(gkClerk, draft({ subject: "Pismo z podpisem" }));
    const blob = "a".repeat(64);
    await p.fileBlob.upsert({ where: { sha256: blob }, create: { sha256: blob, size: 10 }, update: {} });
    const file = await p.documentFile.create({ data: { documentId: id, sha256: blob, fileName: "pismo.pdf", mimeType: "application/pdf", size: 10, kind: "DRAFT", uploadedById: gkClerk.actor.id } });
    const signatureBy = async (ctx: ServiceContext, createdAt = new Date()) => {
      const cert = await p.signingCertificate.create({ data: { userId: ctx.actor.id, status: "ISSUED", csr: new Uint8Array([1]), publicKeyHash: `${ctx.actor.id}-${createdAt.getTime()}` } });
      return (await p.documentSignature.create({ data: { fileId: file.id, format: "PADES", certificateId: cert.id, signerName: "x", signedAt: createdAt, createdAt } })).id;
    };
    const clerkSignature = await signatureBy(gkClerk);
    expect((await errorOf(submitForApproval(gkClerk2, id, clerkSignature))).code).toBe("FORBIDDEN");
    await submitForApproval(gkClerk, id, clerkSignature);
    const submitted = await p.auditEvent.findFirstOrThrow({ where: { action: "outgoing.submitted", documentId: id }, select: { data: true } });
    expect(submitted.data).toMatchObject({ signatureId: clerkSignature });

    const notOwn = await errorOf(approveLetter(gkHead, { id, signatureId: clerkSignature }));
    expect(notOwn.code).toBe("BAD_REQUEST");
    expect(notOwn.userMessage).toMatch(/nie jest Twoim świeżym podpisem/);
    const stale = await errorOf(approveLetter(gkHead, { id, signatureId: await signatureBy(gkHead, new Date(Date.now() - 60 * 60 * 1000)) }));
    expect(stale.code).toBe("BAD_REQUEST");
    expect((await p.approvalStep.findFirstOrThrow({ where: { documentId: id } })).status).toBe("PENDING");

    const headSignature = await signatureBy(gkHead);
    await approveLetter(gkHead, { id, signatureId: headSignature });
    const detail = await getOutgoing(gkClerk, id);
    expect(detail.approvalSteps.map((step) => [step.status, step.signed])).toEqual([["APPROVED", true]]);
    expect(detail.signatures.map((sig) => sig.id)).toEqual(expect.arrayContaining([clerkSignature, headSignature]));
    const approved = await p.auditEvent.findFirstOrThrow({ where: { action: "outgoing.approved", documentId: id }, select: { data: true } });
    expect(approved.data).toMatchObject({ signatureId: headSignature });
  });

  it("delivers a letter to the addressee's ESP account on dispatch, and records it as not collected after 14 days, telling the author", async () => {
    const p = db.prisma;
    const noEmail = await errorOf(createDraft(gkClerk, draft({ subject: "Bez e-maila", recipients: [{ contactId: paper, channel: "ESP" }] })));
    expect(noEmail.userMessage).toMatch(/adresu e-mail/);
    const { id } = await createDraft(gkClerk, draft({ subject: "Decyzja przez ESP", recipients: [{ contactId: epost, channel: "ESP" }] }));
    await submitForApproval(gkClerk, id);
    await approveLetter(gkHead, { id });
    const sentAt = new Date();
    await dispatchLetter(kancelaria, id, sentAt);
    const deliveries = await p.espDelivery.findMany({ where: { documentId: id }, include: { account: true } });
    expect(deliveries.map((d) => [d.status, d.account.email])).toEqual([["AWAITING", "anna@example.pl"]]);
    expect(deliveries[0]!.expiresAt.getTime() - sentAt.getTime()).toBe(ESP_COLLECTION_DAYS * 24 * 3600 * 1000);
    expect(await p.auditEvent.count({ where: { action: "esp.delivery-sent", documentId: id } })).toBe(1);

    expect(await expireEspDeliveries(p, new Date(sentAt.getTime() + 13 * 24 * 3600 * 1000))).toBe(0);
    const late = new Date(sentAt.getTime() + 15 * 24 * 3600 * 1000);
    const [first, second] = await Promise.all([expireEspDeliveries(p, late), expireEspDeliveries(p, late)]);
    expect(first + second).toBe(1);
    expect(await p.espDelivery.findFirstOrThrow({ where: { documentId: id } })).toMatchObject({ status: "EXPIRED", expiredAt: late });
    const notices = await p.notification.findMany({ where: { type: "esp.delivery-expired" }, select: { userId: true, link: true } });
    expect(notices).toEqual([{ userId: gkClerk.actor.id, link: `/pisma/wychodzace/${id}` }]);
    expect(await p.auditEvent.count({ where: { action: "esp.delivery-expired", documentId: id } })).toBe(1);
  });

  it("lets only org.manage save approval paths, refusing a duplicate person", async () => {
    expect((await errorOf(saveApprovalPath(gkHead, { departmentId: gkId, steps: [{ kind: "HEAD" }] }))).code).toBe("FORBIDDEN");
    const e = await errorOf(saveApprovalPath(admin, { departmentId: orId, steps: [{ kind: "USER", userId: sekretarz.actor.id }, { kind: "USER", userId: sekretarz.actor.id }] }));
    expect(e.fieldErrors?.["steps.1.userId"]).toBeDefined();
  });
});
