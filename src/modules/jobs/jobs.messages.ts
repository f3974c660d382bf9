/** Texts of the jobs module (Polish first; English has the same keys). */
export const pl = {};

export const en: typeof pl = {};
