"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldErrorsOf, FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";

export function ProfileView() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: profile } = useSuspenseQuery(trpc.profile.get.queryOptions());
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="card" aria-labelledby="profil-dane">
        <h2 id="profil-dane" className="mb-3 text-lg font-semibold">
          {t("profile.personal")}
        </h2>
        <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-700">{t("auth.email")}</dt>
          <dd className="break-all">{profile.email}</dd>
          <dt className="text-slate-700">{t("dashboard.department")}</dt>
          <dd>{profile.departmentName ?? t("common.none")}</dd>
          <dt className="text-slate-700">{t("dashboard.position")}</dt>
          <dd>{profile.positionName ?? t("common.none")}</dd>
          <dt className="text-slate-700">{t("profile.lastLogin")}</dt>
          <dd>{profile.lastLoginAt ? formatDateTime(profile.lastLoginAt, locale) : t("common.none")}</dd>
        </dl>
        <ProfileForm phone={profile.phone ?? ""} locale={profile.locale} />
      </section>
      <section className="card" aria-labelledby="profil-haslo">
        <h2 id="profil-haslo" className="mb-3 text-lg font-semibold">
          {t("profile.changePassword")}
        </h2>
        <PasswordForm email={profile.email} />
      </section>
    </div>
  );
}

function ProfileForm({ phone, locale }: { phone: string; locale: "pl" | "en" }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        update.mutate({ phone: String(f.get("phone") ?? ""), locale: f.get("locale") === "en" ? "en" : "pl" });
      }}
    >
      <FormMessage error={update.error && !Object.keys(errors).length ? update.error.message : null} success={update.isSuccess ? t("common.saved") : null} />
      <Field label={t("profile.phone")} error={errors.phone}>
        {(p) => <input {...p} name="phone" type="tel" autoComplete="tel" defaultValue={phone} className="input" />}
      </Field>
      <Field label={t("profile.language")}>
        {(p) => (
          <select {...p} name="locale" defaultValue={locale} className="input">
            <option value="pl">Polski</option>
            <option value="en">English</option>
          </select>
        )}
      </Field>
      <button type="submit" className="btn-primary" disabled={update.isPending}>
        {update.isPending ? t("common.saving") : t("common.save")}
      </button>
    </form>
  );
}

function PasswordForm({ email }: { email: string }) {
  const t = useT();
  const trpc = useTRPC();
  const [done, setDone] = useState(false);
  const change = useMutation(
    trpc.profile.changePassword.mutationOptions({
      // The password change ends every session, this one too: sign in again with the new password.
      onSuccess: async (_data, input) => {
        await signIn("credentials", { email, password: input.newPassword, redirect: false });
        setDone(true);
      },
    }),
  );
  const errors = fieldErrorsOf(change.error);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        const f = new FormData(e.currentTarget);
        const form = e.currentTarget;
        change.mutate(
          { currentPassword: String(f.get("currentPassword") ?? ""), newPassword: String(f.get("newPassword") ?? ""), repeatPassword: String(f.get("repeatPassword") ?? "") },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <FormMessage error={change.error?.message} success={done ? t("profile.passwordChanged") : null} />
      <Field label={t("profile.currentPassword")} error={errors.currentPassword} required>
        {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" className="input" />}
      </Field>
      <Field label={t("profile.newPassword")} error={errors.newPassword} hint={t("profile.passwordRules")} required>
        {(p) => <input {...p} name="newPassword" type="password" autoComplete="new-password" className="input" />}
      </Field>
      <Field label={t("profile.repeatPassword")} error={errors.repeatPassword} required>
        {(p) => <input {...p} name="repeatPassword" type="password" autoComplete="new-password" className="input" />}
      </Field>
      <button type="submit" className="btn-primary" disabled={change.isPending}>
        {change.isPending ? t("common.saving") : t("profile.changePassword")}
      </button>
    </form>
  );
}
