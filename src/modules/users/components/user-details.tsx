"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { DataTable, TableScroll } from "@/components/data-table";
import { FormMessage } from "@/components/form/field";
import { useFormErrors } from "@/components/form/form-errors";
import { useLocale, useT } from "@/components/i18n";
import { PageHeader } from "@/components/page-header";
import { formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { USERS_PATH } from "../users.params";
import { ZSetUserPasswordInput, ZUpdateUserInput, type UserDetails as UserDetailsDto } from "../users.schemas";
import { GeneratedPassword } from "./generated-password";
import { PasswordChoice, readPasswordChoice } from "./password-choice";
import { UserStatusBadges } from "./status-badges";
import { readUserFields, UserFields } from "./user-fields";

/** One account: editable data and roles, account actions, and the person's recent audit trail. */
export function UserDetails({ id, selfId }: { id: string; selfId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const { data: user } = useSuspenseQuery(trpc.users.get.queryOptions({ id }));
  const isSelf = user.id === selfId;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={USERS_PATH} className="link">
          {t("users.backToList")}
        </Link>
      </p>
      <PageHeader
        title={`${user.firstName} ${user.lastName}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="break-all">{user.email}</span>
            <UserStatusBadges active={user.active} locked={user.locked} t={t} />
          </span>
        }
      />
      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        <EditSection user={user} />
        <div className="space-y-4">
          <AccountSection user={user} isSelf={isSelf} />
          {isSelf ? null : <PasswordSection userId={user.id} />}
        </div>
      </div>
      <EventsSection user={user} />
    </>
  );
}

function useInvalidateUser(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (alsoOptions = false) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.users.get.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() }),
      alsoOptions ? queryClient.invalidateQueries({ queryKey: trpc.users.formOptions.queryKey() }) : null,
    ]);
}

function EditSection({ user }: { user: UserDetailsDto }) {
  const t = useT();
  const trpc = useTRPC();
  const invalidate = useInvalidateUser(user.id);
  const { data: options } = useSuspenseQuery(trpc.users.formOptions.queryOptions());
  // Remounts the form after a successful save only, so other refreshes never discard what is being typed.
  const [version, setVersion] = useState(0);
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        await invalidate(true);
        setVersion((v) => v + 1);
      },
    }),
  );
  const { formRef, errors, check } = useFormErrors(ZUpdateUserInput, update.error);
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <section className="card" aria-labelledby="user-data">
      <h2 id="user-data" className="mb-4 text-lg font-semibold">
        {t("users.details.data")}
      </h2>
      <form
        ref={formRef}
        key={version}
        noValidate
        className="space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          const ok = check({ id: user.id, ...readUserFields(e.currentTarget) });
          if (!ok) {
            update.reset();
            return;
          }
          update.mutate(ok.input);
        }}
      >
        <FormMessage error={hasFieldErrors ? t("users.form.hasErrors") : update.error?.message} success={update.isSuccess ? t("common.saved") : null} />
        <UserFields
          defaults={{
            email: user.email,
            firstName: user.firstName,
            lastName: user.lastName,
            phone: user.phone ?? "",
            roles: user.roles,
            departmentId: user.departmentId ?? "",
            positionId: user.positionId ?? "",
            locationId: user.locationId ?? "",
            supervisorId: user.supervisorId ?? "",
          }}
          options={options}
          errors={errors}
          current={{ department: user.departmentSymbol, location: user.locationName, supervisor: user.supervisorName }}
          selfId={user.id}
        />
        <button type="submit" className="btn-primary" disabled={update.isPending}>
          {update.isPending ? t("common.saving") : t("users.form.save")}
        </button>
      </form>
    </section>
  );
}

function AccountSection({ user, isSelf }: { user: UserDetailsDto; isSelf: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const invalidate = useInvalidateUser(user.id);
  const [done, setDone] = useState<string | null>(null);
  const options = (message: string, alsoOptions = false) => ({
    onMutate: () => setDone(null),
    onSuccess: async () => {
      await invalidate(alsoOptions);
      setDone(message);
    },
  });
  const unlock = useMutation(trpc.users.unlock.mutationOptions(options(t("users.details.unlocked"))));
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions(options(t("users.details.deactivated"), true)));
  const activate = useMutation(trpc.users.activate.mutationOptions(options(t("users.details.activated"), true)));
  const error = unlock.error ?? deactivate.error ?? activate.error;
  const pending = unlock.isPending || deactivate.isPending || activate.isPending;
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : t("users.details.never"));
  const name = `${user.firstName} ${user.lastName}`;

  return (
    <section className="card" aria-labelledby="user-account">
      <h2 id="user-account" className="mb-3 text-lg font-semibold">
        {t("users.details.account")}
      </h2>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-700">{t("users.details.status")}</dt>
        <dd>
          <UserStatusBadges active={user.active} locked={user.locked} t={t} />
        </dd>
        {user.locked && user.lockedUntil && (
          <>
            <dt className="text-slate-700">{t("users.details.lockedUntil")}</dt>
            <dd>{formatDateTime(user.lockedUntil, locale)}</dd>
          </>
        )}
        <dt className="text-slate-700">{t("users.details.failedLogins")}</dt>
        <dd>{user.failedLoginCount}</dd>
        <dt className="text-slate-700">{t("users.details.lastLogin")}</dt>
        <dd>{when(user.lastLoginAt)}</dd>
        <dt className="text-slate-700">{t("users.details.passwordChanged")}</dt>
        <dd>{when(user.passwordChangedAt)}</dd>
        <dt className="text-slate-700">{t("users.details.createdAt")}</dt>
        <dd>{when(user.createdAt)}</dd>
      </dl>
      <div className="space-y-3">
        <FormMessage error={error?.message} success={done} />
        {isSelf && <p className="text-sm text-slate-800">{t("users.details.yourAccount")}</p>}
        <div className="flex flex-wrap gap-2">
          {user.locked && (
            <button type="button" className="btn-primary" disabled={pending} onClick={() => unlock.mutate({ id: user.id })} data-testid="unlock-user">
              {t("users.details.unlock")}
            </button>
          )}
          {!isSelf &&
            (user.active ? (
              <ConfirmButton
                label={t("users.details.deactivate")}
                title={t("users.details.deactivateTitle")}
                text={t("users.details.deactivateText", { name })}
                confirmLabel={t("users.details.deactivate")}
                onConfirm={() => deactivate.mutate({ id: user.id })}
                disabled={pending}
                testId="deactivate-user"
              />
            ) : (
              <button type="button" className="btn-secondary" disabled={pending} onClick={() => activate.mutate({ id: user.id })} data-testid="activate-user">
                {t("users.details.activate")}
              </button>
            ))}
        </div>
      </div>
    </section>
  );
}

function PasswordSection({ userId }: { userId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const invalidate = useInvalidateUser(userId);
  const [round, setRound] = useState(0);
  const setPassword = useMutation(trpc.users.setPassword.mutationOptions({ onSuccess: () => invalidate() }));
  const { formRef, errors, check } = useFormErrors(ZSetUserPasswordInput, setPassword.error);
  const result = setPassword.data;

  return (
    <section className="card" aria-labelledby="user-password">
      <h2 id="user-password" className="mb-1 text-lg font-semibold">
        {t("users.details.newPassword")}
      </h2>
      <p className="mb-3 text-sm text-slate-800">{t("users.details.newPasswordHint")}</p>
      <form
        ref={formRef}
        key={round}
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const ok = check({ id: userId, ...readPasswordChoice(e.currentTarget) });
          if (!ok) {
            setPassword.reset();
            return;
          }
          setPassword.mutate(ok.input, { onSuccess: () => setRound((r) => r + 1) });
        }}
      >
        <FormMessage error={errors.password ? null : setPassword.error?.message} success={result ? t("users.details.passwordSetDone") : null} />
        {result?.generatedPassword && <GeneratedPassword label={t("users.details.generatedPassword")} password={result.generatedPassword} />}
        <PasswordChoice legend={t("users.details.passwordHow")} error={errors.password} />
        <button type="submit" className="btn-secondary" disabled={setPassword.isPending} data-testid="set-password">
          {setPassword.isPending ? t("users.details.settingPassword") : t("users.details.setPassword")}
        </button>
      </form>
    </section>
  );
}

function EventsSection({ user }: { user: UserDetailsDto }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card mt-4" aria-labelledby="user-events">
      <h2 id="user-events" className="text-lg font-semibold">
        {t("users.details.events")}
      </h2>
      <p className="mb-3 text-sm text-slate-800">{t("users.details.eventsHint")}</p>
      {user.recentEvents.length === 0 ? (
        <p className="text-sm text-slate-800">{t("users.details.noEvents")}</p>
      ) : (
        <TableScroll labelledBy="user-events">
          <DataTable caption={t("users.details.events")} columns={[t("users.details.when"), t("users.details.action"), t("users.details.object"), t("users.details.ip")]} className="min-w-[36rem]">
            {user.recentEvents.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap">{formatDateTime(e.occurredAt, locale)}</td>
                <td>
                  <code className="text-xs">{e.action}</code>
                </td>
                <td className="break-all">
                  {e.entityType}
                  {e.entityId ? ` · ${e.entityId}` : ""}
                </td>
                <td>{e.ip ?? t("common.noData")}</td>
              </tr>
            ))}
          </DataTable>
        </TableScroll>
      )}
    </section>
  );
}
