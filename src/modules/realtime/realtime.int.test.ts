import { createHmac } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInPoland } from "@/lib/i18n/translator";
import { realtimeSettings } from "@/server/integrations/realtime";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, createDepartment, createSubstitution } from "@/test/factories";
import { authorizeChannel, realtimeSetup } from "./realtime.service";

const SOCKET = "1234.5678";

describe.each(TEST_DB_KINDS)("realtime channel authorization (%s)", (kind) => {
  let db: TestDb;
  let p: PrismaClient;
  let clerk: ServiceContext, colleague: ServiceContext, outsider: ServiceContext, kancelaria: ServiceContext, sekretarz: ServiceContext;
  let gk: { id: string }, os: { id: string };
  const auth = (ctx: ServiceContext, channel: string, socket = SOCKET) => authorizeChannel(p, ctx.actor, socket, channel);

  beforeAll(async () => {
    db = await createTestDb(kind);
    p = db.prisma;
    gk = await createDepartment(p, { symbol: "GK" });
    os = await createDepartment(p, { symbol: "OS" });
    const ko = await createDepartment(p, { symbol: "KO" });
    clerk = await createActor(p, ["PRACOWNIK"], gk.id);
    colleague = await createActor(p, ["PRACOWNIK"], gk.id);
    outsider = await createActor(p, ["PRACOWNIK"], os.id);
    kancelaria = await createActor(p, ["KANCELARIA"], ko.id);
    sekretarz = await createActor(p, ["SEKRETARZ"], null);
  });
  afterAll(async () => db?.destroy());

  it("signs the person's own channel with the app secret (Pusher's HMAC of socket id and channel)", async () => {
    const channel = `private-user-${clerk.actor.id}`;
    const result = await auth(clerk, channel);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { key, secret } = realtimeSettings();
    expect(result.auth.auth).toBe(`${key}:${createHmac("sha256", secret).update(`${SOCKET}:${channel}`).digest("hex")}`);
  });

  it("refuses someone else's channel, another department, and the registry to a clerk", async () => {
    expect(await auth(clerk, `private-user-${colleague.actor.id}`)).toMatchObject({ ok: false, status: 403 });
    expect(await auth(clerk, `private-department-${os.id}`)).toMatchObject({ ok: false, status: 403 });
    expect(await auth(outsider, `private-department-${gk.id}`)).toMatchObject({ ok: false, status: 403 });
    expect(await auth(clerk, "private-registry")).toMatchObject({ ok: false, status: 403 });
    expect((await auth(clerk, `private-department-${gk.id}`)).ok).toBe(true);
  });

  it("lets the kancelaria and the management into the registry channel", async () => {
    expect((await auth(kancelaria, "private-registry")).ok).toBe(true);
    expect((await auth(sekretarz, "private-registry")).ok).toBe(true);
  });

  it("lets today's substitute into the absent person's channel, and not after the substitution is cancelled", async () => {
    const today = todayInPoland();
    const s = await createSubstitution(p, { absentId: colleague.actor.id, substituteId: clerk.actor.id, dateFrom: today, dateTo: today, createdById: sekretarz.actor.id });
    expect((await auth(clerk, `private-user-${colleague.actor.id}`)).ok).toBe(true);
    expect((await realtimeSetup(p, clerk.actor)).channels).toContain(`private-user-${colleague.actor.id}`);
    await p.substitution.update({ where: { id: s.id }, data: { cancelledAt: new Date() } });
    expect(await auth(clerk, `private-user-${colleague.actor.id}`)).toMatchObject({ ok: false, status: 403 });
  });

  it("gives the presence channel the person's id and name", async () => {
    const result = await auth(clerk, "presence-office");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(result.auth.channel_data!)).toMatchObject({ user_id: clerk.actor.id, user_info: { name: `${clerk.actor.firstName} ${clerk.actor.lastName}` } });
  });

  it("rejects malformed socket ids and channel names", async () => {
    expect(await auth(clerk, `private-user-${clerk.actor.id}`, "abc")).toMatchObject({ ok: false, status: 400 });
    expect(await auth(clerk, "public-news")).toMatchObject({ ok: false, status: 400 });
    expect(await auth(clerk, `private-user-${clerk.actor.id}:x`)).toMatchObject({ ok: false, status: 400 });
  });

  it("lists exactly the channels the person may join", async () => {
    const setup = await realtimeSetup(p, clerk.actor);
    for (const channel of setup.channels) expect((await auth(clerk, channel)).ok, channel).toBe(true);
    expect(setup.userChannel).toBe(`private-user-${clerk.actor.id}`);
  });
});
