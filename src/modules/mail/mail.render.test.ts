import { describe, expect, it } from "vitest";
import { renderEmail, type EmailContext } from "@emails/index";
import { oneLine, safeUrl } from "@emails/context";

const pl: EmailContext = { locale: "pl", officeName: "Urząd Miasta i Gminy Boguchwała", appUrl: "https://obieg.example.pl" };
const en: EmailContext = { ...pl, locale: "en" };

const reset = { name: "Anna Kowalska", resetUrl: "https://obieg.example.pl/logowanie/nowe-haslo?token=abc123", validMinutes: 60 };

describe("password-reset e-mail", () => {
  it("has a Polish subject, lang, the link in HTML and text, and the validity with the right plural", async () => {
    const r = await renderEmail("password-reset", reset, pl);
    expect(r.subject).toBe("Ustawienie nowego hasła w systemie Obieg");
    expect(r.html).toMatch(/<html[^>]* lang="pl"/);
    expect(r.html).toContain('href="https://obieg.example.pl/logowanie/nowe-haslo?token=abc123"');
    expect(r.text).toContain("https://obieg.example.pl/logowanie/nowe-haslo?token=abc123");
    expect(r.text).toContain("Dzień dobry, Anna Kowalska!");
    expect(r.text).toContain("Link jest ważny przez 60 minut");
    expect(r.text).toContain("Wiadomość wysłana automatycznie przez system Obieg");
    expect(r.text.startsWith("Urząd Miasta i Gminy Boguchwała\n")).toBe(true);
    expect(r.html).toContain("Urząd Miasta i Gminy Boguchwała");
    // The plain text is written, not HTML converted: no tags, no entities.
    expect(r.text).not.toMatch(/<[a-z]|&amp;|&lt;/i);
    expect((await renderEmail("password-reset", { ...reset, validMinutes: 2 }, pl)).text).toContain("ważny przez 2 minuty");
    expect((await renderEmail("password-reset", { ...reset, validMinutes: 1 }, pl)).text).toContain("ważny przez 1 minutę");
  });

  it("is in English for an English reader", async () => {
    const r = await renderEmail("password-reset", reset, en);
    expect(r.subject).toBe("Setting a new password in Obieg");
    expect(r.html).toMatch(/<html[^>]* lang="en"/);
    expect(r.text).toContain("Hello Anna Kowalska,");
    expect(r.text).toContain("valid for 60 minutes");
    expect(r.text).toContain("This message was sent automatically by the Obieg system");
    expect(r.text).toContain(reset.resetUrl);
    expect(r.text).not.toMatch(/Dzień dobry|ważny/);
  });
});

describe("notification e-mail", () => {
  const props = {
    name: "Jan Nowak",
    title: "Przydzielono Ci pismo RPW/7/2026",
    body: "Wniosek o zaświadczenie.\nTermin: 09.12.2026.",
    actionUrl: "/pisma/przychodzace/abc",
    actionLabel: "Otwórz pismo",
    preferencesUrl: "/profil/powiadomienia",
  };

  it("uses the title as subject and resolves relative links against the app's address", async () => {
    const r = await renderEmail("notification", props, pl);
    expect(r.subject).toBe("Przydzielono Ci pismo RPW/7/2026");
    expect(r.html).toContain('href="https://obieg.example.pl/pisma/przychodzace/abc"');
    expect(r.html).toContain('href="https://obieg.example.pl/profil/powiadomienia"');
    expect(r.text).toContain("Otwórz pismo:\nhttps://obieg.example.pl/pisma/przychodzace/abc");
    expect(r.text).toContain("https://obieg.example.pl/profil/powiadomienia");
    expect(r.text).toContain("Wniosek o zaświadczenie.\nTermin: 09.12.2026.");
    // Each line of the body is its own paragraph in HTML.
    expect(r.html).toMatch(/>Wniosek o zaświadczenie\.<\/p>/);
    expect(r.html).toMatch(/>Termin: 09\.12\.2026\.<\/p>/);
  });

  it("escapes user-provided strings in HTML and keeps them verbatim in text", async () => {
    const r = await renderEmail(
      "notification",
      { ...props, name: `<script>alert("x")</script>`, title: `Pismo "A" & <b>B</b>`, body: `<img src=x onerror=alert(1)>` },
      pl,
    );
    expect(r.html).not.toContain("<script>");
    expect(r.html).not.toContain("<img src=x");
    expect(r.html).not.toContain("<b>B</b>");
    expect(r.html).toContain("&lt;script&gt;");
    expect(r.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(r.html).toMatch(/Pismo (&quot;|")A(&quot;|") &amp; &lt;b&gt;B&lt;\/b&gt;/);
    expect(r.text).toContain(`Dzień dobry, <script>alert("x")</script>!`);
    expect(r.subject).toBe(`Pismo "A" & <b>B</b>`);
  });

  it("never puts a javascript: link in the message, and keeps the subject on one line", async () => {
    const r = await renderEmail("notification", { ...props, title: "Linia 1\r\nBcc: ktos@example.com", actionUrl: "javascript:alert(1)", preferencesUrl: "data:text/html,x" }, pl);
    expect(r.html).not.toMatch(/javascript:|data:text/);
    expect(r.text).not.toMatch(/javascript:|data:text/);
    expect(r.subject).toBe("Linia 1 Bcc: ktos@example.com");
    expect(r.subject).not.toMatch(/[\r\n]/);
  });
});

describe("digest e-mail", () => {
  const item = (n: number) => ({ title: `Zdarzenie ${n}`, url: `/sprawy/${n}`, when: `24.11.2026, 0${n}:00`, body: n === 1 ? "Opis & szczegóły" : undefined });

  it("lists every item with its link, in Polish plural forms", async () => {
    const base = { name: "Ewa", dateLabel: "24.11.2026", preferencesUrl: "/profil/powiadomienia" };
    const one = await renderEmail("digest", { ...base, items: [item(1)] }, pl);
    expect(one.subject).toBe("Podsumowanie powiadomień – 24.11.2026");
    expect(one.text).toContain("Zebraliśmy dla Ciebie 1 powiadomienie z dnia 24.11.2026:");
    const three = await renderEmail("digest", { ...base, items: [item(1), item(2), item(3)] }, pl);
    expect(three.text).toContain("3 powiadomienia");
    for (const n of [1, 2, 3]) {
      expect(three.html).toContain(`href="https://obieg.example.pl/sprawy/${n}"`);
      expect(three.text).toContain(`${n}. Zdarzenie ${n}`);
      expect(three.text).toContain(`https://obieg.example.pl/sprawy/${n}`);
    }
    expect(three.html).toContain("Opis &amp; szczegóły");
    expect(three.text).toContain("Opis & szczegóły");
    const five = await renderEmail("digest", { ...base, items: [1, 2, 3, 4, 5].map(item) }, pl);
    expect(five.text).toContain("5 powiadomień");
    const none = await renderEmail("digest", { ...base, items: [] }, pl);
    expect(none.text).toContain("Tym razem nie ma nowych powiadomień.");
  });

  it("is in English for an English reader", async () => {
    const r = await renderEmail("digest", { name: "Ewa", dateLabel: "24/11/2026", preferencesUrl: "/profil/powiadomienia", items: [item(1), item(2)] }, en);
    expect(r.subject).toBe("Notification summary – 24/11/2026");
    expect(r.text).toContain("We collected 2 notifications for you from 24/11/2026:");
    expect(r.html).toMatch(/<html[^>]* lang="en"/);
  });
});

describe("link and header helpers", () => {
  it("resolves relative links and refuses other schemes", () => {
    expect(safeUrl("/a?b=1", "https://x.pl")).toBe("https://x.pl/a?b=1");
    expect(safeUrl("https://other.pl/z", "https://x.pl")).toBe("https://other.pl/z");
    expect(safeUrl("javascript:alert(1)", "https://x.pl")).toBe("https://x.pl/");
    expect(safeUrl("mailto:a@b.pl", "https://x.pl")).toBe("https://x.pl/");
  });

  it("keeps header values on one line", () => {
    expect(oneLine("a\r\n\tb  c")).toBe("a b c");
    expect(oneLine("x".repeat(300), 10)).toHaveLength(10);
  });
});
