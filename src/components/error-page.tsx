import Link from "next/link";

export function ErrorPage({ code, title, text, href, linkLabel }: { code: string; title: string; text: string; href: string; linkLabel: string }) {
  return (
    <main id="tresc" className="flex min-h-[60dvh] items-center justify-center px-3 py-12">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
        <p className="mt-2 text-slate-700">{text}</p>
        <Link href={href} className="btn-primary mt-6">
          {linkLabel}
        </Link>
      </div>
    </main>
  );
}
