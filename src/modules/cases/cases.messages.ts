/** Texts of the cases module (Polish first; English has the same keys). */
export const pl = {
  title: "Sprawy",
};

export const en: typeof pl = {
  title: "Cases",
};
