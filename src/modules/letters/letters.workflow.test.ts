import { describe, expect, it } from "vitest";
import { decreeProblems, ZForwardInput, ZRegisterLetterInput } from "./letters.schemas";
import { allowedActions, canAct, decreeMode, documentEffect, nextStatus, replacedByDecree, type AssignmentState, type WorkflowScope } from "./letters.workflow";

const GK = "gk";
const FN = "fn";
const head: WorkflowScope = { userIds: ["head"], departmentIds: [GK], headOfDepartmentIds: [GK], registry: false };
const clerk: WorkflowScope = { userIds: ["clerk"], departmentIds: [GK], headOfDepartmentIds: [], registry: false };
const substitute: WorkflowScope = { userIds: ["sub", "clerk"], departmentIds: [FN, GK], headOfDepartmentIds: [], registry: false };
const other: WorkflowScope = { userIds: ["other"], departmentIds: [FN], headOfDepartmentIds: [], registry: false };
const kancelaria: WorkflowScope = { userIds: ["k"], departmentIds: [], headOfDepartmentIds: [], registry: true };

const row = (v: Partial<AssignmentState> = {}): AssignmentState => ({ role: "LEADING", status: "TO_DEPARTMENT", departmentId: GK, userId: null, ...v });

describe("dekretacja rules", () => {
  it("lets only the head assign a new or returned letter of their department to a clerk", () => {
    expect(allowedActions(row(), head)).toEqual(["assign", "forward"]);
    expect(allowedActions(row({ status: "RETURNED", userId: "clerk" }), head)).toEqual(["assign", "forward"]);
    expect(allowedActions(row(), clerk)).toEqual([]);
    expect(allowedActions(row(), other)).toEqual([]);
    expect(allowedActions(row({ departmentId: FN }), head)).toEqual([]);
  });

  it("lets the clerk, or the clerk's substitute, accept, return or forward; not anybody else", () => {
    const toUser = row({ status: "TO_USER", userId: "clerk" });
    expect(allowedActions(toUser, clerk)).toEqual(["accept", "return", "forward"]);
    expect(allowedActions(toUser, substitute)).toEqual(["accept", "return", "forward"]);
    expect(allowedActions(toUser, other)).toEqual([]);
    // The head may still give it to someone else or forward it, but not accept on the clerk's behalf.
    expect(allowedActions(toUser, head)).toEqual(["assign", "forward"]);
  });

  it("lets the clerk finish an accepted letter, and nothing happens to finished rows", () => {
    const accepted = row({ status: "ACCEPTED", userId: "clerk" });
    expect(allowedActions(accepted, clerk)).toEqual(["done", "return", "forward"]);
    expect(canAct(accepted, "accept", clerk)).toBe(false);
    expect(canAct(accepted, "assign", head)).toBe(false);
    for (const status of ["DONE", "FORWARDED", "READ"] as const) {
      expect(allowedActions(row({ status, userId: "clerk" }), clerk)).toEqual([]);
      expect(allowedActions(row({ status, userId: "clerk" }), head)).toEqual([]);
    }
  });

  it("lets an INFO copy only be marked read, by the person or by the department", () => {
    const copy = row({ role: "INFO" });
    expect(allowedActions(copy, clerk)).toEqual(["read"]);
    expect(allowedActions(copy, head)).toEqual(["read"]);
    expect(allowedActions(copy, other)).toEqual([]);
    const personal = row({ role: "INFO", status: "TO_USER", userId: "clerk" });
    expect(allowedActions(personal, substitute)).toEqual(["read"]);
    expect(allowedActions(personal, head)).toEqual([]);
    expect(allowedActions(row({ role: "INFO", status: "READ" }), clerk)).toEqual([]);
  });

  it("names the state each action leaves", () => {
    expect(nextStatus("assign")).toBe("TO_USER");
    expect(nextStatus("accept")).toBe("ACCEPTED");
    expect(nextStatus("return")).toBe("RETURNED");
    expect(nextStatus("forward")).toBe("FORWARDED");
    expect(nextStatus("read")).toBe("READ");
    expect(nextStatus("done")).toBe("DONE");
  });
});

describe("the document follows its leading assignment", () => {
  const doc = { status: "REGISTERED" as const, departmentId: GK, assigneeId: null, dueDate: null };

  it("makes the accepting clerk responsible, with the deadline", () => {
    expect(documentEffect({ ...row({ status: "TO_USER", userId: "clerk" }), dueDate: "2026-12-01" }, "accept", doc)).toEqual({ status: "IN_PROGRESS", assigneeId: "clerk", dueDate: "2026-12-01" });
  });

  it("clears the clerk when an accepted letter is returned or forwarded, and closes it when done", () => {
    const accepted = row({ status: "ACCEPTED", userId: "clerk" });
    const inProgress = { ...doc, status: "IN_PROGRESS" as const, assigneeId: "clerk" };
    expect(documentEffect(accepted, "return", inProgress)).toEqual({ status: "REGISTERED", assigneeId: null });
    expect(documentEffect(row({ status: "TO_USER", userId: "clerk" }), "return", doc)).toEqual({});
    expect(documentEffect(accepted, "forward", inProgress, { departmentId: FN })).toEqual({ departmentId: FN, assigneeId: null, status: "REGISTERED" });
    expect(documentEffect(accepted, "done", inProgress)).toEqual({ status: "DONE" });
  });

  it("ignores cooperating and INFO rows", () => {
    expect(documentEffect(row({ role: "COOPERATING", status: "TO_USER", userId: "clerk" }), "accept", doc)).toEqual({});
    expect(documentEffect(row({ role: "INFO" }), "read", doc)).toEqual({});
  });
});

describe("dekretacja by the kancelaria", () => {
  const incoming = { kind: "INCOMING" as const, status: "REGISTERED" as const };

  it("decrees a new letter, corrects it before a clerk accepts, and not after", () => {
    expect(decreeMode(incoming, [], kancelaria)).toBe("initial");
    expect(decreeMode(incoming, [row({ status: "FORWARDED" })], kancelaria)).toBe("initial");
    expect(decreeMode(incoming, [row(), row({ role: "INFO", departmentId: FN })], kancelaria)).toBe("fix");
    expect(decreeMode(incoming, [row({ status: "ACCEPTED", userId: "clerk" })], kancelaria)).toBeNull();
    expect(decreeMode(incoming, [], head)).toBeNull();
    expect(decreeMode({ kind: "INTERNAL", status: "REGISTERED" }, [], kancelaria)).toBeNull();
    expect(decreeMode({ ...incoming, status: "DONE" }, [], kancelaria)).toBeNull();
  });

  it("replaces the rows nobody has taken up", () => {
    expect(replacedByDecree(row())).toBe(true);
    expect(replacedByDecree(row({ status: "TO_USER", userId: "clerk" }))).toBe(true);
    expect(replacedByDecree(row({ status: "ACCEPTED", userId: "clerk" }))).toBe(false);
    expect(replacedByDecree(row({ role: "INFO" }))).toBe(true);
    expect(replacedByDecree(row({ role: "INFO", status: "READ" }))).toBe(false);
  });

  it("refuses a department both leading and cooperating, and cooperating ones without a leader", () => {
    expect(decreeProblems({ leadingDepartmentId: GK, cooperatingDepartmentIds: [FN], infoDepartmentIds: [] })).toEqual([]);
    expect(decreeProblems({ leadingDepartmentId: GK, cooperatingDepartmentIds: [GK], infoDepartmentIds: [] }).map((p) => p.path)).toEqual(["cooperatingDepartmentIds"]);
    expect(decreeProblems({ leadingDepartmentId: GK, cooperatingDepartmentIds: [FN], infoDepartmentIds: [FN] }).map((p) => p.path)).toEqual(["infoDepartmentIds"]);
    expect(decreeProblems({ leadingDepartmentId: "", cooperatingDepartmentIds: [], infoDepartmentIds: [FN] }).map((p) => p.path)).toEqual(["leadingDepartmentId"]);
  });
});

describe("forms", () => {
  const ok = { channel: "PAPER", senderId: "c1", receivedAt: "2026-11-25T09:15", subject: "Wniosek o wycinkę drzewa" };

  it("accepts a minimal registration and explains what is missing", () => {
    expect(ZRegisterLetterInput.safeParse(ok).success).toBe(true);
    const issues = (v: object) => ZRegisterLetterInput.safeParse({ ...ok, ...v }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ senderId: "" })).toEqual([["senderId", "Wybierz nadawcę z bazy teleadresowej albo dodaj nowy kontakt."]]);
    expect(issues({ subject: " " })).toEqual([["subject", "Podaj, czego dotyczy pismo."]]);
    expect(issues({ pages: "dwie" })).toEqual([["pages", "Podaj liczbę całkowitą od 0 do 9999."]]);
    expect(issues({ letterDate: "2026-02-30" })).toEqual([["letterDate", "Podaj datę w formacie RRRR-MM-DD."]]);
    expect(issues({ receivedAt: "25.11.2026" })).toEqual([["receivedAt", "Podaj datę i godzinę w formacie RRRR-MM-DD GG:MM."]]);
    expect(issues({ channel: "FAX" })).toEqual([["channel", "Wybierz kanał wpływu."]]);
  });

  it("needs exactly one target of a forwarding", () => {
    expect(ZForwardInput.safeParse({ assignmentId: "a", departmentId: FN, reason: "Właściwość" }).success).toBe(true);
    expect(ZForwardInput.safeParse({ assignmentId: "a", reason: "Właściwość" }).success).toBe(false);
    expect(ZForwardInput.safeParse({ assignmentId: "a", departmentId: FN, userId: "u", reason: "Właściwość" }).success).toBe(false);
    expect(ZForwardInput.safeParse({ assignmentId: "a", departmentId: FN, reason: "" }).success).toBe(false);
  });
});

describe("Polish local time", async () => {
  const { dateToWarsawLocal, warsawDayStart, warsawLocalToDate } = await import("./letters.dates");
  it("reads the received time as Polish time, in winter and in summer", () => {
    expect(warsawLocalToDate("2026-11-25T09:15").toISOString()).toBe("2026-11-25T08:15:00.000Z");
    expect(warsawLocalToDate("2026-07-01T09:15").toISOString()).toBe("2026-07-01T07:15:00.000Z");
    expect(warsawLocalToDate("2027-01-01T00:30").toISOString()).toBe("2026-12-31T23:30:00.000Z");
    expect(dateToWarsawLocal(new Date("2026-12-31T23:30:00.000Z"))).toBe("2027-01-01T00:30");
    expect(warsawDayStart("2026-03-29", 1).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});

describe("list parameters", async () => {
  const { letterListHref, letterListInputFromParams } = await import("./letters.params");
  it("reads the address bar defensively and writes it back", () => {
    const input = letterListInputFromParams("INCOMING", { q: " żółw ", rok: "2026", kanal: "EPUAP", status: "DONE", od: "2026-01-01", do: "bad", moje: "1", sort: "numer", strona: "2" });
    expect(input).toMatchObject({ q: "żółw", year: 2026, channel: "EPUAP", status: "DONE", from: "2026-01-01", to: undefined, mine: true, sort: "number", page: 2 });
    expect(letterListHref(input, 3)).toBe("/pisma/przychodzace?q=%C5%BC%C3%B3%C5%82w&rok=2026&kanal=EPUAP&status=DONE&od=2026-01-01&moje=1&sort=numer&strona=3");
    expect(letterListInputFromParams("INTERNAL", { kanal: "EPUAP", rok: "99", strona: "-1", sort: "x" })).toMatchObject({ channel: undefined, year: undefined, page: 1, sort: "received" });
  });
});
