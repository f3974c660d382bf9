"use client";

import { useState } from "react";
import { useT } from "../i18n";
import { Icon } from "../icon";
import { useModalDialog } from "../modal";
import type { NavSection } from "./nav";
import { NavLinks } from "./nav-links";

/** The menu as a drawer on phones: a modal dialog, closed by Escape, the close button or a link. */
export function MobileMenu({ sections, footer }: { sections: NavSection[]; footer: React.ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);

  return (
    <>
      <button type="button" className="btn min-w-10 px-2 text-white hover:bg-brand-800 lg:hidden" aria-label={t("nav.openMenu")} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        <Icon name="menu" className="size-6" />
      </button>
      <dialog
        ref={dialog}
        aria-label={t("nav.mainMenu")}
        onClose={() => setOpen(false)}
        onClick={(e) => e.target === dialog.current && setOpen(false)}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-brand-900 p-0 text-white backdrop:bg-slate-900/50 lg:hidden"
      >
        <div className="flex h-full flex-col p-4">
          <div className="mb-4 flex items-center justify-between">
            <span className="text-lg font-semibold">{t("app.name")}</span>
            <button type="button" className="btn min-w-10 px-2 text-white hover:bg-brand-800" aria-label={t("nav.closeMenu")} onClick={() => setOpen(false)}>
              <Icon name="close" className="size-6" />
            </button>
          </div>
          <nav aria-label={t("nav.mainMenu")} className="flex-1 overflow-y-auto">
            <NavLinks sections={sections} onNavigate={() => setOpen(false)} />
          </nav>
          <div className="border-t border-brand-700 pt-4">{footer}</div>
        </div>
      </dialog>
    </>
  );
}
