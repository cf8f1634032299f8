import AnjianStore

// The data directory's errors, worded for the status line and for stderr.
extension Text {
    public static let damageInvalidJSON = Text(zh: "不是有效的 JSON", en: "not valid JSON")
    public static let damageNotAnObject = Text(zh: "应为 JSON 对象", en: "expected a JSON object")
    public static let damageMissingVersion = Text(zh: "缺少格式版本 schemaVersion", en: "schemaVersion is missing")
    public static let damageMissingField = Text(zh: "缺少此字段", en: "missing")
}

extension Strings {
    public func damage(_ damage: Damage) -> String {
        switch damage {
        case .invalidJSON: return self[.damageInvalidJSON]
        case .notAnObject: return self[.damageNotAnObject]
        case .missingVersion: return self[.damageMissingVersion]
        case .missingField: return self[.damageMissingField]
        case .wrongType(let type): return damageWrongType(type)
        case .invalidValue(let value): return damageInvalidValue(value)
        case .wrongEnterprise(let code): return damageWrongEnterprise(code)
        case .other(let text): return text
        }
    }

    /// One line for stderr naming the file and, where known, line, record and field.
    public func storeError(_ error: StoreError) -> String {
        switch error {
        case .io(let path, let reason): return errorIO(path, reason)
        case .damaged(let path, let line?, let column?, _, let reason): return errorDamagedAt(path, line, column, damage(reason))
        case .damaged(let path, _, _, let field?, let reason): return errorDamagedField(path, field, damage(reason))
        case .damaged(let path, _, _, nil, let reason): return errorDamaged(path, damage(reason))
        case .notADirectory(let path): return errorNotADirectory(path)
        case .unsupportedVersion(let path, let found, let supported): return errorVersion(path, found, supported)
        case .invalidRecord(let path, let record, let name, let issue):
            return errorInvalidRecord(path, record + 1, name, issue.field, problem(issue.problem))
        case .duplicateKey(let path, let record, let key): return errorDuplicate(path, record + 1, key)
        case .notADataDirectory(let path, let missing): return errorNotEmpty(path, missing)
        case .lockLost(let path, let reason): return errorLockLost(path, reason)
        case .unsafeLockFile(let path): return errorUnsafeLockFile(path)
        }
    }

    func errorIO(_ path: String, _ reason: String) -> String {
        pick(zh: "\(path)：\(reason)", en: "\(path): \(reason)")
    }

    func errorDamaged(_ path: String, _ reason: String) -> String {
        pick(zh: "\(path) 已损坏：\(reason)（文件未改动）", en: "\(path) is damaged: \(reason) (the file was not changed)")
    }

    func errorDamagedAt(_ path: String, _ line: Int, _ column: Int, _ reason: String) -> String {
        pick(zh: "\(path) 第 \(line) 行第 \(column) 列已损坏：\(reason)（文件未改动）",
             en: "\(path) is damaged at line \(line), column \(column): \(reason) (the file was not changed)")
    }

    func errorDamagedField(_ path: String, _ field: String, _ reason: String) -> String {
        pick(zh: "\(path) 字段 \(field) 有误：\(reason)（文件未改动）",
             en: "\(path): field \(field): \(reason) (the file was not changed)")
    }

    func errorVersion(_ path: String, _ found: Int, _ supported: Int) -> String {
        pick(zh: "\(path) 的格式版本是 \(found)，本程序只能读取版本 \(supported)（文件未改动）",
             en: "\(path) has schema version \(found); this program reads version \(supported) (the file was not changed)")
    }

    func errorInvalidRecord(_ path: String, _ record: Int, _ name: String, _ field: String, _ problem: String) -> String {
        pick(zh: "\(path) 第 \(record) 条记录（\(name)）字段 \(field)：\(problem)",
             en: "\(path): record \(record) (\(name)), field \(field): \(problem)")
    }

    func errorDuplicate(_ path: String, _ record: Int, _ key: String) -> String {
        pick(zh: "\(path) 第 \(record) 条记录：信用代码 \(key) 重复",
             en: "\(path): record \(record): credit code \(key) appears twice")
    }

    func damageWrongType(_ type: String) -> String {
        pick(zh: "类型不对，应为 \(type)", en: "wrong type, expected \(type)")
    }

    func damageInvalidValue(_ value: String) -> String {
        pick(zh: "值“\(value)”不是允许的取值", en: "\"\(value)\" is not an allowed value")
    }

    func damageWrongEnterprise(_ code: String) -> String {
        pick(zh: "企业信用代码 \(code) 与文件名或所属企业不符", en: "credit code \(code) does not match the file's enterprise")
    }

    func errorNotADirectory(_ path: String) -> String {
        pick(zh: "\(path) 不是目录", en: "\(path) is not a directory")
    }

    func errorNotEmpty(_ path: String, _ missing: String) -> String {
        pick(zh: "\(path) 不是空目录，也不是安监台账数据目录（没有 \(missing)），未写入任何文件",
             en: "\(path) is neither empty nor an Anjian data directory (no \(missing)); nothing was written")
    }

    func errorLockLost(_ path: String, _ reason: LockLoss) -> String {
        let why: String
        switch reason {
        case .directoryReplaced: why = pick(zh: "数据目录已被移动、替换或删除", en: "the data directory was moved, replaced or removed")
        case .lockFileRemoved: why = pick(zh: "锁文件已被删除", en: "the lock file was removed")
        case .lockFileReplaced: why = pick(zh: "锁文件已被替换，可能另一程序已加锁", en: "the lock file was replaced, perhaps by another copy's lock")
        case .released: why = pick(zh: "写锁已释放", en: "the lock was given up")
        }
        return pick(zh: "\(path)：写锁已失效（\(why)）。为免两个程序同时写入，本程序不再保存，本次未写入；请退出后重新打开",
                    en: "\(path): the write lock is lost (\(why)). So that two copies never write at once, this copy saves nothing more "
                        + "and nothing was written: quit and start again")
    }

    func errorUnsafeLockFile(_ path: String) -> String {
        pick(zh: "\(path) 是符号链接或不是普通文件，不能安全加锁，未写入任何文件；请检查后删除它",
             en: "\(path) is a symbolic link or not a regular file: it cannot be locked safely and nothing was written; check it and remove it")
    }
}
