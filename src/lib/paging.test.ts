import { describe, expect, it } from "vitest";
import { COUNT_CAP, countLabel, pageWindow } from "./paging";

describe("pageWindow", () => {
  it("pages an exact count", () => {
    expect(pageWindow(2, 60, 25)).toEqual({ total: 60, totalCapped: false, page: 2, pages: 3 });
    expect(pageWindow(9, 60, 25).page).toBe(3);
    expect(pageWindow(0, 0, 25)).toEqual({ total: 0, totalCapped: false, page: 1, pages: 1 });
  });
  it("stops at the cap and says so", () => {
    expect(pageWindow(50, COUNT_CAP + 1, 25)).toEqual({ total: COUNT_CAP, totalCapped: true, page: 40, pages: 40 });
    expect(pageWindow(1, COUNT_CAP, 25).totalCapped).toBe(false);
  });
  it("labels capped counts", () => {
    expect(countLabel(COUNT_CAP + 1)).toBe("1000+");
    expect(countLabel(12)).toBe("12");
  });
});
