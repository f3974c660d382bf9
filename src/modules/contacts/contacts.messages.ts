/** Texts of the contacts module (Polish first; English has the same keys). */
export const pl = {
  title: "Baza teleadresowa",
};

export const en: typeof pl = {
  title: "Contacts",
};
