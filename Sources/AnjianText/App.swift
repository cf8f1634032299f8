// The frame of every screen: title, tabs, status line, the operator, read-only, history
// headings, and what the command line says before the terminal opens.
extension Text {
    public static let appTitle = Text(zh: "安监台账", en: "Anjian")
    public static let viewEnterprises = Text(zh: "直管企业", en: "Enterprises")
    public static let viewHazards = Text(zh: "隐患台账", en: "Hazards")
    public static let viewSupervisions = Text(zh: "监管记录", en: "Supervision")
    public static let demoData = Text(zh: "演示数据", en: "demo data")
    public static let filterPrompt = Text(zh: "筛选：", en: "Filter: ")
    public static let ascending = Text(zh: "升序", en: "asc")
    public static let descending = Text(zh: "降序", en: "desc")
    public static let readOnlyUnknown = Text(
        zh: "只读：另一个安监台账程序正在使用此数据目录",
        en: "Read-only: another copy of Anjian is using this data directory")
    public static let readOnlyTag = Text(zh: "只读", en: "read-only")
    public static let noOperator = Text(zh: "未设置操作员", en: "no operator")
    public static let operatorNeeded = Text(
        zh: "每一处修改都要由操作员签名：请先填写操作员", en: "Every change is signed: who is the operator?")
    public static let operatorFormTitle = Text(
        zh: "请填写操作员（本机使用人）信息，只需一次", en: "Who is using Anjian? Asked once, then remembered")
    public static let fieldOperatorName = Text(zh: "姓名", en: "Name")
    public static let errorNotATerminal = Text(zh: "标准输入和输出必须是终端", en: "stdin and stdout must be a terminal")
    public static let dataDirectory = Text(zh: "数据目录", en: "data")
    public static let noneValue = Text(zh: "—", en: "-")
    public static let nothingChanged = Text(zh: "没有修改", en: "Nothing changed")
    public static let historyTitle = Text(zh: "修改记录", en: "History")
    public static let pasteIgnored = Text(
        zh: "此处不能粘贴：请粘贴到表单的文本框或列表的筛选中",
        en: "Nothing to paste into here: paste into a form field or a list's filter")
}

extension Strings {
    public func sortedBy(_ column: String, _ order: String) -> String {
        pick(zh: "按\(column)\(order)", en: "by \(column) \(order)")
    }

    public func tooSmall(_ width: Int, _ height: Int, _ minimumWidth: Int, _ minimumHeight: Int) -> String {
        pick(zh: "终端太小：\(width)x\(height)，至少需要 \(minimumWidth)x\(minimumHeight)",
             en: "Terminal too small: \(width)x\(height), need \(minimumWidth)x\(minimumHeight)")
    }

    public func warningsOnLoad(_ count: Int) -> String {
        pick(zh: "载入时有 \(count) 条警告", en: "\(count) warnings on load")
    }

    public func initializedDemo(_ path: String) -> String {
        pick(zh: "已用演示台账初始化 \(path)", en: "Initialised \(path) with the demo ledger")
    }

    public func readingLine(_ line: Int, _ count: Int) -> String {
        pick(zh: "第 \(line)/\(count) 行", en: "line \(line)/\(count)")
    }

    public func readOnlyNotWritable(_ path: String) -> String {
        pick(zh: "只读：数据目录 \(path) 不可写入", en: "Read-only: the data directory \(path) cannot be written")
    }

    public func readOnlyBanner(_ name: String, _ pid: Int32, _ since: String) -> String {
        pick(zh: "只读：\(name) 正在使用此数据目录（进程 \(pid)，自 \(since) 起）",
             en: "Read-only: \(name) is using this data directory (process \(pid), since \(since))")
    }

    public func operatorNeedsCertificate(_ name: String) -> String {
        pick(zh: "“\(name)”不是名录库中唯一的执法人员：请填写完整姓名和执法证号",
             en: "\"\(name)\" is not exactly one inspector of the roster: give the full name and certificate number")
    }

    public func operatorLabel(_ name: String) -> String {
        pick(zh: "操作员 \(name)", en: "operator \(name)")
    }

    public func historyCreated(_ time: String, _ who: String) -> String {
        pick(zh: "\(time)  \(who) 创建", en: "\(time)  created by \(who)")
    }

    public func historyEdited(_ time: String, _ who: String) -> String {
        pick(zh: "\(time)  \(who) 修改", en: "\(time)  edited by \(who)")
    }
}
