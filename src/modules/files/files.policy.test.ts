import { describe, expect, it } from "vitest";
import type { WorkScope } from "@/modules/documents/documents.policy";
import { canAttachFiles, filesReadOnlyReason, type FilePolicyDocument } from "./files.policy";

const scope = (over: Partial<WorkScope> = {}): WorkScope => ({
  actorId: "me",
  userIds: ["me"],
  departmentIds: ["GK"],
  headOfDepartmentIds: [],
  all: false,
  registry: false,
  ...over,
});

const doc = (over: Partial<FilePolicyDocument> = {}): FilePolicyDocument => ({
  kind: "INCOMING",
  status: "IN_PROGRESS",
  createdById: "kancelaria",
  assigneeId: "someone",
  departmentId: "GK",
  assignments: [],
  case: null,
  ...over,
});

describe("canAttachFiles", () => {
  it("refuses a colleague who only sees the document through the department", () => {
    expect(canAttachFiles(scope(), doc())).toBe(false);
  });

  it("allows the author, the assignee, someone with an assignment and the responsible clerk of the case", () => {
    expect(canAttachFiles(scope(), doc({ createdById: "me" }))).toBe(true);
    expect(canAttachFiles(scope(), doc({ assigneeId: "me" }))).toBe(true);
    expect(canAttachFiles(scope(), doc({ assignments: [{ userId: null }, { userId: "me" }] }))).toBe(true);
    expect(canAttachFiles(scope(), doc({ case: { responsibleId: "me" } }))).toBe(true);
    expect(canAttachFiles(scope(), doc({ case: { responsibleId: "other" } }))).toBe(false);
  });

  it("allows a substitute to act for the absent assignee", () => {
    expect(canAttachFiles(scope({ userIds: ["me", "absent"] }), doc({ assigneeId: "absent" }))).toBe(true);
  });

  it("allows the head of the document's department, not the head of another", () => {
    expect(canAttachFiles(scope({ headOfDepartmentIds: ["GK"] }), doc())).toBe(true);
    expect(canAttachFiles(scope({ headOfDepartmentIds: ["FN"] }), doc())).toBe(false);
    expect(canAttachFiles(scope({ headOfDepartmentIds: ["GK"] }), doc({ departmentId: null }))).toBe(false);
  });

  it("lets the kancelaria add scans to an open incoming letter only", () => {
    const registry = scope({ registry: true, departmentIds: [] });
    expect(canAttachFiles(registry, doc({ status: "REGISTERED", departmentId: null, assigneeId: null }))).toBe(true);
    expect(canAttachFiles(registry, doc({ kind: "OUTGOING", status: "APPROVED" }))).toBe(false);
    expect(canAttachFiles(registry, doc({ kind: "INTERNAL" }))).toBe(false);
    expect(canAttachFiles(registry, doc({ status: "DONE" }))).toBe(false);
  });

  it("does not let management (view all) attach files just because they see everything", () => {
    expect(canAttachFiles(scope({ all: true }), doc())).toBe(false);
  });

  it("makes DONE, CANCELLED and dispatched documents read-only even for their author", () => {
    expect(canAttachFiles(scope(), doc({ createdById: "me", status: "DONE" }))).toBe(false);
    expect(canAttachFiles(scope(), doc({ createdById: "me", kind: "OUTGOING", status: "DISPATCHED" }))).toBe(false);
    expect(canAttachFiles(scope(), doc({ createdById: "me", kind: "OUTGOING", status: "CANCELLED" }))).toBe(false);
    expect(canAttachFiles(scope(), doc({ createdById: "me", kind: "OUTGOING", status: "DRAFT" }))).toBe(true);
    expect(filesReadOnlyReason({ kind: "OUTGOING", status: "DISPATCHED" })).toMatch(/wysłane/);
    expect(filesReadOnlyReason({ kind: "INCOMING", status: "DONE" })).toMatch(/załatwione/);
    expect(filesReadOnlyReason({ kind: "INCOMING", status: "REGISTERED" })).toBeNull();
  });
});
