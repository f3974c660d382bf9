import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { fieldErrorsOf } from "./field";

/** The form's fields as strings (what the schemas' inputs accept). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === "string") out[k] = v;
  return out;
}

/** The first message per field of a failed client-side parse, keyed like the server's fieldErrors ("_" for the whole form). */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "_"] ??= issue.message;
  return out;
}

/**
 * Field errors for a form: the schema's own (checked in the browser before sending, `clientErrors`)
 * or else the server's (`error.data.fieldErrors`). After each attempt, and when the server answers
 * with an error, focus moves to the first invalid field. Attach `formRef` to the <form>; keep the
 * inputs uncontrolled and mounted, so a failed save keeps what was typed.
 */
export function useFormErrors<S extends z.ZodType>(schema: S, serverError: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const errors = clientErrors ?? fieldErrorsOf(serverError);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, serverError]);

  /**
   * Validates the raw values. When they may be sent, returns them (`input`, typed as the schema's
   * input: send these) with the parsed result (`data`); otherwise null, and the errors show.
   */
  function check(values: Record<string, unknown>): { input: z.input<S>; data: z.output<S> } | null {
    const parsed = schema.safeParse(values);
    setAttempt((a) => a + 1);
    setClientErrors(parsed.success ? null : zodFieldErrors(parsed.error));
    return parsed.success ? { input: values as z.input<S>, data: parsed.data } : null;
  }
  return { formRef, errors, clientErrors, check };
}
