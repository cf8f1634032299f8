import Foundation
import Testing
import AnjianStore

/// The built binary run as a process: each subcommand's stdout, stderr and exit status.
@Suite struct CommandLineTests {
    @Test func initCreatesADemoOrEmptyLedgerAndRefusesADirectoryThatHoldsFiles() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var result = try run([anjianBinary, "init", "--data", data.path, "--lang", "en"])
        #expect(result.status == 0 && result.out == "Initialised \(data.path) with the demo ledger\n" && result.err.isEmpty)
        #expect(try LedgerStore.open(data, initializeIfEmpty: false).enterprises.count == 60)
        let before = try Data(contentsOf: data.appendingPathComponent("enterprises.json"))
        result = try run([anjianBinary, "init", "--data", data.path, "--empty", "--lang", "zh"])
        #expect(result.status == 73 && result.out.isEmpty)
        #expect(result.err == "anjian: 不能初始化 \(data.path)：目录中已有文件（已有台账或其他文件），未做任何改动\n")
        #expect(try Data(contentsOf: data.appendingPathComponent("enterprises.json")) == before)

        let other = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: other.appendingPathComponent("notes.txt"))
        #expect(try run([anjianBinary, "init", "--data", other.path]).status == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["notes.txt"])

        let empty = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try run([anjianBinary, "init", "--empty", "--data", empty.path]).status == 0)
        let ledger = try LedgerStore.open(empty, initializeIfEmpty: false)
        #expect(ledger.enterprises.isEmpty && ledger.manifest.source == .empty)
        #expect(try run([anjianBinary, "init", "--demo", "--empty", "--data", temporaryDirectory().path]).status == 64)
    }

    @Test func validatePassesTheDemoLedgerAndNamesADamagedFile() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        _ = try LedgerStore.open(data)
        var result = try run([anjianBinary, "validate", "--data", data.path, "--lang", "en"])
        #expect(result.status == 0 && result.out.contains("no problems (60 enterprises"), "\(result)")

        let code = try #require(try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("hazards").path).sorted().first)
        let file = data.appendingPathComponent("hazards/\(code)")
        try Data("{\n  \"schemaVersion\" : 1,\n  oops\n}\n".utf8).write(to: file)
        result = try run([anjianBinary, "validate", "--data", data.path, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.out.contains("error: \(file.path) is damaged at line 3, column 3"), "\(result.out)")
        #expect(result.out.hasSuffix("1 errors, 0 warnings\n"))

        result = try run([anjianBinary, "validate", "--data", "/nonexistent-\(UUID().uuidString)", "--lang", "zh"])
        #expect(result.status == 66 && result.err.hasPrefix("anjian: "))
    }

    @Test func versionAndUsage() throws {
        #expect(try run([anjianBinary, "--version"]).out == "0.1.0\n")
        #expect(try run([anjianBinary, "no-such-command"]).status == 64)
        let zsh = try run([anjianBinary, "--generate-completion-script", "zsh"])
        #expect(zsh.status == 0 && zsh.out.contains("validate") && zsh.out.contains("init"))
    }
}
