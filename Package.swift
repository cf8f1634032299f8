// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Anjian",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "anjian", targets: ["anjian"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Reading the bureau's CSV lists (anjian import): quoted fields, CRLF, line breaks inside fields.
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // The XLSX export's zip container (exact: the mirror holds this version).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The only code that sees ncurses: SwiftPM drops pkg-config's -D flags,
        // so the shim header sets them itself (see docs/architecture.md).
        .systemLibrary(
            name: "CNCursesW",
            path: "Sources/CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Values and domain rules: no I/O, no terminal.
        .target(name: "AnjianModel"),
        // The data directory: JSON files, atomic writes, the bundled demo ledger.
        .target(
            name: "AnjianStore",
            dependencies: ["AnjianModel"],
            resources: [
                .copy("../../Resources/demo"),
                .copy("../../Resources/pinyin"),
            ]
        ),
        // Starting a session (lock, ledger, operator) and performing store operations:
        // shared by the TUI and command-line subcommands, so it never sees a screen.
        .target(name: "AnjianRuntime", dependencies: ["AnjianModel", "AnjianStore"]),
        // The subcommands' work (init, validate, import, export, stats): never the terminal UI (AnjianScreen only for display widths: no ncurses).
        .target(name: "AnjianCLI", dependencies: [
            "AnjianModel", "AnjianStore", "AnjianRuntime", "AnjianText", "AnjianScreen", "AnjianDocuments",
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // A team's ledger through git (issue 15): the record-level merge driver and `anjian sync` driving git.
        .target(name: "AnjianSync", dependencies: ["AnjianModel", "AnjianStore", "AnjianRuntime", "AnjianText", "AnjianCLI"]),
        // Every string the user sees, in Chinese and English: one file per feature.
        .target(name: "AnjianText", dependencies: ["AnjianModel", "AnjianStore"]),
        // The enforcement documents (issue 12) as HTML pages: values in, a page out; no files.
        .target(name: "AnjianDocuments", dependencies: ["AnjianModel", "AnjianText", "AnjianStore", "AnjianRuntime"]),
        // Cells, display width, keys: what the UI draws into and what the terminal shows.
        .target(name: "AnjianScreen"),
        // Application state, update(state, event), screens rendered into a Screen.
        .target(name: "AnjianApp", dependencies: ["AnjianModel", "AnjianStore", "AnjianScreen", "AnjianText", "AnjianRuntime", "AnjianDocuments"]),
        // ncursesw: locale, keys, resize, drawing a Screen.
        .target(name: "AnjianTerminal", dependencies: ["CNCursesW", "AnjianScreen"]),
        .executableTarget(
            name: "anjian",
            dependencies: [
                "AnjianApp", "AnjianStore", "AnjianTerminal", "AnjianModel", "AnjianRuntime", "AnjianText", "AnjianCLI", "AnjianDocuments", "AnjianSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "anjian-bench",
            dependencies: ["AnjianApp", "AnjianStore", "AnjianModel", "AnjianScreen", "AnjianText", "AnjianRuntime", "AnjianGenerator"]
        ),
        // A large, realistic ledger for benchmarks and tests (issue 10), and its command.
        .target(name: "AnjianGenerator", dependencies: ["AnjianModel", "AnjianStore"]),
        .executableTarget(
            name: "anjian-generate",
            dependencies: ["AnjianGenerator", "AnjianModel", "AnjianStore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "AnjianTests",
            dependencies: ["AnjianModel", "AnjianStore", "AnjianScreen", "AnjianText", "AnjianApp", "AnjianRuntime", "AnjianGenerator", "AnjianCLI", "AnjianDocuments", "AnjianSync", "anjian"],
            // Reviewed screens, read from the source tree by the screen tests.
            exclude: ["Screens"]
        ),
        // The built binary driven in tmux: `swift test --filter AnjianTmuxTests` runs only these.
        .testTarget(
            name: "AnjianTmuxTests",
            dependencies: ["AnjianModel", "AnjianStore", "AnjianScreen", "AnjianGenerator", "AnjianRuntime", "anjian"]
        ),
    ]
)
