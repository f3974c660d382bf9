import { bipMenuHref } from "../../bip.schemas";
import type { BipMenuNode } from "../../bip.public.service";

/** The subject menu as nested lists (no JavaScript). */
export function BipMenuList({ nodes, nested = false }: { nodes: readonly BipMenuNode[]; nested?: boolean }) {
  return (
    <ul className={nested ? "ml-4 border-l border-slate-200 pl-2" : "space-y-0.5"}>
      {nodes.map((n) => (
        <li key={n.id}>
          <a href={bipMenuHref(n.path)} className="block rounded px-2 py-1.5 text-sm text-slate-800 underline-offset-2 hover:bg-brand-50 hover:text-brand-900 hover:underline">
            {n.title}
          </a>
          {n.children.length > 0 && <BipMenuList nodes={n.children} nested />}
        </li>
      ))}
    </ul>
  );
}

export function Breadcrumbs({ items, label }: { items: { title: string; href?: string }[]; label: string }) {
  return (
    <nav aria-label={label} className="mb-4 text-sm text-slate-700 print:hidden">
      <ol className="flex flex-wrap gap-1">
        {items.map((item, i) => (
          <li key={`${i}-${item.title}`} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden="true">›</span>}
            {item.href && i < items.length - 1 ? (
              <a href={item.href} className="link font-normal">
                {item.title}
              </a>
            ) : (
              <span aria-current={i === items.length - 1 ? "page" : undefined}>{item.title}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
