/** Texts of the letters module (Polish first; English has the same keys). */
export const pl = {
  title: "Pisma przychodzące i wewnętrzne",
};

export const en: typeof pl = {
  title: "Incoming and internal letters",
};
