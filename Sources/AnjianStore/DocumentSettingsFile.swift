import Foundation
import AnjianModel

/// `documents.json` in the data directory: the issuing authority and the number pattern of each
/// document kind. Written by hand; a kind without a pattern keeps the standard one.
public struct DocumentSettingsFile: Codable, Sendable {
    public static let currentVersion = 1
    public var schemaVersion: Int
    public var authority: String
    /// Per `DocumentKind.rawValue`, with `{year}` and `{n}`.
    public var patterns: [String: String]?
    /// Who hears an appeal against an order (`AppealBodies`); absent: blank lines on the paper.
    public var appeal: AppealBodies?
    public init(settings: DocumentSettings) {
        self.schemaVersion = Self.currentVersion
        self.authority = settings.authority
        self.patterns = settings.patterns
        self.appeal = settings.appeal
    }
}

extension DocumentSettingsFile: SchemaVersioned {}

extension LedgerStore {
    public static let documentSettingsName = "documents.json"

    /// The document settings of the data directory: `DocumentSettings.standard` when it has no
    /// `documents.json`; a file that does not read, or names an unknown kind or a pattern
    /// without `{n}` (every number would be the same), is a `StoreError` naming it, and is never
    /// written here.
    public static func documentSettings(in directory: URL) throws -> DocumentSettings {
        let url = directory.appendingPathComponent(documentSettingsName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .standard }
        let file = try JSONFiles.decode(DocumentSettingsFile.self, from: JSONFiles.read(url), path: url.path,
                                        supportedVersion: DocumentSettingsFile.currentVersion)
        if file.authority.isSpacesOnly {
            throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "authority", reason: .missingField)
        }
        var patterns = DocumentSettings.standard.patterns
        for (kind, pattern) in (file.patterns ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard DocumentKind(rawValue: kind) != nil else {
                throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "patterns." + kind, reason: .invalidValue(kind))
            }
            // Numbers restart each year and each kind has its own sequence: a pattern without the
            // year, or one another kind shares, would give two documents the same number.
            guard pattern.contains("{n}"), pattern.contains("{year}") else {
                throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "patterns." + kind, reason: .invalidValue(pattern))
            }
            patterns[kind] = pattern
        }
        for (kind, pattern) in patterns.sorted(by: { $0.key < $1.key }) where patterns.contains(where: { $0.key != kind && $0.value == pattern }) {
            throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "patterns." + kind, reason: .invalidValue(pattern))
        }
        var appeal = file.appeal ?? AppealBodies()
        // A name of spaces only is no name: the blank line stays, to be filled in by hand.
        for keyPath in [\AppealBodies.government, \.department, \.court] where appeal[keyPath: keyPath]?.isSpacesOnly == true {
            appeal[keyPath: keyPath] = nil
        }
        return DocumentSettings(authority: file.authority, patterns: patterns, appeal: appeal)
    }
}
