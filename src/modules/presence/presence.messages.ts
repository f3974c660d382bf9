/** Polish and English texts of presence (who is available, away, absent, in which office). */
export const pl = {
  status: {
    online: "dostępny(-a)",
    away: "nieaktywny(-a)",
    offline: "niedostępny(-a)",
    leave: "na urlopie do {date}",
    absent: "nieobecny(-a) do {date}",
  },
  substitutes: "zastępuje: {names}",
  label: "Status: {status}",
  office: "miejsce pracy:",
};

export const en: typeof pl = {
  status: {
    online: "available",
    away: "away",
    offline: "offline",
    leave: "on leave until {date}",
    absent: "absent until {date}",
  },
  substitutes: "substitute: {names}",
  label: "Status: {status}",
  office: "office:",
};
