"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/form/field";
import { useFormErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { USERS_PATH } from "../users.params";
import { ZCreateUserInput } from "../users.schemas";
import { GeneratedPassword } from "./generated-password";
import { PasswordChoice, readPasswordChoice } from "./password-choice";
import { EMPTY_USER, readUserFields, UserFields } from "./user-fields";

interface Created {
  id: string;
  name: string;
  email: string;
  generatedPassword: string | null;
}

/** Creating an account; afterwards the generated password (if any) is shown once. */
export function CreateUserForm() {
  const t = useT();
  const [created, setCreated] = useState<Created | null>(null);
  const [round, setRound] = useState(0);
  if (created) return <CreatedNotice created={created} onAnother={() => (setCreated(null), setRound((r) => r + 1))} />;
  return <CreateForm key={round} onCreated={setCreated} t={t} />;
}

function CreateForm({ onCreated, t }: { onCreated: (c: Created) => void; t: ReturnType<typeof useT> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: options } = useSuspenseQuery(trpc.users.formOptions.queryOptions());
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.users.formOptions.queryKey() }),
        ]);
      },
    }),
  );
  const { formRef, errors, check } = useFormErrors(ZCreateUserInput, create.error);
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <form
      ref={formRef}
      noValidate
      className="card space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const ok = check({ ...readUserFields(e.currentTarget), ...readPasswordChoice(e.currentTarget) });
        if (!ok) {
          create.reset();
          return;
        }
        const { data } = ok;
        create.mutate(ok.input, {
          onSuccess: (result) => onCreated({ id: result.id, generatedPassword: result.generatedPassword, name: `${data.firstName} ${data.lastName}`, email: data.email }),
        });
      }}
    >
      <FormMessage error={hasFieldErrors ? t("users.form.hasErrors") : create.error?.message} />
      <UserFields defaults={EMPTY_USER} options={options} errors={errors} />
      <PasswordChoice legend={t("users.form.initialPassword")} error={errors.password} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {create.isPending ? t("users.form.creating") : t("users.form.create")}
        </button>
        <Link href={USERS_PATH} className="btn-secondary">
          {t("common.cancel")}
        </Link>
      </div>
    </form>
  );
}

function CreatedNotice({ created, onAnother }: { created: Created; onAnother: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card space-y-4" aria-labelledby="user-created" data-testid="user-created">
      <h2 id="user-created" ref={heading} tabIndex={-1} className="text-lg font-semibold text-green-900">
        {t("users.created.title")}
      </h2>
      <p className="text-sm text-slate-800">{t("users.created.text", { name: created.name, email: created.email })}</p>
      {created.generatedPassword ? (
        <GeneratedPassword label={t("users.created.password")} password={created.generatedPassword} />
      ) : (
        <p className="text-sm text-slate-800">{t("users.created.typedPassword")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Link href={`${USERS_PATH}/${created.id}`} className="btn-primary">
          {t("users.created.goToUser")}
        </Link>
        <button type="button" className="btn-secondary" onClick={onAnother}>
          {t("users.created.another")}
        </button>
      </div>
    </section>
  );
}
