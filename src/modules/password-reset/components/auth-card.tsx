/** The centred card of the sign-in pages (same frame as /logowanie), for the password-reset pages. */
export function AuthCard({ appName, officeName, title, children }: { appName: string; officeName: string; title: string; children: React.ReactNode }) {
  return (
    <main id="tresc" className="flex min-h-dvh items-center justify-center bg-slate-100 px-3 py-8">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl font-semibold text-brand-900">{appName}</p>
          <p className="text-sm text-slate-700">{officeName}</p>
        </div>
        <div className="card">
          <h1 className="mb-3 text-xl font-semibold">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}
