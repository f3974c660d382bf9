/** The e-mail templates and the props each one takes (client-safe: no rendering code here). */
export interface EmailTemplates {
  "password-reset": { name: string; resetUrl: string; validMinutes: number };
  notification: { name: string; title: string; body?: string; actionUrl: string; actionLabel: string; preferencesUrl: string };
  digest: { name: string; dateLabel: string; items: { title: string; body?: string; url: string; when: string }[]; preferencesUrl: string };
}

export type EmailTemplateName = keyof EmailTemplates;

export const EMAIL_TEMPLATE_NAMES = ["password-reset", "notification", "digest"] as const satisfies readonly EmailTemplateName[];
