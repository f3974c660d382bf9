"use client";

import { useId } from "react";
import { describedByOf, FieldFrame } from "./field-frame";

/** A labelled form field with its hint and error wired up for screen readers. */
export function Field({
  label,
  error,
  hint,
  children,
  required,
}: {
  label: string;
  error?: string | null;
  hint?: string;
  required?: boolean;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string; required?: boolean }) => React.ReactNode;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedByOf(id, hint, error), required })}
    </FieldFrame>
  );
}

/** Field errors of a failed tRPC mutation (from the server's formatter), keyed by input path. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const data = (error as { data?: { fieldErrors?: Record<string, string> | null } } | null)?.data;
  return data?.fieldErrors ?? {};
}

export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error)
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
        {error}
      </p>
    );
  if (success)
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
        {success}
      </p>
    );
  return null;
}
