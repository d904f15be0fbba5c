import WorkbookApp
import WorkbookModel
import WorkbookStorage

/// Accounts and states for tests: names in several scripts, fixed dates.
public enum Fixtures {
    public static let today = CalendarDate(year: 2026, month: 11, day: 25)!

    public static func id(_ number: Int) -> AccountID {
        let hex = String(number, radix: 16)
        return AccountID(String(repeating: "0", count: 16 - hex.count) + hex)
    }

    /// A small territory whose names need wide, accented, combining and emoji handling.
    public static let accounts: [Account] = [
        Account(id: id(1), name: "Müller & Söhne GmbH", industry: "Manufacturing", stage: .reliableSupplier, annualValue: 1_200_000,
                nextMeeting: CalendarDate(year: 2026, month: 12, day: 1), owner: "Dana Wu",
                notes: "Procurement moved to Stuttgart in March. Klaus prefers a call before any email."),
        Account(id: id(2), name: "東京精密", industry: "Precision instruments", stage: .partner, annualValue: 640_000,
                nextMeeting: CalendarDate(year: 2026, month: 11, day: 20), owner: "Kenji Sato", notes: "年次レビューは3月。"),
        Account(id: id(3), name: "Acme Robotics Inc.", industry: "Automation", stage: .prospect, annualValue: 85_000, owner: "Dana Wu"),
        Account(id: id(4), name: "Zoe\u{0308} Café Group 🚀", industry: "Food & Beverage", stage: .vendor, annualValue: 12_500,
                nextMeeting: CalendarDate(year: 2027, month: 1, day: 15), owner: "Sam Ortiz"),
        Account(id: id(5), name: "서울 바이오텍", industry: "Pharmaceuticals", stage: .lost, owner: "Kenji Sato"),
    ]

    public static func workbook(_ accounts: [Account] = Fixtures.accounts, problems: [StorageProblem] = []) -> LoadedWorkbook {
        LoadedWorkbook(settings: WorkbookSettings(owner: "Dana Wu", currency: "EUR"), accounts: accounts, problems: problems)
    }

    public static func state(_ accounts: [Account] = Fixtures.accounts, width: Int = 80, height: Int = 24) -> AppState {
        AppState(workbook: workbook(accounts), today: today, screenSize: .init(width: width, height: height), location: "~/workbook")
    }
}
