import { describe, expect, it } from "vitest";
import { addMonths, computeDueDate, deadlineState, easterSunday, extendDueDate, isNonWorkingDay, isPublicHoliday, nextWorkingDay, polishHolidays, suspendedDays } from "./deadlines";

describe("Polish public holidays", () => {
  it("computes Easter Sunday", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
  });

  it("lists the 14 days off of 2026, with Easter Monday, Corpus Christi and Wigilia", () => {
    expect([...polishHolidays(2026)].sort()).toEqual([
      "2026-01-01",
      "2026-01-06",
      "2026-04-05",
      "2026-04-06",
      "2026-05-01",
      "2026-05-03",
      "2026-05-24",
      "2026-06-04",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-24",
      "2026-12-25",
      "2026-12-26",
    ]);
    expect(isPublicHoliday("2024-12-24")).toBe(false);
    expect(isPublicHoliday("2025-12-24")).toBe(true);
    expect(isPublicHoliday("2025-06-19")).toBe(true); // Boże Ciało 2025
    expect(isPublicHoliday("2026-04-07")).toBe(false);
  });

  it("treats Saturdays, Sundays and holidays as non-working", () => {
    expect(isNonWorkingDay("2026-11-28")).toBe(true); // Saturday
    expect(isNonWorkingDay("2026-11-29")).toBe(true); // Sunday
    expect(isNonWorkingDay("2026-11-11")).toBe(true); // Wednesday, Święto Niepodległości
    expect(isNonWorkingDay("2026-11-25")).toBe(false);
    expect(nextWorkingDay("2026-12-24")).toBe("2026-12-28"); // Thu Wigilia, Fri, Sat, Sun
    expect(nextWorkingDay("2026-04-04")).toBe("2026-04-07"); // Sat, Easter Sunday, Easter Monday
  });
});

describe("due dates", () => {
  it("counts months by the calendar, ending on the matching day or the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-30", 2)).toBe("2027-01-30");
    expect(computeDueDate({ type: "KPA_1M", startDate: "2026-03-10" })).toBe("2026-04-10");
    expect(computeDueDate({ type: "KPA_2M", startDate: "2026-03-10" })).toBe("2026-05-11"); // 10.05 is a Sunday
  });

  it("counts days without the starting day and moves a Saturday or holiday end to the next working day", () => {
    expect(computeDueDate({ type: "DAYS_14", startDate: "2026-11-02" })).toBe("2026-11-16");
    expect(computeDueDate({ type: "DAYS_7", startDate: "2026-11-04" })).toBe("2026-11-12"); // 11.11 holiday
    expect(computeDueDate({ type: "DAYS_14", startDate: "2026-11-14" })).toBe("2026-11-30"); // 28.11 Saturday
    expect(computeDueDate({ type: "KPA_1M", startDate: "2026-11-24" })).toBe("2026-12-28"); // 24.12 Wigilia
    expect(computeDueDate({ type: "KPA_1M", startDate: "2026-05-04" })).toBe("2026-06-05"); // 4.06 Boże Ciało
  });

  it("keeps a custom date, has none for NONE, and adds suspended days", () => {
    expect(computeDueDate({ type: "CUSTOM", startDate: "2026-11-02", customDate: "2026-11-28" })).toBe("2026-11-28");
    expect(computeDueDate({ type: "NONE", startDate: "2026-11-02" })).toBeNull();
    expect(computeDueDate({ type: "DAYS_14", startDate: "2026-11-02", suspendedDays: 10 })).toBe("2026-11-26");
    expect(suspendedDays("2026-11-10", "2026-11-20")).toBe(10);
    expect(suspendedDays("2026-11-10", "2026-11-10")).toBe(0);
    expect(extendDueDate("2026-11-16", 10)).toBe("2026-11-26");
    expect(extendDueDate("2026-11-16", 12)).toBe("2026-11-30"); // 28.11 Saturday
    expect(extendDueDate(null, 5)).toBeNull();
    expect(extendDueDate("2026-11-16", 0)).toBe("2026-11-16");
  });

  it("classifies a case against its deadline", () => {
    const today = "2026-11-25";
    expect(deadlineState({ dueDate: "2026-11-24", today, status: "IN_PROGRESS" })).toBe("overdue");
    expect(deadlineState({ dueDate: "2026-11-25", today, status: "NEW" })).toBe("today");
    expect(deadlineState({ dueDate: "2026-12-02", today, status: "REOPENED" })).toBe("soon");
    expect(deadlineState({ dueDate: "2026-12-03", today, status: "IN_PROGRESS" })).toBe("ok");
    expect(deadlineState({ dueDate: "2026-11-20", today, status: "SUSPENDED" })).toBe("paused");
    expect(deadlineState({ dueDate: "2026-11-20", today, status: "CLOSED" })).toBe("closed");
    expect(deadlineState({ dueDate: null, today, status: "NEW" })).toBe("none");
  });
});
