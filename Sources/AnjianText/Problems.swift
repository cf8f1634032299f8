import AnjianModel

// Validation problems (shown beside a form's field or in a store error) and the hazard
// lifecycle's refusals.
extension Text {
    public static let problemRequired = Text(zh: "必填", en: "required")
    public static let problemEmptyCode = Text(zh: "信用代码为空", en: "the credit code is empty")
    public static let problemRequiredForMajor = Text(zh: "重大隐患必填（六定）", en: "required for a major hazard")
    public static let refusalVerifier = Text(zh: "验收须填写验收人姓名", en: "a verification needs the verifier's name")
    public static let refusalReason = Text(zh: "须填写原因", en: "a reason is required")
    public static let refusalEditWhileClosed = Text(
        zh: "已验收销号的隐患不能编辑：先按 o 重新打开（须写原因）",
        en: "a closed hazard cannot be edited: reopen it first with o (with a reason)")
    public static let problemNoProblemWithFindings = Text(
        zh: "有发现问题或登记了隐患，结论不能是“未发现问题”",
        en: "findings or hazards recorded: the conclusion cannot be \"no problem found\"")
}

extension Strings {
    public func problem(_ problem: ValidationIssue.Problem) -> String {
        switch problem {
        case .required: return self[.problemRequired]
        case .creditCode(.empty): return self[.problemEmptyCode]
        case .creditCode(.wrongLength(let n)): return problemWrongLength(n)
        case .creditCode(.forbiddenCharacter(let c, let position)): return problemForbiddenCharacter(c, position)
        case .creditCode(.checkCharacterMismatch(let expected, let found)): return problemCheckCharacter(expected, found)
        case .organizationCode(.organizationCodeCheckMismatch(let expected, let found)): return problemOrganizationCode(expected, found)
        case .unknownDistrict(let name): return problemUnknownDistrict(name)
        case .areaMismatch(let area, let district): return problemAreaMismatch(area, district)
        case .invalidPhone(let phone): return problemInvalidPhone(phone)
        case .invalidDate(let date): return problemInvalidDate(date)
        case .negativeCount(let n): return problemNegativeCount(n)
        case .duplicateCreditCode(let code): return problemDuplicateCode(code)
        case .nameHeldBy(let code): return problemNameHeldBy(code)
        case .duplicateCertificate(let number): return problemDuplicateCertificate(number)
        case .invalidTime(let time): return problemInvalidTime(time)
        case .tooFewInspectors(let n): return problemTooFewInspectors(n)
        case .sameInspectorTwice(let name): return problemSameInspectorTwice(name)
        case .deadlineBeforeDiscovery(let deadline, let found): return problemDeadlineBeforeDiscovery(deadline, found)
        case .requiredForMajorHazard: return self[.problemRequiredForMajor]
        case .visitInFuture(let moment): return problemVisitInFuture(moment)
        case .noProblemWithFindings: return self[.problemNoProblemWithFindings]
        case .fundsNotANumber(let text): return problemFundsNotANumber(text)
        case .listingOnlyForMajorHazard: return self[.problemListingOnlyMajor]
        case .beforeDiscovery(let date, let discovered): return problemBeforeDiscovery(date, discovered)
        case .closingNeedsTwoVerifiers: return self[.problemTwoVerifiers]
        case .closingNeedsOpinion: return self[.problemOpinion]
        case .evidenceMissing(let path): return problemEvidenceMissing(path)
        case .dateInFuture(let date): return problemDateInFuture(date)
        }
    }

    public func refusal(_ refusal: HazardRefusal) -> String {
        switch refusal {
        case .notAllowed(let from, let action): return refusalNotAllowed(status(from), step(action))
        case .verifierRequired: return self[.refusalVerifier]
        case .invalidDate(let date): return problemInvalidDate(date)
        case .reasonRequired: return self[.refusalReason]
        case .deadlineNotLater(let old, let new): return refusalDeadline(old, new)
        case .deadlineNotAfterToday(let new, let today): return refusalDeadlineNotAfterToday(new, today)
        case .editWhileClosed: return self[.refusalEditWhileClosed]
        case .dateBeforeDiscovery(let date, let discovered): return refusalBeforeDiscovery(date, discovered)
        case .twoVerifiersRequired: return self[.problemTwoVerifiers]
        case .opinionRequired: return self[.problemOpinion]
        case .evidenceMissing(let path): return problemEvidenceMissing(path)
        case .dateBeforePreviousStep(let date, let previous): return refusalBeforePreviousStep(date, previous)
        }
    }

    func problemWrongLength(_ count: Int) -> String {
        pick(zh: "应为 18 位，实为 \(count) 位", en: "must be 18 characters, has \(count)")
    }

    func problemForbiddenCharacter(_ character: Character, _ position: Int) -> String {
        pick(zh: "第 \(position) 位“\(character)”不是信用代码允许的字符（不用 I O S V Z）",
             en: "character \(position) \"\(character)\" is not allowed (no I O S V Z)")
    }

    func problemCheckCharacter(_ expected: Character, _ found: Character) -> String {
        pick(zh: "校验码应为 \(expected)，实为 \(found)", en: "check character should be \(expected), is \(found)")
    }

    func problemOrganizationCode(_ expected: Character, _ found: Character) -> String {
        pick(zh: "组织机构代码校验位应为 \(expected)，实为 \(found)",
             en: "organization code check digit should be \(expected), is \(found)")
    }

    func problemUnknownDistrict(_ name: String) -> String {
        pick(zh: "“\(name)”不是烟台的区市", en: "\"\(name)\" is not a district of Yantai")
    }

    func problemAreaMismatch(_ area: String, _ district: String) -> String {
        pick(zh: "信用代码的区划代码 \(area) 与所属区市“\(district)”不符",
             en: "the code's area \(area) does not match the district \"\(district)\"")
    }

    func problemInvalidPhone(_ phone: String) -> String {
        pick(zh: "“\(phone)”不是有效的手机或固定电话号码", en: "\"\(phone)\" is not a valid mobile or landline number")
    }

    func problemInvalidDate(_ date: String) -> String {
        pick(zh: "“\(date)”不是有效日期（YYYY-MM-DD）", en: "\"\(date)\" is not a valid date (YYYY-MM-DD)")
    }

    func problemNegativeCount(_ count: Int) -> String {
        pick(zh: "数量不能为负：\(count)", en: "a count cannot be negative: \(count)")
    }

    func problemDuplicateCode(_ code: String) -> String {
        pick(zh: "信用代码 \(code) 重复", en: "credit code \(code) appears twice")
    }

    func refusalBeforeDiscovery(_ date: String, _ discovered: String) -> String {
        pick(zh: "验收日期 \(date) 早于发现日期 \(discovered)",
             en: "the verification date \(date) is before the discovery \(discovered)")
    }

    public func refusalFutureDate(_ date: String) -> String {
        pick(zh: "日期 \(date) 晚于今天", en: "the date \(date) is after today")
    }

    func problemVisitInFuture(_ moment: String) -> String {
        pick(zh: "检查时间 \(moment) 晚于现在", en: "the visit time \(moment) is later than now")
    }

    func problemDeadlineBeforeDiscovery(_ deadline: String, _ discovered: String) -> String {
        pick(zh: "整改期限 \(deadline) 早于发现日期 \(discovered)",
             en: "the deadline \(deadline) is before the discovery date \(discovered)")
    }

    func refusalNotAllowed(_ status: String, _ step: String) -> String {
        pick(zh: "“\(status)”状态下不能\(step)", en: "cannot \(step) while \(status)")
    }

    func refusalDeadline(_ old: String, _ new: String) -> String {
        pick(zh: "新期限 \(new) 须晚于原期限 \(old)", en: "the new deadline \(new) must be after \(old)")
    }

    func refusalDeadlineNotAfterToday(_ new: String, _ today: String) -> String {
        pick(zh: "新期限 \(new) 须晚于今天 \(today)", en: "the new deadline \(new) must be after today, \(today)")
    }

    func problemInvalidTime(_ time: String) -> String {
        pick(zh: "“\(time)”不是有效时间（HH:MM）", en: "\"\(time)\" is not a valid time (HH:MM)")
    }

    func problemTooFewInspectors(_ count: Int) -> String {
        pick(zh: "至少需要两名检查人员（现有 \(count) 名）", en: "at least two inspectors are needed (now \(count))")
    }

    func problemSameInspectorTwice(_ name: String) -> String {
        pick(zh: "同一名检查人员出现两次：\(name)", en: "the same inspector twice: \(name)")
    }
}
