import Foundation
import AnjianModel

/// The languages of the UI.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// Chinese when the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set starts with
    /// `zh`, English otherwise. Whether that locale is installed does not matter.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// A string the user sees, in Simplified Chinese and English. Each feature's file adds its
/// own as `extension Text { public static let … = Text(zh: …, en: …) }`; the initializer
/// needs both, so a missing translation does not compile. Only this target makes them.
public struct Text: Hashable, Sendable {
    let zh: String
    let en: String

    init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}

/// The strings of one language: `strings[.appTitle]` for a fixed text, and a typed
/// function for each message with values in it: `strings.shownOfTotal(5, 60)`.
public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public subscript(_ text: Text) -> String { pick(zh: text.zh, en: text.en) }

    /// The message functions write both languages with interpolation and pick one here.
    func pick(zh: String, en: String) -> String { language == .zh ? zh : en }

    public func district(_ name: String) -> String {
        guard language == .en, let district = District.named(name) else { return name }
        return district.englishName
    }
}

extension Strings {
    /// Between the items of a list in running text: `、` in Chinese, `, ` in English.
    public var listSeparator: String { pick(zh: "、", en: ", ") }
}

extension Strings {
    /// Between clauses of one message: `；` in Chinese, `; ` in English.
    public var clauseSeparator: String { pick(zh: "；", en: "; ") }
    /// Before what a message lists: `：` in Chinese, `: ` in English.
    public var colon: String { pick(zh: "：", en: ": ") }
}
