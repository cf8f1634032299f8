import Glibc

/// The C locale must be UTF-8 for ncursesw to read and write wide characters.
public enum LocaleGuard {
    /// Uses the user's locale when it is installed and UTF-8; otherwise falls back to
    /// `C.UTF-8` (e.g. `LANG=zh_CN.UTF-8` on a machine without that locale).
    /// Returns the locale name in effect.
    @discardableResult
    public static func ensureUTF8() -> String {
        if let selected = setlocale(LC_ALL, ""), isUTF8() {
            return String(cString: selected)
        }
        for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let selected = setlocale(LC_ALL, fallback), isUTF8() {
                return String(cString: selected)
            }
        }
        return String(cString: setlocale(LC_ALL, nil))
    }

    static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
