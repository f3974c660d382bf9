/** Polish and English texts of the BIP editor in the staff app (helper: BIP editor). */
export const pl = {
  title: "Redakcja BIP",
};

export const en: typeof pl = {
  title: "BIP editing",
};
