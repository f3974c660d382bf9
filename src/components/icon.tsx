import type { IconName } from "./shell/nav";

const PATHS: Record<IconName | "menu" | "close" | "logout" | "user", string> = {
  home: "M3 11.5 12 4l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z",
  building: "M4 21V5l8-2v18M12 8l8 2v11M8 8h.01M8 12h.01M8 16h.01M16 13h.01M16 17h.01M2 21h20",
  swap: "M7 7h13l-3-3M17 17H4l3 3",
  office: "M3 21h18M5 21V9l7-5 7 5v12M9 21v-6h6v6",
  tree: "M12 3v6M6 15v-3h12v3M4 15h4v5H4zM16 15h4v5h-4zM10 3h4v5h-4z",
  badge: "M4 7h16v12H4zM9 7V5h6v2M8 12h8M8 15h5",
  users: "M16 20v-1a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v1M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8M22 20v-1a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8",
  log: "M5 3h11l3 3v15H5zM8 9h8M8 13h8M8 17h5",
  queue: "M4 6h16M4 12h16M4 18h10",
  inbox: "M3 13h5l1 3h6l1-3h5M5 5h14l2 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-6z",
  mailIn: "M3 6h18v12H3zM3 6l9 7 9-7M12 3v5M10 6l2 2 2-2",
  mailOut: "M3 8h18v12H3zM3 8l9 7 9-7M12 6V1M10 3l2-2 2 2",
  memo: "M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7",
  folder: "M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z",
  contacts: "M5 3h13a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H5zM3 7h2M3 12h2M3 17h2M12 11a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5M8 17a4 4 0 0 1 8 0",
  book: "M4 4h7a3 3 0 0 1 3 3v14a2 2 0 0 0-2-2H4zM20 4h-4a2 2 0 0 0-2 2",
  plan: "M4 4h6v5H4zM14 4h6v5h-6zM14 15h6v5h-6zM7 9v8h7M17 9v6",
  route: "M6 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4M18 9a2 2 0 1 0 0-4 2 2 0 0 0 0 4M8 17h7a3 3 0 0 0 0-6H9a3 3 0 0 1 0-6h7",
  register: "M5 3h14v18H5zM9 7h6M9 11h6M9 15h3",
  bell: "M6 16V11a6 6 0 1 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0",
  envelope: "M3 5h18v14H3zM3 5l9 8 9-8",
  signature: "M3 17c3-6 5-9 7-9s-1 9 2 9 3-5 5-5 2 3 4 3M3 21h18",
  globe: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18",
  menu: "M4 6h16M4 12h16M4 18h16",
  close: "M6 6l12 12M18 6 6 18",
  logout: "M15 17l5-5-5-5M20 12H9M12 21H5a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h7",
  user: "M20 21v-1a5 5 0 0 0-5-5H9a5 5 0 0 0-5 5v1M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8",
  search: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14M21 21l-5-5",
  chat: "M4 5h16v11H9l-5 4zM8 9h8M8 12h5",
  tasks: "M9 5h10M9 12h10M9 19h10M4 5l1 1 2-2M4 12l1 1 2-2M4 19l1 1 2-2",
};

export function Icon({ name, className = "size-5" }: { name: keyof typeof PATHS; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
