"use client";

import { useId } from "react";
import { Field } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { ROLES, type Role } from "@/lib/permissions";
import type { UserFieldsInput, UserFormOptions } from "../users.schemas";
import { SelectOptions } from "@/components/form/select-options";

export interface UserFieldDefaults {
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  roles: Role[];
  departmentId: string;
  positionId: string;
  locationId: string;
  supervisorId: string;
}

export const EMPTY_USER: UserFieldDefaults = { email: "", firstName: "", lastName: "", phone: "", roles: [], departmentId: "", positionId: "", locationId: "", supervisorId: "" };

/** Names of current choices that the option lists no longer offer (an inactive department or supervisor). */
export interface CurrentChoiceNames {
  department?: string | null;
  location?: string | null;
  supervisor?: string | null;
}

/** Reads the fields below from a submitted form. */
export function readUserFields(form: HTMLFormElement): UserFieldsInput {
  const f = new FormData(form);
  const s = (k: string) => String(f.get(k) ?? "");
  return {
    email: s("email"),
    firstName: s("firstName"),
    lastName: s("lastName"),
    phone: s("phone"),
    roles: f.getAll("roles").map(String) as Role[],
    departmentId: s("departmentId"),
    positionId: s("positionId"),
    locationId: s("locationId"),
    supervisorId: s("supervisorId"),
  };
}

/** The account fields shared by the create and edit forms (uncontrolled: a failed save keeps what was typed). */
export function UserFields({
  defaults,
  options,
  errors,
  current = {},
  selfId,
}: {
  defaults: UserFieldDefaults;
  options: UserFormOptions;
  errors: Record<string, string>;
  current?: CurrentChoiceNames;
  selfId?: string;
}) {
  const t = useT();
  const rolesId = useId();
  const withCurrent = (list: { id: string; label: string }[], id: string, name: string | null | undefined) =>
    id && !list.some((o) => o.id === id) ? [...list, { id, label: t("users.form.inactiveOption", { name: name ?? id }) }] : list;
  const departments = withCurrent(options.departments, defaults.departmentId, current.department);
  const locations = withCurrent(options.locations, defaults.locationId, current.location);
  const people = withCurrent(
    options.people.filter((p) => p.id !== selfId),
    defaults.supervisorId,
    current.supervisor,
  );
  const select = (name: keyof UserFieldDefaults, list: { id: string; label: string }[], p: object) => (
    <select {...p} name={name} defaultValue={defaults[name] as string} className="input">
      <SelectOptions empty={t("users.form.none")} options={list.map((o) => ({ value: o.id, label: o.label }))} />
    </select>
  );

  return (
    <div className="space-y-6">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("users.form.personal")}</legend>
        <Field label={t("users.form.firstName")} error={errors.firstName} required>
          {(p) => <input {...p} name="firstName" autoComplete="off" defaultValue={defaults.firstName} className="input" />}
        </Field>
        <Field label={t("users.form.lastName")} error={errors.lastName} required>
          {(p) => <input {...p} name="lastName" autoComplete="off" defaultValue={defaults.lastName} className="input" />}
        </Field>
        <Field label={t("users.form.email")} error={errors.email} required>
          {(p) => <input {...p} name="email" type="email" autoComplete="off" spellCheck={false} defaultValue={defaults.email} className="input" />}
        </Field>
        <Field label={t("users.form.phone")} error={errors.phone}>
          {(p) => <input {...p} name="phone" type="tel" autoComplete="off" defaultValue={defaults.phone} className="input" />}
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("users.form.placement")}</legend>
        <Field label={t("users.form.department")} error={errors.departmentId}>
          {(p) => select("departmentId", departments, p)}
        </Field>
        <Field label={t("users.form.position")} error={errors.positionId}>
          {(p) => select("positionId", options.positions, p)}
        </Field>
        <Field label={t("users.form.location")} error={errors.locationId}>
          {(p) => select("locationId", locations, p)}
        </Field>
        <Field label={t("users.form.supervisor")} error={errors.supervisorId}>
          {(p) => select("supervisorId", people, p)}
        </Field>
      </fieldset>

      <fieldset aria-describedby={`${rolesId}-hint${errors.roles ? ` ${rolesId}-error` : ""}`}>
        <legend className="text-base font-semibold text-slate-900">
          {t("users.form.roles")}
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        </legend>
        <p id={`${rolesId}-hint`} className="mt-1 mb-2 text-xs text-slate-700">
          {t("users.form.rolesHint")}
        </p>
        <div className="grid gap-1 sm:grid-cols-2">
          {ROLES.map((role) => (
            <label key={role} className="flex min-h-10 items-center gap-2 rounded-md px-2 text-sm text-slate-900 hover:bg-slate-50">
              <input
                type="checkbox"
                name="roles"
                value={role}
                defaultChecked={defaults.roles.includes(role)}
                aria-invalid={errors.roles ? true : undefined}
                className="size-4 accent-brand-700"
              />
              {t(`roles.${role}`)}
            </label>
          ))}
        </div>
        {errors.roles && (
          <p id={`${rolesId}-error`} className="mt-1 text-sm text-red-800">
            {errors.roles}
          </p>
        )}
      </fieldset>
    </div>
  );
}
