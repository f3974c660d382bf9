/**
 * Polecenia on PGlite and on the PostgreSQL server: who may give tasks to whom, each assignee's
 * path (accept, progress, question, done, confirm or return), overdue flags and reminders,
 * substitutes, visibility, notifications and the append-only thread.
 */
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInPoland } from "@/lib/i18n/translator";
import { addDays } from "@/modules/cases/deadlines";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createSubstitution, createUser, errorOf, TEST_META } from "@/test/factories";
import {
  acceptTask,
  askClarification,
  commentTask,
  completeTask,
  confirmTask,
  createTask,
  getTask,
  listAssignable,
  listTasks,
  remindTaskDeadlines,
  reportProgress,
  returnTask,
  taskCounts,
} from "./tasks.service";

describe.each(TEST_DB_KINDS)("polecenia (%s)", (kind) => {
  let db: TestDb;
  let prisma: PrismaClient;
  let head: ServiceContext;
  let ala: ServiceContext;
  let bogdan: ServiceContext;
  let cezary: ServiceContext;
  let fnClerk: ServiceContext;
  let secretary: ServiceContext;
  let junior: ServiceContext;
  const today = todayInPoland();
  const due = addDays(today, 2);
  let taskId = "";
  const ctxOf = async (id: string): Promise<ServiceContext> => ({ db: prisma, actor: actorOf(await prisma.user.findUniqueOrThrow({ where: { id } })), meta: TEST_META });

  beforeAll(async () => {
    db = await createTestDb(kind);
    prisma = db.prisma;
    const gk = await createDepartment(prisma, { symbol: "GK", name: "Wydział Gospodarki Komunalnej" });
    const fn = await createDepartment(prisma, { symbol: "FN", name: "Wydział Finansowy" });
    head = await ctxOf((await createUser(prisma, { firstName: "Halina", lastName: "Kierownik", departmentId: gk.id, roles: ["KIEROWNIK"] })).id);
    await prisma.department.update({ where: { id: gk.id }, data: { headId: head.actor.id } });
    ala = await ctxOf((await createUser(prisma, { firstName: "Ala", lastName: "Adamska", departmentId: gk.id })).id);
    bogdan = await ctxOf((await createUser(prisma, { firstName: "Bogdan", lastName: "Bąk", departmentId: gk.id })).id);
    cezary = await ctxOf((await createUser(prisma, { firstName: "Cezary", lastName: "Cichy", departmentId: gk.id })).id);
    junior = await ctxOf((await createUser(prisma, { firstName: "Jan", lastName: "Młodszy", departmentId: fn.id, supervisorId: ala.actor.id })).id);
    fnClerk = await ctxOf((await createUser(prisma, { firstName: "Franciszek", lastName: "Finansowy", departmentId: fn.id })).id);
    secretary = await ctxOf((await createUser(prisma, { firstName: "Sylwia", lastName: "Sekretarz", roles: ["SEKRETARZ"] })).id);
  });
  afterAll(async () => db?.destroy());

  it("gives tasks down the hierarchy only", async () => {
    const names = async (ctx: ServiceContext, q = "") => (await listAssignable(ctx, { q })).map((p) => p.name);
    expect(await names(head)).toEqual(["Ala Adamska", "Bogdan Bąk", "Cezary Cichy"]);
    expect(await names(head, "bą")).toEqual(["Bogdan Bąk"]);
    // The supervisor chain crosses departments; a clerk has nobody else below.
    expect(await names(ala)).toEqual(["Jan Młodszy"]);
    expect(await names(bogdan)).toEqual([]);
    expect((await names(secretary)).length).toBeGreaterThanOrEqual(6);

    expect((await errorOf(createTask(head, { title: "Sprawdzić faktury", assigneeIds: [fnClerk.actor.id] }))).code).toBe("FORBIDDEN");
    expect((await errorOf(createTask(bogdan, { title: "Zrób kawę", assigneeIds: [head.actor.id] }))).code).toBe("FORBIDDEN");
    expect((await errorOf(createTask(head, { title: "Wczoraj", assigneeIds: [ala.actor.id], dueDate: addDays(today, -1) }))).userMessage).toBe("Termin nie może być wcześniejszy niż dzisiaj.");
    await expect(createTask(head, { title: "x", assigneeIds: [ala.actor.id] })).rejects.toThrow("Tytuł polecenia musi mieć co najmniej 3 znaki.");
    await expect(createTask(ala, { title: "Przygotować zestawienie", assigneeIds: [junior.actor.id] })).resolves.toMatchObject({ seq: expect.any(Number) });
  });

  it("a head gives a task to two clerks: both are notified (e-mail) and see it as theirs", async () => {
    const created = await createTask(head, { title: "Inwentaryzacja oznakowania dróg", description: "Spis znaków w sołectwach.", priority: "HIGH", dueDate: due, assigneeIds: [ala.actor.id, bogdan.actor.id] });
    taskId = created.id;
    const notes = await prisma.notification.findMany({ where: { type: "task.assigned", link: `/polecenia/${taskId}` }, select: { userId: true, delivery: true } });
    expect(notes.map((n) => n.userId).sort()).toEqual([ala.actor.id, bogdan.actor.id].sort());
    expect(notes.every((n) => n.delivery === "EMAIL")).toBe(true);
    expect(await prisma.emailMessage.count({ where: { toUserId: { in: [ala.actor.id, bogdan.actor.id] }, subject: { contains: "Inwentaryzacja" } } })).toBe(2);
    const mine = await listTasks(ala, { view: "mine" });
    expect(mine.items.map((t) => t.title)).toContain("Inwentaryzacja oznakowania dróg");
    expect(mine.items.find((t) => t.id === taskId)).toMatchObject({ priority: "HIGH", dueDate: due, overdue: false, giver: { name: "Halina Kierownik" } });
    expect((await listTasks(head, { view: "given" })).items.map((t) => t.id)).toContain(taskId);
    expect((await listTasks(head, { view: "department" })).items.map((t) => t.id)).toContain(taskId);
    expect((await errorOf(listTasks(ala, { view: "department" }))).code).toBe("FORBIDDEN");
    expect(await taskCounts(ala)).toMatchObject({ mine: 1, mineOverdue: 0 });
  });

  it("nobody else sees it", async () => {
    expect((await errorOf(getTask(fnClerk, taskId))).code).toBe("NOT_FOUND");
    expect((await errorOf(commentTask(fnClerk, { taskId, body: "Ja też?" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(getTask(cezary, taskId))).code).toBe("NOT_FOUND");
    expect((await listTasks(cezary, { view: "mine" })).items).toEqual([]);
    await expect(getTask(secretary, taskId)).resolves.toMatchObject({ id: taskId, isGiver: false, myAssigneeId: null });
  });

  it("Ala accepts, reports progress, asks; the head answers; Ala reports it done and the head confirms", async () => {
    await acceptTask(ala, taskId);
    expect((await errorOf(acceptTask(ala, taskId))).code).toBe("CONFLICT");
    await reportProgress(ala, { taskId, progress: 50, body: "Połowa sołectw." });
    await expect(reportProgress(ala, { taskId, progress: 150 })).rejects.toThrow("Postęp to liczba od 0 do 100.");
    await askClarification(ala, { taskId, body: "Czy liczyć też znaki poziome?" });
    let detail = await getTask(head, taskId);
    expect(detail.assignees.find((a) => a.person.id === ala.actor.id)).toMatchObject({ status: "ACCEPTED", progress: 50, awaitingAnswer: true });
    expect(await prisma.notification.count({ where: { userId: head.actor.id, type: "task.commented" } })).toBe(2);
    await commentTask(head, { taskId, body: "Tak, poziome też." });
    detail = await getTask(ala, taskId);
    expect(detail.assignees.find((a) => a.person.id === ala.actor.id)!.awaitingAnswer).toBe(false);
    expect(detail.entries.map((e) => e.kind)).toEqual(["ACCEPTED", "PROGRESS", "QUESTION", "ANSWER"]);
    expect(detail).toMatchObject({ isGiver: false, myAssigneeId: expect.any(String) });

    expect((await errorOf(confirmTask(head, { taskId, assigneeId: detail.myAssigneeId! }))).code).toBe("CONFLICT");
    await completeTask(ala, { taskId, body: "Spis w załączniku do sprawy." });
    expect(await prisma.notification.count({ where: { userId: head.actor.id, type: "task.done" } })).toBe(1);
    expect((await errorOf(confirmTask(ala, { taskId, assigneeId: detail.myAssigneeId! }))).code).toBe("FORBIDDEN");
    await confirmTask(head, { taskId, assigneeId: detail.myAssigneeId! });
    const after = await getTask(head, taskId);
    expect(after.assignees.find((a) => a.person.id === ala.actor.id)).toMatchObject({ status: "CONFIRMED", progress: 100, confirmedAt: expect.any(Date) });
    expect(after.isGiver).toBe(true);
    expect(await prisma.notification.count({ where: { userId: ala.actor.id, type: "task.confirmed" } })).toBe(1);
  });

  it("a return needs a reason; after the deadline Bogdan's part is flagged overdue and reminded once", async () => {
    const detail = await getTask(head, taskId);
    const bogdanRow = detail.assignees.find((a) => a.person.id === bogdan.actor.id)!;
    await completeTask(bogdan, { taskId });
    await expect(returnTask(head, { taskId, assigneeId: bogdanRow.id, body: " " })).rejects.toThrow("Napisz, co trzeba poprawić lub uzupełnić.");
    await returnTask(head, { taskId, assigneeId: bogdanRow.id, body: "Brakuje sołectwa Zarzecze." });
    expect((await getTask(bogdan, taskId)).assignees.find((a) => a.id === bogdanRow.id)).toMatchObject({ status: "RETURNED", overdue: false });

    const later = new Date(`${addDays(due, 1)}T10:00:00Z`);
    const flagged = await getTask(head, taskId, later);
    expect(flagged.overdue).toBe(true);
    expect(flagged.assignees.map((a) => [a.person.name, a.overdue])).toEqual([
      ["Ala Adamska", false],
      ["Bogdan Bąk", true],
    ]);
    expect(await taskCounts(bogdan, later)).toMatchObject({ mine: 1, mineOverdue: 1 });
    expect(await taskCounts(head, later)).toMatchObject({ givenOverdue: 1 });

    const day = addDays(due, 1);
    expect(await remindTaskDeadlines(prisma, day, later)).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await remindTaskDeadlines(prisma, day, later)).toEqual({ dueSoon: 0, overdue: 0 });
    const reminders = await prisma.notification.findMany({ where: { type: { in: ["task.overdue", "task.overdue-given"] } }, select: { userId: true, type: true } });
    expect(reminders.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { userId: bogdan.actor.id, type: "task.overdue" },
      { userId: head.actor.id, type: "task.overdue-given" },
    ]);
  });

  it("a substitute works on the absent person's task, recorded as on their behalf; the thread is append-only", async () => {
    await createSubstitution(prisma, { absentId: bogdan.actor.id, substituteId: cezary.actor.id, dateFrom: today, dateTo: addDays(today, 5), createdById: head.actor.id });
    expect((await listTasks(cezary, { view: "mine" })).items.map((t) => t.id)).toContain(taskId);
    await completeTask(cezary, { taskId, body: "Uzupełniono Zarzecze." });
    const detail = await getTask(head, taskId);
    const last = detail.entries[detail.entries.length - 1]!;
    expect(last).toMatchObject({ kind: "DONE", author: "Cezary Cichy", onBehalfOf: "Bogdan Bąk", assignee: "Bogdan Bąk" });
    await expect(prisma.taskEntry.update({ where: { id: last.id }, data: { body: "zmiana" } })).rejects.toThrow();
    await expect(prisma.taskEntry.delete({ where: { id: last.id } })).rejects.toThrow();
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "task", entityId: taskId }, select: { action: true } });
    expect(audit[0]!.action).toBe("task.created");
    expect(audit.length).toBe(detail.entries.length + 1);
  });

  it("lists open and closed tasks separately", async () => {
    const open = await listTasks(head, { view: "given", state: "open" });
    expect(open.items.map((t) => t.id)).toContain(taskId);
    const bogdanRow = (await getTask(head, taskId)).assignees.find((a) => a.person.id === bogdan.actor.id)!;
    await confirmTask(head, { taskId, assigneeId: bogdanRow.id });
    expect((await listTasks(head, { view: "given", state: "open" })).items.map((t) => t.id)).not.toContain(taskId);
    expect((await listTasks(head, { view: "given", state: "closed" })).items.map((t) => t.id)).toContain(taskId);
    expect((await listTasks(ala, { view: "mine", state: "closed" })).items.map((t) => t.id)).toContain(taskId);
  });
});
