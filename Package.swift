// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AccountWorkbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "workbook", targets: ["workbook"]),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CTerminalGuard"),
        .target(name: "WorkbookModel"),
        .target(name: "WorkbookStorage", dependencies: ["WorkbookModel"]),
        .target(name: "WorkbookMerge", dependencies: ["WorkbookModel", "WorkbookStorage"]),
        .target(name: "WorkbookSync", dependencies: ["WorkbookMerge", "WorkbookModel", "WorkbookStorage"]),
        .target(name: "TerminalUI"),
        .target(name: "TerminalNcurses", dependencies: ["TerminalUI", "CNcursesw", "CTerminalGuard"]),
        .target(name: "WorkbookApp", dependencies: ["TerminalUI", "WorkbookModel", "WorkbookStorage", "WorkbookMerge"]),
        .executableTarget(
            name: "workbook",
            dependencies: ["WorkbookApp", "TerminalNcurses", "WorkbookStorage", "WorkbookModel", "TerminalUI", "WorkbookMerge", "WorkbookSync"]
        ),
        .target(
            name: "WorkbookTestSupport",
            dependencies: ["WorkbookApp", "TerminalUI", "WorkbookModel", "WorkbookStorage", "WorkbookMerge", "WorkbookSync"]
        ),
        .testTarget(name: "WorkbookModelTests", dependencies: ["WorkbookModel", "WorkbookTestSupport"]),
        .testTarget(name: "WorkbookStorageTests", dependencies: ["WorkbookStorage", "WorkbookModel", "WorkbookTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "WorkbookMergeTests", dependencies: ["WorkbookMerge", "WorkbookStorage", "WorkbookModel", "WorkbookApp", "WorkbookTestSupport"], exclude: ["MergeFixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "WorkbookTestSupport"]),
        .testTarget(name: "TerminalNcursesTests", dependencies: ["TerminalNcurses", "TerminalUI"]),
        .testTarget(name: "WorkbookAppTests", dependencies: ["WorkbookApp", "WorkbookTestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "WorkbookEndToEndTests", dependencies: ["WorkbookTestSupport", "WorkbookStorage", "WorkbookModel"]),
    ],
    swiftLanguageModes: [.v6]
)
