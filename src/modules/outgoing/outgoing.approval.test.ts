import { describe, expect, it } from "vitest";
import { decide, initialStepStatuses, resolveApprovers, statusAllows, withdrawUpdates, type StepState } from "./outgoing.approval";
import { defaultChannelFor, recipientChannelProblem } from "./outgoing.schemas";

const HEAD = { kind: "HEAD" as const, userId: null };
const USER = (userId: string) => ({ kind: "USER" as const, userId });

describe("approval path resolution", () => {
  const dept = { headId: "head", parentHeadId: null };

  it("defaults to the head of the author's department", () => {
    expect(resolveApprovers([], dept, "clerk")).toEqual({ ok: true, approverIds: ["head"] });
  });

  it("follows the configured order: head, then a named person", () => {
    expect(resolveApprovers([HEAD, USER("sekretarz")], dept, "clerk")).toEqual({ ok: true, approverIds: ["head", "sekretarz"] });
    expect(resolveApprovers([USER("sekretarz"), HEAD], dept, "clerk")).toEqual({ ok: true, approverIds: ["sekretarz", "head"] });
  });

  it("skips the author's own step; nothing left means approved at once", () => {
    expect(resolveApprovers([HEAD, USER("sekretarz")], dept, "head")).toEqual({ ok: true, approverIds: ["sekretarz"] });
    expect(resolveApprovers([HEAD], dept, "head")).toEqual({ ok: true, approverIds: [] });
    expect(resolveApprovers([HEAD, USER("sekretarz")], { headId: "x", parentHeadId: null }, "sekretarz")).toEqual({ ok: true, approverIds: ["x"] });
  });

  it("asks a person only once", () => {
    expect(resolveApprovers([HEAD, USER("head"), USER("s")], dept, "clerk")).toEqual({ ok: true, approverIds: ["head", "s"] });
  });

  it("goes to the parent wydział's head for a referat without a head, or for the referat head's own letters", () => {
    expect(resolveApprovers([HEAD], { headId: null, parentHeadId: "naczelnik" }, "clerk")).toEqual({ ok: true, approverIds: ["naczelnik"] });
    expect(resolveApprovers([HEAD], { headId: "kierownik", parentHeadId: "naczelnik" }, "kierownik")).toEqual({ ok: true, approverIds: ["naczelnik"] });
    expect(resolveApprovers([HEAD], { headId: "kierownik", parentHeadId: "naczelnik" }, "clerk")).toEqual({ ok: true, approverIds: ["kierownik"] });
  });

  it("reports a missing head or person", () => {
    expect(resolveApprovers([HEAD], { headId: null, parentHeadId: null }, "clerk")).toEqual({ ok: false, problem: "NO_HEAD" });
    expect(resolveApprovers([HEAD], null, "clerk")).toEqual({ ok: false, problem: "NO_HEAD" });
    expect(resolveApprovers([{ kind: "USER", userId: null }], dept, "clerk")).toEqual({ ok: false, problem: "NO_USER" });
  });
});

describe("approval state machine", () => {
  const steps = (...statuses: StepState["status"][]): StepState[] => statuses.map((status, i) => ({ id: `s${i}`, order: i, status }));

  it("starts with the first step pending", () => {
    expect(initialStepStatuses(3)).toEqual(["PENDING", "WAITING", "WAITING"]);
    expect(initialStepStatuses(0)).toEqual([]);
  });

  it("approving moves to the next step, and after the last approves the letter", () => {
    expect(decide(steps("PENDING", "WAITING"), "approve")).toEqual({
      stepId: "s0",
      updates: [
        { id: "s0", status: "APPROVED" },
        { id: "s1", status: "PENDING" },
      ],
      documentStatus: "AWAITING_APPROVAL",
    });
    expect(decide(steps("APPROVED", "PENDING"), "approve")).toEqual({ stepId: "s1", updates: [{ id: "s1", status: "APPROVED" }], documentStatus: "APPROVED" });
  });

  it("rejecting returns the letter to DRAFT and skips the waiting steps", () => {
    expect(decide(steps("PENDING", "WAITING", "WAITING"), "reject")).toEqual({
      stepId: "s0",
      updates: [
        { id: "s0", status: "REJECTED" },
        { id: "s1", status: "SKIPPED" },
        { id: "s2", status: "SKIPPED" },
      ],
      documentStatus: "DRAFT",
    });
  });

  it("ignores earlier rounds and answers null without a pending step", () => {
    expect(decide(steps("REJECTED", "SKIPPED", "PENDING"), "approve")?.documentStatus).toBe("APPROVED");
    expect(decide(steps("APPROVED", "APPROVED"), "approve")).toBeNull();
  });

  it("withdrawing closes the open steps", () => {
    expect(withdrawUpdates(steps("APPROVED", "PENDING", "WAITING"))).toEqual([
      { id: "s1", status: "SKIPPED" },
      { id: "s2", status: "SKIPPED" },
    ]);
  });

  it("allows each action only in its status", () => {
    expect(statusAllows("DRAFT", "edit")).toBe(true);
    expect(statusAllows("AWAITING_APPROVAL", "edit")).toBe(false);
    expect(statusAllows("AWAITING_APPROVAL", "decide")).toBe(true);
    expect(statusAllows("APPROVED", "dispatch")).toBe(true);
    expect(statusAllows("DISPATCHED", "dispatch")).toBe(false);
    expect(statusAllows("DISPATCHED", "recordDelivery")).toBe(true);
  });
});

describe("recipient channels", () => {
  const c = { address: "ul. Lipowa 5, 36-040 Boguchwała", email: null, eDoreczeniaAddress: null, epuapAddress: null };

  it("proposes e-Doręczenia when the contact has an address there, else registered mail", () => {
    expect(defaultChannelFor({ eDoreczeniaAddress: "AE:PL-12345-67890-ABCDE-12" })).toBe("E_DORECZENIA");
    expect(defaultChannelFor({ eDoreczeniaAddress: null })).toBe("REGISTERED_MAIL");
  });

  it("needs the data the channel uses", () => {
    expect(recipientChannelProblem(c, "REGISTERED_MAIL")).toBeNull();
    expect(recipientChannelProblem(c, "EMAIL")).toMatch(/e-mail/);
    expect(recipientChannelProblem({ ...c, email: "a@b.pl" }, "EMAIL")).toBeNull();
    expect(recipientChannelProblem(c, "E_DORECZENIA")).toMatch(/e-Doręczeń/);
    expect(recipientChannelProblem({ ...c, address: null }, "ORDINARY_MAIL")).toMatch(/pocztowego/);
    expect(recipientChannelProblem({ ...c, address: null }, "PERSONAL")).toBeNull();
  });
});
