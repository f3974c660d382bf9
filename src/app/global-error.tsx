"use client";

/** Last resort when the root layout itself fails: no providers available, so plain Polish text. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="pl">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>Coś poszło nie tak</h1>
          <p>Wystąpił nieoczekiwany błąd. Twoje dane nie zostały utracone.</p>
          <button type="button" onClick={reset}>
            Spróbuj ponownie
          </button>
        </main>
      </body>
    </html>
  );
}
