/** Texts of the outgoing module (Polish first; English has the same keys). */
export const pl = {
  title: "Pisma wychodzące",
};

export const en: typeof pl = {
  title: "Outgoing letters",
};
