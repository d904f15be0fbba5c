import Testing
import WorkbookModel

@Suite struct CalendarDateTests {
    @Test func parsesOnlyRealDaysInISOForm() {
        #expect(CalendarDate(iso: "2026-11-25") == CalendarDate(year: 2026, month: 11, day: 25))
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "26-11-25") == nil)
        #expect(CalendarDate(iso: "2026/11/25") == nil)
        #expect(CalendarDate(iso: "2026-11-2x") == nil)
    }

    @Test func writesZeroPaddedISO() {
        #expect(CalendarDate(year: 987, month: 3, day: 4)?.iso == "0987-03-04")
    }

    @Test func dayArithmeticCrossesMonthsYearsAndLeapDays() {
        let day = CalendarDate(year: 2024, month: 2, day: 28)!
        #expect(day.adding(days: 1).iso == "2024-02-29")
        #expect(day.adding(days: 2).iso == "2024-03-01")
        #expect(CalendarDate(year: 2026, month: 12, day: 31)!.adding(days: 1).iso == "2027-01-01")
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(iso: "2026-11-25")!.days(until: CalendarDate(iso: "2026-12-01")!) == 6)
        for number in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
    }
}
