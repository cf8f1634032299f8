import Foundation
import AnjianModel
import AnjianStore

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

/// Every string the user sees, in Simplified Chinese and English.
public enum Text: Sendable, CaseIterable {
    case appTitle, viewEnterprises, viewHazards, viewSupervisions
    case colName, colShortName, colDistrict, colIndustry, colCategory, colRisk, colIntegrity
    case colSupervisor, colCreditCode, colSafetyPerson, colSafetyPhone
    case riskMajor, riskHigh, riskModerate, riskLow
    case riskMajorLong, riskHighLong, riskModerateLong, riskLowLong
    case integrityNone, integrityRed, integrityBlack
    case categoryHazardousChemicals, categorySpecialEquipment, categoryMining, categoryFood
    case categoryMachinery, categoryShipbuilding, categoryPort, categoryOther
    case demoData, shownOfTotal, filterPrompt, noMatches, noEnterprises, helpHint
    case sortedBy, ascending, descending
    case tooSmall
    case helpTitle, helpList, helpFilter, helpDetail, helpHelp, helpClose, helpGlobal
    case actionUp, actionDown, actionPageUp, actionPageDown, actionTop, actionBottom, actionOpen
    case actionBack, actionFilter, actionClearFilter, actionSortNext, actionSortReverse, actionHelp
    case actionQuit, actionView1, actionView2, actionView3, actionNewSupervision, actionNewHazard
    case actionRedraw, actionSuspend, actionScrollUp, actionScrollDown
    case actionAcceptFilter, actionCancelFilter, actionCaret, actionCaretHomeEnd, actionDeleteBack
    case actionDeleteForward, actionClearInput, actionKillToEnd, actionDeleteWord
    case detailTitle, fieldCreditCode, fieldName, fieldShortName, fieldDistrict, fieldAddress, fieldIndustry
    case fieldCategory, fieldRisk, fieldLegalRepresentative, fieldSafetyResponsible, fieldSupervisors
    case fieldSpecialEquipment, fieldIntegrity, fieldNotes
    case equipmentBoilers, equipmentPressureVessels, equipmentPressurePiping, equipmentElevators
    case equipmentCranes, equipmentForklifts, equipmentNone
    case creditCodeValid, creditCodeInvalid, districtCode
    case problemRequired, problemEmptyCode, problemWrongLength, problemForbiddenCharacter
    case problemCheckCharacter, problemOrganizationCode, problemUnknownDistrict, problemAreaMismatch
    case problemInvalidPhone, problemInvalidDate, problemNegativeCount, problemDuplicateCode
    case errorIO, errorDamaged, errorDamagedAt, errorDamagedField, errorVersion, errorInvalidRecord
    case errorDuplicate, warningsOnLoad, initializedDemo
    case damageInvalidJSON, damageNotAnObject, damageMissingVersion, damageMissingField, damageWrongType
    case damageInvalidValue, damageWrongEnterprise, errorNotADirectory
    case problemDeadlineBeforeDiscovery, problemRequiredForMajor, refusalNotAllowed, refusalVerifier, refusalReason, refusalDeadline, levelGeneral, levelMajor, statusRegistered, statusRectifying, statusRectified, statusClosed, hcatEquipment, hcatElectrical, hcatFire, hcatHazardousMaterials, hcatWorkEnvironment, hcatManagement, hcatBehaviour, hcatOther, actStarted, actReported, actPassed, actFailed, actReopened, actExtended, fieldNumber, fieldDiscoveredOn, fieldFoundBy, fieldLocation, fieldDescription, fieldHazardCategory, fieldLevel, fieldResponsible, fieldMeasures, fieldFunds, fieldDeadline, fieldContingency, fieldStatus, fieldVerifier, fieldVerifyDate, fieldRemark, fieldReason, fieldNewDeadline, fieldSupervision, fieldClosedOn, fieldVerifications, verificationPassed, verificationFailed, newHazardTitle, editHazardTitle, hazardTitle, hazardFilterTitle, hazardSection, noHazards, colNumber, colLevel, colStatus, colFound, colDeadline, colOverdue, colResponsible, colDescription, hazardCounts, overdueDays, filterAll, filterOpen, filterOverdueOnly, filterNotOverdue, fieldEnterpriseFilter, fieldInspectorFilter, activeFilters, actionFilters, actionClearAllFilters, helpHazardList, helpHazard, hazardSaved, stepDone, hazardListHint, noHazardMatches, openHazard
    case readOnlyNotWritable, operatorNeeded, refusalBeforeDiscovery, refusalFutureDate, deadlineByExtension, linkedHazards, nothingChanged
    case dataDirectory, readingLine, noneValue, formHintAddRow, filterHint, supervisionListHint, errorNotATerminal, errorNotEmpty
    case fieldDate, fieldTime, fieldKind, fieldInspector, fieldCertificate, fieldAccompanying, fieldPosition, fieldPhone, fieldItemsChecked, fieldFindings, fieldConclusion, fieldInspectors, newSupervisionTitle, editSupervisionTitle, kindRoutine, kindSpecialCampaign, kindDoubleRandom, kindComplaint, kindRecheck, conclusionNoProblem, conclusionRectification, conclusionCaseFiled, formHint, confirmDiscard, formHasErrors, saved, saveFailed, readOnlyBanner, readOnlyUnknown, readOnlyTag, operatorLabel, noOperator, operatorFormTitle, fieldOperatorName, supervisionSection, noSupervisions, supervisionTitle, historyTitle, historyCreated, historyEdited, colDate, colEnterprise, colKind, colInspectors, colConclusion, colAccompanying, colFindings, noSupervisionMatches, noSupervisionEntries, supervisionsCount, actionEdit, actionAddInspector, actionSave, actionCancel, actionNextField, actionPreviousField, actionChoice, actionPick, actionNewLine, actionOpenEntry, helpForm, helpSupervisionList, helpSupervision, problemInvalidTime, problemTooFewInspectors, problemSameInspectorTwice, supervisionHint, detailHint

    var table: (zh: String, en: String) {
        switch self {
        case .appTitle: return ("安监台账", "Anjian")
        case .viewEnterprises: return ("直管企业", "Enterprises")
        case .viewHazards: return ("隐患台账", "Hazards")
        case .viewSupervisions: return ("监管记录", "Supervision")
        case .colName: return ("企业名称", "Name")
        case .colShortName: return ("简称", "Short name")
        case .colDistrict: return ("区市", "District")
        case .colIndustry: return ("行业", "Industry")
        case .colCategory: return ("监管类别", "Category")
        case .colRisk: return ("风险", "Risk")
        case .colIntegrity: return ("诚信", "List")
        case .colSupervisor: return ("监管责任人", "Supervisor")
        case .colCreditCode: return ("统一社会信用代码", "Credit code")
        case .colSafetyPerson: return ("安全责任人", "Safety officer")
        case .colSafetyPhone: return ("责任人电话", "Officer phone")
        case .riskMajor: return ("重大!", "Major!")
        case .riskHigh: return ("较大", "High")
        case .riskModerate: return ("一般", "Medium")
        case .riskLow: return ("低", "Low")
        case .riskMajorLong: return ("重大风险（红）", "major risk (red)")
        case .riskHighLong: return ("较大风险（橙）", "high risk (orange)")
        case .riskModerateLong: return ("一般风险（黄）", "moderate risk (yellow)")
        case .riskLowLong: return ("低风险（蓝）", "low risk (blue)")
        case .integrityNone: return ("未列入", "not listed")
        case .integrityRed: return ("红榜+", "Red+")
        case .integrityBlack: return ("黑榜!", "Black!")
        case .categoryHazardousChemicals: return ("危险化学品", "Hazardous chemicals")
        case .categorySpecialEquipment: return ("特种设备使用", "Special equipment")
        case .categoryMining: return ("非煤矿山", "Mining")
        case .categoryFood: return ("食品", "Food")
        case .categoryMachinery: return ("机械制造", "Machinery")
        case .categoryShipbuilding: return ("船舶修造", "Shipbuilding")
        case .categoryPort: return ("港口", "Port")
        case .categoryOther: return ("其他", "Other")
        case .demoData: return ("演示数据", "demo data")
        case .shownOfTotal: return ("{0}/{1} 家", "{0} of {1}")
        case .filterPrompt: return ("筛选：", "Filter: ")
        case .noMatches: return ("没有匹配“{0}”的企业", "No enterprise matches \"{0}\"")
        case .noEnterprises: return ("台账中还没有企业", "The ledger has no enterprises yet")
        case .helpHint: return ("/ 筛选  Enter 详情  ? 帮助  q 退出", "/ filter  Enter open  ? help  q quit")
        case .sortedBy: return ("按{0}{1}", "by {0} {1}")
        case .ascending: return ("升序", "asc")
        case .descending: return ("降序", "desc")
        case .tooSmall: return ("终端太小：{0}x{1}，至少需要 {2}x{3}", "Terminal too small: {0}x{1}, need {2}x{3}")
        case .helpTitle: return ("帮助", "Help")
        case .helpList: return ("企业列表", "Enterprise list")
        case .helpFilter: return ("筛选输入时", "While typing a filter")
        case .helpDetail: return ("企业详情", "Enterprise details")
        case .helpHelp: return ("帮助页", "This help")
        case .helpGlobal: return ("任何时候", "Anywhere")
        case .helpClose: return ("Esc 返回", "Esc back")
        case .actionUp: return ("上一行", "previous row")
        case .actionDown: return ("下一行", "next row")
        case .actionPageUp: return ("上一页", "page up")
        case .actionPageDown: return ("下一页", "page down")
        case .actionTop: return ("第一行", "first row")
        case .actionBottom: return ("最后一行", "last row")
        case .actionOpen: return ("打开详情", "open details")
        case .actionBack: return ("返回", "back")
        case .actionFilter: return ("筛选（中文、拼音首字母、全拼、信用代码、区市）", "filter (Chinese, pinyin initials or full, credit code, district)")
        case .actionClearFilter: return ("清除筛选", "clear the filter")
        case .actionSortNext: return ("按下一列排序", "sort by the next column")
        case .actionSortReverse: return ("反转排序", "reverse the sort")
        case .actionHelp: return ("帮助", "help")
        case .actionQuit: return ("退出", "quit")
        case .actionView1: return ("直管企业", "enterprises")
        case .actionView2: return ("隐患台账", "hazard ledger")
        case .actionView3: return ("监管记录", "supervision records")
        case .actionNewSupervision: return ("新建监管记录", "new supervision entry")
        case .actionNewHazard: return ("登记隐患", "new hazard")
        case .actionRedraw: return ("重绘屏幕", "redraw the screen")
        case .actionSuspend: return ("挂起到后台", "suspend")
        case .actionScrollUp: return ("向上滚动", "scroll up")
        case .actionScrollDown: return ("向下滚动", "scroll down")
        case .actionAcceptFilter: return ("保留筛选，回到列表", "keep the filter, back to the list")
        case .actionCancelFilter: return ("清除筛选", "clear the filter")
        case .actionCaret: return ("移动光标", "move the caret")
        case .actionCaretHomeEnd: return ("光标到行首/行尾", "caret to start / end")
        case .actionDeleteBack: return ("删除光标前一个字", "delete before the caret")
        case .actionDeleteForward: return ("删除光标处的字", "delete at the caret")
        case .actionClearInput: return ("清空输入", "clear the input")
        case .actionKillToEnd: return ("删除到行尾", "delete to the end")
        case .actionDeleteWord: return ("删除前一个词", "delete the previous word")
        case .detailTitle: return ("企业详情", "Enterprise")
        case .fieldCreditCode: return ("统一社会信用代码", "Credit code")
        case .fieldName: return ("企业名称", "Name")
        case .fieldShortName: return ("简称", "Short name")
        case .fieldDistrict: return ("所属区市", "District")
        case .fieldAddress: return ("地址", "Address")
        case .fieldIndustry: return ("行业", "Industry")
        case .fieldCategory: return ("监管类别", "Category")
        case .fieldRisk: return ("风险等级", "Risk grade")
        case .fieldLegalRepresentative: return ("法定代表人", "Legal representative")
        case .fieldSafetyResponsible: return ("企业安全责任人", "Safety officer")
        case .fieldSupervisors: return ("监管责任人", "Supervisors")
        case .fieldSpecialEquipment: return ("特种设备", "Special equipment")
        case .fieldIntegrity: return ("诚信红黑榜", "Integrity list")
        case .fieldNotes: return ("备注", "Notes")
        case .equipmentBoilers: return ("锅炉 {0}", "boilers {0}")
        case .equipmentPressureVessels: return ("压力容器 {0}", "pressure vessels {0}")
        case .equipmentPressurePiping: return ("压力管道 {0}", "pressure piping {0}")
        case .equipmentElevators: return ("电梯 {0}", "elevators {0}")
        case .equipmentCranes: return ("起重机械 {0}", "cranes {0}")
        case .equipmentForklifts: return ("场（厂）内机动车辆 {0}", "forklifts {0}")
        case .equipmentNone: return ("无", "none")
        case .creditCodeValid: return ("校验通过", "check OK")
        case .creditCodeInvalid: return ("校验不通过", "invalid")
        case .districtCode: return ("区划代码 {0}", "division code {0}")
        case .problemRequired: return ("必填", "required")
        case .problemEmptyCode: return ("信用代码为空", "the credit code is empty")
        case .problemWrongLength: return ("应为 18 位，实为 {0} 位", "must be 18 characters, has {0}")
        case .problemForbiddenCharacter: return ("第 {1} 位“{0}”不是信用代码允许的字符（不用 I O S V Z）", "character {1} \"{0}\" is not allowed (no I O S V Z)")
        case .problemCheckCharacter: return ("校验码应为 {0}，实为 {1}", "check character should be {0}, is {1}")
        case .problemOrganizationCode: return ("组织机构代码校验位应为 {0}，实为 {1}", "organization code check digit should be {0}, is {1}")
        case .problemUnknownDistrict: return ("“{0}”不是烟台的区市", "\"{0}\" is not a district of Yantai")
        case .problemAreaMismatch: return ("信用代码的区划代码 {0} 与所属区市“{1}”不符", "the code's area {0} does not match the district \"{1}\"")
        case .problemInvalidPhone: return ("“{0}”不是有效的手机或固定电话号码", "\"{0}\" is not a valid mobile or landline number")
        case .problemInvalidDate: return ("“{0}”不是有效日期（YYYY-MM-DD）", "\"{0}\" is not a valid date (YYYY-MM-DD)")
        case .problemNegativeCount: return ("数量不能为负：{0}", "a count cannot be negative: {0}")
        case .problemDuplicateCode: return ("信用代码 {0} 重复", "credit code {0} appears twice")
        case .errorIO: return ("{0}：{1}", "{0}: {1}")
        case .errorDamaged: return ("{0} 已损坏：{1}（文件未改动）", "{0} is damaged: {1} (the file was not changed)")
        case .errorDamagedAt: return ("{0} 第 {1} 行第 {2} 列已损坏：{3}（文件未改动）", "{0} is damaged at line {1}, column {2}: {3} (the file was not changed)")
        case .errorDamagedField: return ("{0} 字段 {1} 有误：{2}（文件未改动）", "{0}: field {1}: {2} (the file was not changed)")
        case .errorVersion: return ("{0} 的格式版本是 {1}，本程序只能读取版本 {2}（文件未改动）", "{0} has schema version {1}; this program reads version {2} (the file was not changed)")
        case .errorInvalidRecord: return ("{0} 第 {1} 条记录（{2}）字段 {3}：{4}", "{0}: record {1} ({2}), field {3}: {4}")
        case .errorDuplicate: return ("{0} 第 {1} 条记录：信用代码 {2} 重复", "{0}: record {1}: credit code {2} appears twice")
        case .damageInvalidJSON: return ("不是有效的 JSON", "not valid JSON")
        case .damageNotAnObject: return ("应为 JSON 对象", "expected a JSON object")
        case .damageMissingVersion: return ("缺少格式版本 schemaVersion", "schemaVersion is missing")
        case .damageMissingField: return ("缺少此字段", "missing")
        case .damageWrongType: return ("类型不对，应为 {0}", "wrong type, expected {0}")
        case .damageInvalidValue: return ("值“{0}”不是允许的取值", "\"{0}\" is not an allowed value")
        case .damageWrongEnterprise: return ("企业信用代码 {0} 与文件名或所属企业不符", "credit code {0} does not match the file's enterprise")
        case .errorNotADirectory: return ("{0} 不是目录", "{0} is not a directory")
        case .warningsOnLoad: return ("载入时有 {0} 条警告", "{0} warnings on load")
        case .initializedDemo: return ("已用演示台账初始化 {0}", "Initialised {0} with the demo ledger")
        case .dataDirectory: return ("数据目录", "data")
        case .readingLine: return ("第 {0}/{1} 行", "line {0}/{1}")
        case .noneValue: return ("—", "-")
        case .refusalBeforeDiscovery: return ("验收日期 {0} 早于发现日期 {1}", "the verification date {0} is before the discovery {1}")
        case .refusalFutureDate: return ("日期 {0} 晚于今天", "the date {0} is after today")
        case .deadlineByExtension: return ("整改期限只能用 t 延期（须写原因）", "the deadline changes only by t, extend (with a reason)")
        case .linkedHazards: return ("登记隐患", "Hazards found")
        case .nothingChanged: return ("没有修改", "Nothing changed")
        case .readOnlyNotWritable: return ("只读：数据目录 {0} 不可写入", "Read-only: the data directory {0} cannot be written")
        case .operatorNeeded: return ("每一处修改都要由操作员签名：请先填写操作员", "Every change is signed: who is the operator?")
        case .problemDeadlineBeforeDiscovery: return ("整改期限 {0} 早于发现日期 {1}", "the deadline {0} is before the discovery date {1}")
        case .problemRequiredForMajor: return ("重大隐患必填（五落实）", "required for a major hazard")
        case .refusalNotAllowed: return ("“{0}”状态下不能{1}", "cannot {1} while {0}")
        case .refusalVerifier: return ("验收须填写验收人姓名", "a verification needs the verifier's name")
        case .refusalReason: return ("须填写原因", "a reason is required")
        case .refusalDeadline: return ("新期限 {1} 须晚于原期限 {0}", "the new deadline {1} must be after {0}")
        case .levelGeneral: return ("一般隐患", "general")
        case .levelMajor: return ("重大隐患!", "major!")
        case .statusRegistered: return ("已登记", "registered")
        case .statusRectifying: return ("整改中", "rectifying")
        case .statusRectified: return ("已整改待验收", "awaiting verification")
        case .statusClosed: return ("已验收销号", "closed")
        case .hcatEquipment: return ("设备设施", "equipment")
        case .hcatElectrical: return ("电气", "electrical")
        case .hcatFire: return ("消防", "fire")
        case .hcatHazardousMaterials: return ("危险化学品", "hazardous materials")
        case .hcatWorkEnvironment: return ("作业环境", "work environment")
        case .hcatManagement: return ("安全管理", "safety management")
        case .hcatBehaviour: return ("人员行为", "behaviour")
        case .hcatOther: return ("其他", "other")
        case .actStarted: return ("开始整改", "start rectification")
        case .actReported: return ("整改完成待验收", "report rectified")
        case .actPassed: return ("验收通过并销号", "verify and close")
        case .actFailed: return ("验收不通过", "fail the verification")
        case .actReopened: return ("重新打开", "reopen")
        case .actExtended: return ("延长整改期限", "extend the deadline")
        case .fieldNumber: return ("隐患编号", "Number")
        case .fieldDiscoveredOn: return ("发现日期", "Found on")
        case .fieldFoundBy: return ("发现人", "Found by")
        case .fieldLocation: return ("隐患部位", "Location")
        case .fieldDescription: return ("隐患描述", "Description")
        case .fieldHazardCategory: return ("隐患类别", "Category")
        case .fieldLevel: return ("隐患等级", "Level")
        case .fieldResponsible: return ("整改责任人", "Responsible")
        case .fieldMeasures: return ("整改措施", "Measures")
        case .fieldFunds: return ("整改资金", "Funds")
        case .fieldDeadline: return ("整改期限", "Deadline")
        case .fieldContingency: return ("应急预案", "Contingency plan")
        case .fieldStatus: return ("状态", "Status")
        case .fieldVerifier: return ("验收人", "Verifier")
        case .fieldVerifyDate: return ("验收日期", "Verified on")
        case .fieldRemark: return ("验收意见", "Remark")
        case .fieldReason: return ("原因", "Reason")
        case .fieldNewDeadline: return ("新期限", "New deadline")
        case .fieldSupervision: return ("来源监管记录", "From supervision")
        case .fieldClosedOn: return ("销号日期", "Closed on")
        case .fieldVerifications: return ("验收记录", "Verifications")
        case .verificationPassed: return ("通过", "passed")
        case .verificationFailed: return ("不通过", "failed")
        case .newHazardTitle: return ("登记隐患", "New hazard")
        case .editHazardTitle: return ("编辑隐患", "Edit hazard")
        case .hazardTitle: return ("隐患详情", "Hazard")
        case .hazardFilterTitle: return ("隐患台账筛选条件（Ctrl-S 应用）", "Hazard ledger filters (Ctrl-S applies)")
        case .hazardSection: return ("隐患（{0} 条：未销号 {1}，逾期 {2}，重大 {3}）", "Hazards ({0}: open {1}, overdue {2}, major {3})")
        case .noHazards: return ("暂无隐患，按 h 登记", "No hazards: h registers one")
        case .colNumber: return ("隐患编号", "Number")
        case .colLevel: return ("等级", "Level")
        case .colStatus: return ("状态", "Status")
        case .colFound: return ("发现日期", "Found")
        case .colDeadline: return ("整改期限", "Deadline")
        case .colOverdue: return ("逾期", "Overdue")
        case .colResponsible: return ("责任人", "Responsible")
        case .colDescription: return ("隐患描述", "Description")
        case .hazardCounts: return ("显示 {0} 条  未销号 {1}  逾期 {2}  重大 {3}  整改率 {4}", "shown {0}  open {1}  overdue {2}  major {3}  rectified {4}")
        case .overdueDays: return ("逾{0}天!", "{0}d late!")
        case .filterAll: return ("全部", "all")
        case .filterOpen: return ("未销号", "open")
        case .filterOverdueOnly: return ("仅逾期", "overdue only")
        case .filterNotOverdue: return ("未逾期", "not overdue")
        case .fieldEnterpriseFilter: return ("企业", "Enterprise")
        case .fieldInspectorFilter: return ("发现人", "Found by")
        case .activeFilters: return ("筛选：{0}", "filters: {0}")
        case .actionFilters: return ("筛选条件（状态、等级、逾期、区市、企业、发现人）", "filters (status, level, overdue, district, enterprise, found by)")
        case .actionClearAllFilters: return ("清除全部筛选", "clear every filter")
        case .helpHazardList: return ("隐患台账", "Hazard ledger")
        case .helpHazard: return ("隐患详情", "Hazard")
        case .hazardSaved: return ("已保存隐患 {0}", "Saved hazard {0}")
        case .stepDone: return ("{0}：{1}", "{0}: {1}")
        case .hazardListHint: return ("/ 筛选  f 条件  Enter 查看  ? 帮助", "/ filter  f filters  Enter open  ? help")
        case .noHazardMatches: return ("没有符合条件的隐患", "No hazard matches")
        case .openHazard: return ("查看选中的隐患", "open the selected hazard")
        case .filterHint: return ("Enter 确定  Esc 清除", "Enter keep  Esc clear")
        case .supervisionListHint: return ("/ 筛选  Enter 查看  ? 帮助  q 退出", "/ filter  Enter open  ? help  q quit")
        case .errorNotATerminal: return ("标准输入和输出必须是终端", "stdin and stdout must be a terminal")
        case .errorNotEmpty: return ("{0} 不是空目录，也不是安监台账数据目录（没有 {1}），未写入任何文件", "{0} is neither empty nor an Anjian data directory (no {1}); nothing was written")
        case .formHintAddRow: return ("Ctrl-N 加检查人员", "Ctrl-N +inspector")
        case .fieldDate: return ("日期", "Date")
        case .fieldTime: return ("时间", "Time")
        case .fieldKind: return ("检查类型", "Kind")
        case .fieldInspector: return ("检查人员{0}", "Inspector {0}")
        case .fieldCertificate: return ("执法证号", "Certificate")
        case .fieldAccompanying: return ("陪同人员", "Accompanied by")
        case .fieldPosition: return ("职务", "Position")
        case .fieldPhone: return ("联系电话", "Phone")
        case .fieldItemsChecked: return ("检查事项", "Items checked")
        case .fieldFindings: return ("发现问题", "Findings")
        case .fieldConclusion: return ("检查结论", "Conclusion")
        case .fieldInspectors: return ("检查人员", "Inspectors")
        case .newSupervisionTitle: return ("新建监管记录", "New supervision entry")
        case .editSupervisionTitle: return ("编辑监管记录", "Edit supervision entry")
        case .kindRoutine: return ("日常检查", "routine")
        case .kindSpecialCampaign: return ("专项检查", "special campaign")
        case .kindDoubleRandom: return ("双随机抽查", "double-random check")
        case .kindComplaint: return ("投诉举报核查", "complaint follow-up")
        case .kindRecheck: return ("复查", "re-check")
        case .conclusionNoProblem: return ("未发现问题", "no problem found")
        case .conclusionRectification: return ("责令整改", "rectification ordered")
        case .conclusionCaseFiled: return ("立案查处", "case filed")
        case .formHint: return ("Tab 下一项  Ctrl-S 保存  Esc 取消", "Tab next  Ctrl-S save  Esc cancel")
        case .confirmDiscard: return ("放弃未保存的修改？按 y 放弃，按其他键继续编辑", "Discard your changes? y discards, any other key keeps editing")
        case .formHasErrors: return ("有 {0} 处需要修改，见各栏旁的说明", "{0} problems to fix: see beside the fields")
        case .saved: return ("已保存：{0}", "Saved: {0}")
        case .saveFailed: return ("保存失败，未丢失任何内容：{0}", "Not saved, nothing lost: {0}")
        case .readOnlyBanner: return ("只读：{0} 正在使用此数据目录（进程 {1}，自 {2} 起）", "Read-only: {0} is using this data directory (process {1}, since {2})")
        case .readOnlyUnknown: return ("只读：另一个安监台账程序正在使用此数据目录", "Read-only: another copy of Anjian is using this data directory")
        case .readOnlyTag: return ("只读", "read-only")
        case .operatorLabel: return ("操作员 {0}", "operator {0}")
        case .noOperator: return ("未设置操作员", "no operator")
        case .operatorFormTitle: return ("请填写操作员（本机使用人）信息，只需一次", "Who is using Anjian? Asked once, then remembered")
        case .fieldOperatorName: return ("姓名", "Name")
        case .supervisionSection: return ("监管记录（{0} 条）", "Supervision entries ({0})")
        case .noSupervisions: return ("暂无监管记录，按 s 新建", "No supervision entries yet: s adds one")
        case .supervisionTitle: return ("监管记录", "Supervision entry")
        case .historyTitle: return ("修改记录", "History")
        case .historyCreated: return ("{0}  {1} 创建", "{0}  created by {1}")
        case .historyEdited: return ("{0}  {1} 修改", "{0}  edited by {1}")
        case .colDate: return ("日期", "Date")
        case .colEnterprise: return ("企业", "Enterprise")
        case .colKind: return ("类型", "Kind")
        case .colInspectors: return ("检查人员", "Inspectors")
        case .colConclusion: return ("结论", "Conclusion")
        case .colAccompanying: return ("陪同人员", "Accompanied by")
        case .colFindings: return ("发现问题", "Findings")
        case .noSupervisionMatches: return ("没有匹配“{0}”的监管记录", "No supervision entry matches \"{0}\"")
        case .noSupervisionEntries: return ("还没有监管记录", "No supervision entries yet")
        case .supervisionsCount: return ("{0}/{1} 条", "{0} of {1}")
        case .actionEdit: return ("编辑", "edit")
        case .actionAddInspector: return ("增加一名检查人员", "add an inspector")
        case .actionSave: return ("校验并保存", "check and save")
        case .actionCancel: return ("取消（有修改时先确认）", "cancel (asks first if changed)")
        case .actionNextField: return ("下一项", "next field")
        case .actionPreviousField: return ("上一项", "previous field")
        case .actionChoice: return ("切换选项", "change the choice")
        case .actionPick: return ("从名录库选人（姓名、拼音首字母或全拼）", "pick from the roster (name, pinyin initials or full)")
        case .actionNewLine: return ("多行栏内换行，其他栏到下一项", "new line in a multi-line field, else next field")
        case .actionOpenEntry: return ("查看选中的监管记录", "open the selected supervision entry")
        case .helpForm: return ("表单", "Form")
        case .helpSupervisionList: return ("监管记录列表", "Supervision list")
        case .helpSupervision: return ("监管记录", "Supervision entry")
        case .problemInvalidTime: return ("“{0}”不是有效时间（HH:MM）", "\"{0}\" is not a valid time (HH:MM)")
        case .problemTooFewInspectors: return ("至少需要两名检查人员（现有 {0} 名）", "at least two inspectors are needed (now {0})")
        case .problemSameInspectorTwice: return ("同一名检查人员出现两次：{0}", "the same inspector twice: {0}")
        case .supervisionHint: return ("e 编辑  Esc 返回", "e edit  Esc back")
        case .detailHint: return ("s 监管记录  h 登记隐患  Enter 查看  Esc 返回", "s entry  h hazard  Enter open  Esc back")
        }
    }
}

/// The strings of one language: `strings[.appTitle]`, `strings[.shownOfTotal, 5, 60]`.
public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public subscript(_ text: Text, _ arguments: Any...) -> String {
        let entry = text.table
        let template = language == .zh ? entry.zh : entry.en
        // One pass, so an argument that itself contains "{1}" is left alone.
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), arguments.indices.contains(n) {
                result += "\(arguments[n])"
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    public func riskShort(_ grade: RiskGrade) -> String {
        switch grade {
        case .major: return self[.riskMajor]
        case .high: return self[.riskHigh]
        case .moderate: return self[.riskModerate]
        case .low: return self[.riskLow]
        }
    }

    public func riskLong(_ grade: RiskGrade) -> String {
        switch grade {
        case .major: return self[.riskMajorLong]
        case .high: return self[.riskHighLong]
        case .moderate: return self[.riskModerateLong]
        case .low: return self[.riskLowLong]
        }
    }

    public func integrity(_ status: IntegrityStatus) -> String {
        switch status {
        case .none: return self[.integrityNone]
        case .red: return self[.integrityRed]
        case .black: return self[.integrityBlack]
        }
    }

    public func category(_ category: SupervisionCategory) -> String {
        switch category {
        case .hazardousChemicals: return self[.categoryHazardousChemicals]
        case .specialEquipment: return self[.categorySpecialEquipment]
        case .mining: return self[.categoryMining]
        case .food: return self[.categoryFood]
        case .machinery: return self[.categoryMachinery]
        case .shipbuilding: return self[.categoryShipbuilding]
        case .port: return self[.categoryPort]
        case .other: return self[.categoryOther]
        }
    }

    public func kind(_ kind: SupervisionKind) -> String {
        switch kind {
        case .routine: return self[.kindRoutine]
        case .specialCampaign: return self[.kindSpecialCampaign]
        case .doubleRandom: return self[.kindDoubleRandom]
        case .complaint: return self[.kindComplaint]
        case .recheck: return self[.kindRecheck]
        }
    }

    public func conclusion(_ conclusion: SupervisionConclusion) -> String {
        switch conclusion {
        case .noProblem: return self[.conclusionNoProblem]
        case .rectificationOrdered: return self[.conclusionRectification]
        case .caseFiled: return self[.conclusionCaseFiled]
        }
    }

    /// Kind and conclusion in every language, for filtering supervision entries.
    public static let searchLabels: @Sendable (SupervisionEntry) -> [String] = { entry in
        Language.allCases.flatMap { language in
            let s = Strings(language)
            return [s.kind(entry.kind), s.conclusion(entry.conclusion)]
        }
    }

    /// A record's field path as the user knows it: `inspectors[1].name` → 检查人员2 姓名.
    public func fieldLabel(_ path: String) -> String {
        if path.hasPrefix("inspectors["), let close = path.firstIndex(of: "]"),
           let n = Int(path[path.index(path.startIndex, offsetBy: 11)..<close]) {
            let rest = path[path.index(after: close)...]
            return self[.fieldInspector, n + 1] + " " + (rest == ".certificateNumber" ? self[.fieldCertificate] : self[.fieldOperatorName])
        }
        switch path {
        case "date": return self[.fieldDate]
        case "time": return self[.fieldTime]
        case "kind": return self[.fieldKind]
        case "inspectors": return self[.fieldInspectors]
        case "accompanying.name": return self[.fieldAccompanying]
        case "accompanying.position": return self[.fieldPosition]
        case "accompanying.phone": return self[.fieldPhone]
        case "itemsChecked": return self[.fieldItemsChecked]
        case "findings": return self[.fieldFindings]
        case "conclusion": return self[.fieldConclusion]
        default: return path
        }
    }

    public func level(_ level: HazardLevel) -> String { self[level == .major ? .levelMajor : .levelGeneral] }

    public func status(_ status: HazardStatus) -> String {
        switch status {
        case .registered: return self[.statusRegistered]
        case .rectifying: return self[.statusRectifying]
        case .rectified: return self[.statusRectified]
        case .closed: return self[.statusClosed]
        }
    }

    public func hazardCategory(_ category: HazardCategory) -> String {
        switch category {
        case .equipment: return self[.hcatEquipment]
        case .electrical: return self[.hcatElectrical]
        case .fire: return self[.hcatFire]
        case .hazardousMaterials: return self[.hcatHazardousMaterials]
        case .workEnvironment: return self[.hcatWorkEnvironment]
        case .management: return self[.hcatManagement]
        case .behaviour: return self[.hcatBehaviour]
        case .other: return self[.hcatOther]
        }
    }

    /// A lifecycle step's name (also used for history lines).
    public func step(_ action: HistoryEntry.Action) -> String {
        switch action {
        case .created, .edited: return ""
        case .rectificationStarted: return self[.actStarted]
        case .reportedRectified: return self[.actReported]
        case .verifiedPassed: return self[.actPassed]
        case .verificationFailed: return self[.actFailed]
        case .reopened: return self[.actReopened]
        case .deadlineExtended: return self[.actExtended]
        }
    }

    public func refusal(_ refusal: HazardRefusal) -> String {
        switch refusal {
        case .notAllowed(let from, let action): return self[.refusalNotAllowed, status(from), step(action)]
        case .verifierRequired: return self[.refusalVerifier]
        case .invalidDate(let date): return self[.problemInvalidDate, date]
        case .reasonRequired: return self[.refusalReason]
        case .deadlineNotLater(let old, let new): return self[.refusalDeadline, old, new]
        case .dateBeforeDiscovery(let date, let discovered): return self[.refusalBeforeDiscovery, date, discovered]
        }
    }

    public func district(_ name: String) -> String {
        guard language == .en, let district = District.named(name) else { return name }
        return district.englishName
    }

    public func problem(_ problem: ValidationIssue.Problem) -> String {
        switch problem {
        case .required: return self[.problemRequired]
        case .creditCode(.empty): return self[.problemEmptyCode]
        case .creditCode(.wrongLength(let n)): return self[.problemWrongLength, n]
        case .creditCode(.forbiddenCharacter(let c, let position)): return self[.problemForbiddenCharacter, c, position]
        case .creditCode(.checkCharacterMismatch(let expected, let found)): return self[.problemCheckCharacter, expected, found]
        case .organizationCode(.organizationCodeCheckMismatch(let expected, let found)):
            return self[.problemOrganizationCode, expected, found]
        case .unknownDistrict(let name): return self[.problemUnknownDistrict, name]
        case .areaMismatch(let area, let district): return self[.problemAreaMismatch, area, district]
        case .invalidPhone(let phone): return self[.problemInvalidPhone, phone]
        case .invalidDate(let date): return self[.problemInvalidDate, date]
        case .negativeCount(let n): return self[.problemNegativeCount, n]
        case .duplicateCreditCode(let code): return self[.problemDuplicateCode, code]
        case .invalidTime(let time): return self[.problemInvalidTime, time]
        case .tooFewInspectors(let n): return self[.problemTooFewInspectors, n]
        case .sameInspectorTwice(let name): return self[.problemSameInspectorTwice, name]
        case .deadlineBeforeDiscovery(let deadline, let found): return self[.problemDeadlineBeforeDiscovery, deadline, found]
        case .requiredForMajorHazard: return self[.problemRequiredForMajor]
        }
    }

    public func damage(_ damage: Damage) -> String {
        switch damage {
        case .invalidJSON: return self[.damageInvalidJSON]
        case .notAnObject: return self[.damageNotAnObject]
        case .missingVersion: return self[.damageMissingVersion]
        case .missingField: return self[.damageMissingField]
        case .wrongType(let type): return self[.damageWrongType, type]
        case .invalidValue(let value): return self[.damageInvalidValue, value]
        case .wrongEnterprise(let code): return self[.damageWrongEnterprise, code]
        case .other(let text): return text
        }
    }

    /// One line for stderr naming the file and, where known, line, record and field.
    public func storeError(_ error: StoreError) -> String {
        switch error {
        case .io(let path, let reason): return self[.errorIO, path, reason]
        case .damaged(let path, let line?, let column?, _, let reason): return self[.errorDamagedAt, path, line, column, damage(reason)]
        case .damaged(let path, _, _, let field?, let reason): return self[.errorDamagedField, path, field, damage(reason)]
        case .damaged(let path, _, _, nil, let reason): return self[.errorDamaged, path, damage(reason)]
        case .notADirectory(let path): return self[.errorNotADirectory, path]
        case .unsupportedVersion(let path, let found, let supported): return self[.errorVersion, path, found, supported]
        case .invalidRecord(let path, let record, let name, let issue):
            return self[.errorInvalidRecord, path, record + 1, name, issue.field, problem(issue.problem)]
        case .duplicateKey(let path, let record, let key): return self[.errorDuplicate, path, record + 1, key]
        case .notADataDirectory(let path, let missing): return self[.errorNotEmpty, path, missing]
        }
    }
}
