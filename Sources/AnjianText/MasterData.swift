import AnjianModel

// Master data (issue 13): the refusals of the enterprise and roster rules, the history steps of
// master data, the certificate's state and the store errors of their saves.
extension Text {
    public static let actRetired = Text(zh: "退出名录", en: "retired")
    public static let actReinstated = Text(zh: "恢复名录", en: "reinstated")
    public static let actIntegrityChanged = Text(zh: "诚信红黑榜变更", en: "integrity list changed")
    public static let actRekeyed = Text(zh: "变更信用代码", en: "credit code changed")
    public static let actRenumbered = Text(zh: "同步时重新编号", en: "renumbered by a sync")
    public static let actConflictResolved = Text(zh: "解决同步冲突", en: "sync conflict resolved")
    public static let refusalNotRetired = Text(zh: "未退出名录，无需恢复", en: "not retired: nothing to reinstate")
    public static let refusalNotListed = Text(zh: "未列入红黑榜，无需移出", en: "not on the red or black list: nothing to take off")
    public static let refusalIntegrityUnchanged = Text(zh: "红黑榜信息没有变化", en: "the listing is unchanged")
    public static let refusalSameCreditCode = Text(zh: "新信用代码与原代码相同", en: "the new credit code is the current one")
    public static let certificateValid = Text(zh: "执法证有效", en: "certificate valid")
    public static let certificateExpired = Text(zh: "执法证已过期", en: "certificate expired")
    public static let certificateNotRecorded = Text(zh: "执法证有效期未登记", en: "certificate expiry not recorded")
}

extension Strings {
    public func refusal(_ refusal: MasterDataRefusal) -> String {
        switch refusal {
        case .invalidDate(let date): return problemInvalidDate(date)
        case .reasonRequired: return self[.refusalReason]
        case .alreadyRetired(let since):
            return pick(zh: "已于 \(since) 退出名录", en: "already retired since \(since)")
        case .notRetired: return self[.refusalNotRetired]
        case .reviewBeforeDecision(let review, let decision):
            return pick(zh: "复核日期 \(review) 早于决定日期 \(decision)", en: "the review date \(review) is before the decision of \(decision)")
        case .notListed: return self[.refusalNotListed]
        case .integrityUnchanged: return self[.refusalIntegrityUnchanged]
        case .invalidCreditCode(let problem): return self.problem(.creditCode(problem))
        case .sameCreditCode: return self[.refusalSameCreditCode]
        case .rekeyRequired(let code):
            return pick(zh: "已有记录：再按 Ctrl-S 变更代码并迁移记录", en: "has records: Ctrl-S again moves them")
        }
    }

    public func refusal(_ refusal: InspectorRefusal) -> String {
        switch refusal {
        case .retired(let since):
            return pick(zh: "该检查人员已于 \(since) 退出名录，不能用于新的检查", en: "this inspector retired on \(since) and cannot be named on a new visit")
        case .certificateExpired(let day):
            return pick(zh: "该检查人员的执法证已于 \(day) 到期", en: "this inspector's certificate expired on \(day)")
        }
    }

    /// `执法证 12 天后到期` / `certificate expires in 12 days`, and the other states.
    public func certificateState(_ state: CertificateState) -> String {
        switch state {
        case .notRecorded: return self[.certificateNotRecorded]
        case .valid: return self[.certificateValid]
        case .expired: return self[.certificateExpired]
        case .expiringSoon(0): return pick(zh: "执法证今天到期", en: "certificate expires today")
        case .expiringSoon(let days):
            return pick(zh: "执法证 \(days) 天后到期", en: days == 1 ? "certificate expires tomorrow" : "certificate expires in \(days) days")
        }
    }

    func problemNameHeldBy(_ code: String) -> String {
        pick(zh: "已有同名企业（信用代码 \(code)）", en: "another enterprise (credit code \(code)) has this name")
    }

    func problemDuplicateCertificate(_ number: String) -> String {
        pick(zh: "执法证号 \(number) 已在名录中", en: "certificate number \(number) is already on the roster")
    }

    func errorKeyTaken(_ path: String, _ key: String, _ value: String) -> String {
        pick(zh: "\(path) 中已有\(key)为 \(value) 的记录：未保存", en: "\(path) already has a record with \(key) \(value): not saved")
    }

    func errorRekeyRequired(_ path: String, _ code: String) -> String {
        pick(zh: "企业 \(code) 已有记录文件 \(path)：信用代码只能通过“变更信用代码”修改，未保存",
             en: "enterprise \(code) has records in \(path): its credit code can only be changed by re-keying; not saved")
    }

    func errorRekeyTargetTaken(_ path: String, _ code: String) -> String {
        pick(zh: "\(path) 已存在，且不是本企业的记录：不能把信用代码改为 \(code)，未改动任何文件",
             en: "\(path) already exists and does not hold this enterprise's records: cannot change the credit code to \(code); nothing was changed")
    }
}
