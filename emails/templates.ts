/** The e-mail templates and the props each one takes (client-safe: no rendering code here). */
export interface EmailTemplates {
  "password-reset": { name: string; resetUrl: string; validMinutes: number };
  notification: { name: string; title: string; body?: string; actionUrl: string; actionLabel: string; preferencesUrl: string };
  digest: { name: string; dateLabel: string; items: { title: string; body?: string; url: string; when: string }[]; preferencesUrl: string };
  "esp-login": { code: string; loginUrl: string; validMinutes: number };
  "esp-submission": { number: string; registerNo: string; title: string; receivedLabel: string; receiptUrl: string; statusUrl: string };
  "esp-delivery": { deliveryUrl: string; deadlineLabel: string };
}

export type EmailTemplateName = keyof EmailTemplates;

export const EMAIL_TEMPLATE_NAMES = ["password-reset", "notification", "digest", "esp-login", "esp-submission", "esp-delivery"] as const satisfies readonly EmailTemplateName[];
