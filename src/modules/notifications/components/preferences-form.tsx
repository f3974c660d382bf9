"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "@/components/i18n";
import type { MessageKey } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { DELIVERIES, type Delivery, type NotificationType } from "../notifications.types";

/** One choice per kind of event: in the app, e-mail at once, daily digest, off. */
export function PreferencesForm() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notifications.preferences.queryOptions());
  const [choice, setChoice] = useState<Partial<Record<NotificationType, Delivery>>>({});
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const save = useMutation(
    trpc.notifications.updatePreferences.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.notifications.preferences.queryKey(), data);
        setChoice({});
        setError("");
        setStatus(t("notifications.preferences.saved"));
      },
      onError: (e) => {
        setStatus("");
        setError(e.message);
      },
    }),
  );
  if (!prefs.data) return <p className="text-sm text-slate-700">{t("common.loading")}</p>;
  return (
    <form
      className="card space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ items: prefs.data.items.map((i) => ({ type: i.type, delivery: choice[i.type] ?? i.delivery })) });
      }}
    >
      <p className="text-sm text-slate-700">{t("notifications.preferences.email", { email: prefs.data.email })}</p>
      {prefs.data.items.map((item) => (
        <fieldset key={item.type} className="space-y-2">
          <legend className="font-semibold">{t(`notifications.types.${item.type}.name` as MessageKey)}</legend>
          <p className="text-sm text-slate-700">{t(`notifications.types.${item.type}.description` as MessageKey)}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {DELIVERIES.map((d) => (
              <label key={d} className="flex min-h-10 items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name={item.type} value={d} checked={(choice[item.type] ?? item.delivery) === d} onChange={() => setChoice((c) => ({ ...c, [item.type]: d }))} />
                {t(`notifications.preferences.deliveries.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div role="status" className="text-sm text-green-900">
        {status}
      </div>
      <div role="alert" className="text-sm text-red-900">
        {error}
      </div>
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {t("notifications.preferences.save")}
      </button>
    </form>
  );
}
