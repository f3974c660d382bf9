/** Texts of the files module (Polish first; English has the same keys). */
export const pl = {
  title: "Pliki",
};

export const en: typeof pl = {
  title: "Files",
};
