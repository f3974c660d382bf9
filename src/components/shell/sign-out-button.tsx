"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { useT } from "../i18n";
import { Icon } from "../icon";

export function SignOutButton({ className = "" }: { className?: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      className={`btn text-white hover:bg-brand-800 ${className}`}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: "/logowanie?wylogowano=1" });
      }}
    >
      <Icon name="logout" />
      {t("nav.signOut")}
    </button>
  );
}
