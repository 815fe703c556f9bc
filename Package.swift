// swift-tools-version: 6.0
import PackageDescription

// `make release` / `make run` (SUAN_STATIC=1) build a `suan` that carries the Swift runtime and
// Foundation inside it (`-static-stdlib`): loading them as some 60 shared libraries took most of its
// start-up (docs/performance.md, "Start-up"). Each module is compiled against the static modules
// too, so that they name the libraries they need (libxml2, libcurl, whose -dev packages `make deps`
// installs). A plain `swift build -c release` stays dynamic and needs only libedit and zlib, as
// debug builds and the tests do.
let linksStatically = Context.environment["SUAN_STATIC"] == "1"
let staticInRelease: [SwiftSetting] = linksStatically ? [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))] : []
let linkStaticInRelease: [LinkerSetting] = linksStatically ? [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))] : []

let package = Package(
    name: "Suan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "suan", targets: ["suan"]),
        // `suan serve` runs this one, installed beside `suan` (docs/serve.md).
        .executable(name: "suan-serve", targets: ["suan-serve"]),
        .library(name: "SuanCore", targets: ["SuanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The HTTP server of `suan serve`: small, no dependencies of its own (see docs/serve.md).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libedit (Debian: libedit-dev), with static-inline wrappers for its variadic calls.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The standard library written in Suan, and the bundled years, embedded in the binary.
        .target(
            name: "SuanStdlib",
            path: "Stdlib",
            exclude: ["README.md"],
            resources: [
                .embedInCode("prelude.suan"),
                .embedInCode("units.suan"),
                .embedInCode("scoring.suan"),
                .embedInCode("planning.suan"),
                .embedInCode("years/seed-2022.suan"),
                .embedInCode("years/示例-2020.suan"),
                .embedInCode("years/示例-2021.suan"),
                .embedInCode("years/示例-2022.suan"),
            ]
        ),
        // The language: Syntax → Check → Runtime → Render, plus Diagnostics and the Session API.
        .target(name: "SuanCore", dependencies: ["SuanStdlib"], swiftSettings: staticInRelease),
        // Spreadsheets: .xlsx read as sheets of text cells, and documents written as .xlsx.
        .target(name: "SuanSheets", dependencies: ["SuanCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: staticInRelease),
        // The budget domain: year model, loading, validation, show, scenarios, compare.
        .target(name: "SuanBudget", dependencies: ["SuanCore", "SuanSheets"], swiftSettings: staticInRelease),
        // The interactive shell on libedit.
        .target(name: "SuanREPL", dependencies: ["SuanCore", "SuanBudget", "SuanStdlib", "CEditLine"], swiftSettings: staticInRelease),
        // Fuzzing: the harness (a library the tests replay a corpus through) and its libFuzzer entry.
        .target(name: "SuanFuzzKit", dependencies: ["SuanCore", "SuanBudget"], swiftSettings: staticInRelease),
        .executableTarget(name: "suan-fuzz", dependencies: ["SuanFuzzKit", "SuanCore", "SuanBudget"],
                         swiftSettings: staticInRelease, linkerSettings: linkStaticInRelease),
        // What a run answers a program (results, diagnostics, HTML): shared by `suan serve` and `suan --machine`.
        .target(name: "SuanReply", dependencies: ["SuanCore", "SuanSheets"], swiftSettings: staticInRelease),
        // The Jupyter kernel: its kernelspec and the Python kernel on `suan --machine`, embedded for `suan kernel install`.
        .target(name: "SuanKernel", path: "kernel", exclude: ["README.md"], resources: [.embedInCode("suan_kernel.py")]),
        // `suan lsp`: a language server (JSON-RPC over stdio) over the same Session, with the REPL's completion.
        .target(name: "SuanLanguageServer", dependencies: ["SuanCore", "SuanREPL"], swiftSettings: staticInRelease),
        // `suan serve`: the HTTP interface and the page, a thin shell over Session.
        .target(
            name: "SuanServe",
            dependencies: ["SuanCore", "SuanBudget", "SuanSheets", "SuanReply", .product(name: "FlyingFox", package: "FlyingFox")],
            resources: [.embedInCode("Page/index.html"), .embedInCode("Page/app.js"), .embedInCode("Page/style.css")],
            swiftSettings: staticInRelease
        ),
        // What both executables share: their messages, the console, reading a script, the locale.
        .target(name: "SuanCommandLine", dependencies: ["SuanCore", "SuanBudget"], swiftSettings: staticInRelease),
        .executableTarget(
            name: "suan",
            dependencies: [
                "SuanCore", "SuanBudget", "SuanREPL", "SuanReply", "SuanKernel", "SuanLanguageServer", "SuanCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticInRelease,
            linkerSettings: linkStaticInRelease
        ),
        // `suan serve`: an executable of its own, so that `suan` does not load the server's networking
        // (Foundation's, over libcurl) at every start (docs/performance.md, "Start-up").
        .executableTarget(
            name: "suan-serve",
            dependencies: [
                "SuanCore", "SuanBudget", "SuanServe", "SuanCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticInRelease,
            linkerSettings: linkStaticInRelease
        ),
        // Tests: a helper target that drives a Session as the CLI does, then one test target per module.
        .target(name: "SuanTestSupport", dependencies: ["SuanCore", "SuanBudget"], path: "Tests/SuanTestSupport"),
        .testTarget(name: "SuanCoreTests", dependencies: ["SuanCore", "SuanStdlib", "SuanTestSupport", "SuanFuzzKit"]),
        .testTarget(name: "SuanBudgetTests", dependencies: ["SuanBudget", "SuanCore", "SuanSheets", "SuanStdlib", "SuanTestSupport",
                                                            .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "SuanREPLTests", dependencies: ["SuanREPL", "SuanCore", "SuanBudget", "SuanTestSupport"]),
        .testTarget(name: "SuanCLITests", dependencies: ["SuanCore"],
                    exclude: ["Snapshots", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
