import Foundation
import AnjianModel

/// `config.json` under the XDG config home: the remembered operator.
public struct ConfigFile: Codable, Sendable {
    public static let currentVersion = 1
    public var schemaVersion: Int
    public var `operator`: Operator?
    public init(operator: Operator?) {
        self.schemaVersion = Self.currentVersion
        self.operator = `operator`
    }
}

public enum OperatorConfig {
    /// `$XDG_CONFIG_HOME/anjian/config.json`, else `~/.config/anjian/config.json`.
    public static func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("anjian/config.json")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/anjian/config.json")
    }

    public static func load(from url: URL) throws -> Operator? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONFiles.decode(ConfigFile.self, from: JSONFiles.read(url), path: url.path,
                                    supportedVersion: ConfigFile.currentVersion).operator
    }

    public static func save(_ signer: Operator, to url: URL) throws {
        try AtomicFile.ensureDirectory(url.deletingLastPathComponent())
        try AtomicFile.write(JSONFiles.encode(ConfigFile(operator: signer)), to: url)
    }

    /// `姓名`, `姓名:证号` or `姓名/证号` as given to `--operator` or `ANJIAN_OPERATOR`; a
    /// name alone takes its certificate number from the roster when the name is unique there.
    public static func parse(_ text: String, roster: [Inspector]) -> Operator? {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "/" || $0 == "：" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let name = parts.first, !name.isEmpty else { return nil }
        var cert = parts.count > 1 ? parts[1] : ""
        if cert.isEmpty {
            let known = roster.filter { $0.name == name }
            if known.count == 1 { cert = known[0].certificateNumber }
        }
        return Operator(name: name, certificateNumber: cert)
    }

    /// The operator a `--operator` or `ANJIAN_OPERATOR` text names, only when it is a full real name
    /// with a certificate number: given, found as exactly one roster inspector, or the remembered
    /// operator of that name. Nil otherwise: a name alone is never accepted without a certificate.
    public static func resolve(_ text: String, roster: [Inspector], remembered: Operator?) -> Operator? {
        guard let parsed = parse(text, roster: roster) else { return nil }
        if !parsed.certificateNumber.isEmpty { return parsed }
        guard let remembered, remembered.name == parsed.name, !remembered.certificateNumber.isEmpty else { return nil }
        return remembered
    }
}
