import Foundation
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
        case .invalidUTF8(let offset): return damageInvalidUTF8(offset)
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
        case .conflict(let path, let id): return errorConflict(path, id)
        case .unreadable(let path, let reason): return errorUnreadable(path, readFailure(reason))
        case .duplicateRecord(let path, let record, let key, let value, let firstPath, let firstRecord):
            return errorDuplicateRecord(path, record + 1, recordKey(key), value, firstPath == path ? nil : firstPath, firstRecord + 1)
        case .unknownEnterprise(let path, let code): return errorUnknownEnterprise(path, code)
        case .invalidFileName(let path, let problem): return errorInvalidFileName(path, self.problem(.creditCode(problem)))
        case .lockLost(let path, let reason): return errorLockLost(path, reason)
        case .unsafeLockFile(let path): return errorUnsafeLockFile(path)
        case .documentRefused(let path, let id, let reason): return errorDocumentRefused(path, id, reason)
        case .keyTaken(let path, let key, let value): return errorKeyTaken(path, recordKey(key), value)
        case .rekeyRequired(let path, let code): return errorRekeyRequired(path, code)
        case .rekeyTargetTaken(let path, let code): return errorRekeyTargetTaken(path, code)
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

    func errorConflict(_ path: String, _ id: String) -> String {
        pick(zh: "\(path) 中的记录 \(id) 在您打开后已被他人修改或删除：未保存，请重新打开后再改",
             en: "record \(id) in \(path) was changed or removed by someone else since you opened it: not saved; open it again")
    }
}

// Reading files and folders, duplicate records, stray files (issue #8, data safety on load).
extension Strings {
    func errorUnreadable(_ path: String, _ reason: String) -> String {
        pick(zh: "\(path) 无法读取：\(reason)（文件未改动）", en: "\(path) cannot be read: \(reason) (the file was not changed)")
    }

    /// Why a path could not be read, from the situation or the system's errno, in the user's language.
    public func readFailure(_ failure: ReadFailure) -> String {
        switch failure {
        case .notAFile(let kind): return pick(zh: "这里应是文件，却是\(fileKind(kind))", en: "a file was expected, but this is \(fileKind(kind))")
        case .notAFolder(let kind): return pick(zh: "不是文件夹，而是\(fileKind(kind))", en: "not a folder but \(fileKind(kind))")
        case .danglingLink(let target):
            return pick(zh: "是指向 \(target) 的符号链接，而该路径不存在", en: "a symbolic link to \(target), which does not exist")
        case .system(let code): return systemError(code)
        }
    }

    func fileKind(_ kind: FileKind) -> String {
        switch kind {
        case .regularFile: return pick(zh: "普通文件", en: "a regular file")
        case .directory: return pick(zh: "文件夹", en: "a folder")
        case .fifo: return pick(zh: "命名管道（FIFO）", en: "a named pipe (FIFO)")
        case .socket: return pick(zh: "套接字", en: "a socket")
        case .device: return pick(zh: "设备文件", en: "a device")
        case .other: return pick(zh: "特殊文件", en: "a special file")
        }
    }

    func systemError(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return pick(zh: "没有读取权限", en: "no permission to read it")
        case ENOENT: return pick(zh: "不存在", en: "it does not exist")
        case EIO: return pick(zh: "读写错误（磁盘或网络存储故障）", en: "input/output error (failing disk or network storage)")
        case ELOOP: return pick(zh: "符号链接过多或成环", en: "too many levels of symbolic links")
        case ENOTDIR: return pick(zh: "路径中有一部分不是文件夹", en: "a part of the path is not a folder")
        case EISDIR: return pick(zh: "这是文件夹", en: "it is a folder")
        case EMFILE, ENFILE: return pick(zh: "打开的文件过多", en: "too many open files")
        case ENOMEM: return pick(zh: "内存不足", en: "out of memory")
        case ENAMETOOLONG: return pick(zh: "路径过长", en: "the path is too long")
        default:
            let text = String(cString: strerror(code))
            return pick(zh: "系统错误 \(code)（\(text)）", en: "system error \(code) (\(text))")
        }
    }

    func damageInvalidUTF8(_ offset: Int) -> String {
        pick(zh: "不是有效的 UTF-8 文本（字节偏移 \(offset)）", en: "not valid UTF-8 text (byte offset \(offset))")
    }

    func recordKey(_ key: RecordKey) -> String {
        switch key {
        case .supervisionID: return pick(zh: "监管记录编号", en: "supervision entry id")
        case .hazardID: return pick(zh: "隐患标识（id）", en: "hazard id")
        case .hazardNumber: return pick(zh: "隐患编号", en: "hazard number")
        case .certificateNumber: return pick(zh: "执法证号", en: "certificate number")
        case .creditCode: return pick(zh: "统一社会信用代码", en: "credit code")
        }
    }

    /// `firstPath` nil: the first record is in the same file.
    func errorDuplicateRecord(_ path: String, _ record: Int, _ key: String, _ value: String, _ firstPath: String?,
                              _ firstRecord: Int) -> String {
        if let firstPath {
            return pick(zh: "\(path) 第 \(record) 条记录：\(key) \(value) 与 \(firstPath) 第 \(firstRecord) 条记录重复",
                        en: "\(path): record \(record): \(key) \(value) is already used by record \(firstRecord) of \(firstPath)")
        }
        return pick(zh: "\(path) 第 \(record) 条记录：\(key) \(value) 与本文件第 \(firstRecord) 条记录重复",
                    en: "\(path): record \(record): \(key) \(value) is already used by record \(firstRecord) of this file")
    }

    func errorUnknownEnterprise(_ path: String, _ code: String) -> String {
        pick(zh: "\(path)：信用代码 \(code) 不是台账中的企业（enterprises.json 中没有），其中的记录未载入（文件未改动）",
             en: "\(path): \(code) is not an enterprise of the ledger (not in enterprises.json); its records are not loaded "
                + "(the file was not changed)")
    }

    func errorInvalidFileName(_ path: String, _ problem: String) -> String {
        pick(zh: "\(path)：文件名不是有效的统一社会信用代码（\(problem)），其中的记录未载入（文件未改动）",
             en: "\(path): the file name is not a valid credit code (\(problem)); its records are not loaded (the file was not changed)")
    }
}

// The write lock (issue #8: a lock that means it).
extension Strings {
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
