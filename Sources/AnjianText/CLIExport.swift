import AnjianModel

// `anjian export`: report titles, the filters in words, the summary and the command's errors.
extension Text {
    public static let exportEnterprisesTitle = Text(zh: "企业名录", en: "Enterprises")
    public static let exportSupervisionsTitle = Text(zh: "监管记录台账", en: "Supervision entries")
    public static let exportHazardsTitle = Text(zh: "隐患台账", en: "Hazards")
    public static let exportNoFilters = Text(zh: "无（全部记录）", en: "none (every record)")
    public static let exportFilterQuery = Text(zh: "搜索", en: "search")
    public static let exportFilterOverdue = Text(zh: "逾期（整改或验收）", en: "overdue (rectification or verification)")
}

extension Strings {
    /// The Markdown report's lines above the table.
    public func exportDate(_ day: String) -> String { pick(zh: "导出日期：\(day)", en: "Exported on: \(day)") }
    public func exportSource(_ path: String) -> String { pick(zh: "数据目录：\(path)", en: "Data directory: \(path)") }
    public func exportFilters(_ text: String) -> String { pick(zh: "筛选条件：\(text)", en: "Filters: \(text)") }
    public func exportDateRange(since: String?, until: String?) -> String {
        switch (since, until) {
        case let (s?, u?): return pick(zh: "\(s) 至 \(u)", en: "\(s) to \(u)")
        case let (s?, nil): return pick(zh: "\(s) 起", en: "from \(s)")
        case let (nil, u?): return pick(zh: "至 \(u)", en: "until \(u)")
        case (nil, nil): return ""
        }
    }
    public func exportRecordCount(_ shown: Int, of total: Int) -> String {
        pick(zh: "共 \(shown) 条（台账中共 \(total) 条）", en: "\(shown) records (of \(total) in the ledger)")
    }
    /// Said in the report when damaged files were left out, so a report is never silently short.
    public func exportMissingFiles(_ count: Int) -> String {
        pick(zh: "注意：\(count) 个文件已损坏，未能读取，其中的记录不在本报告中",
             en: "Note: \(count) damaged file(s) could not be read; their records are not in this report")
    }
    /// One line on stderr per damaged file that the export left out.
    public func exportSkippedFile(_ problem: String) -> String {
        pick(zh: "警告：已跳过 \(problem)", en: "warning: skipped \(problem)")
    }

    public func exportFilterNotApplicable(_ option: String, kind: String) -> String {
        pick(zh: "选项 \(option) 不适用于导出\(kind)", en: "option \(option) does not apply to exporting \(kind)")
    }
    public func exportBadValue(_ option: String, _ value: String, expected: String) -> String {
        pick(zh: "选项 \(option) 的值“\(value)”无效，应为：\(expected)",
             en: "option \(option): “\(value)” is not valid; expected one of: \(expected)")
    }
    public func exportBadDate(_ option: String, _ value: String) -> String {
        pick(zh: "选项 \(option) 的日期“\(value)”无效，应为 YYYY-MM-DD", en: "option \(option): “\(value)” is not a date YYYY-MM-DD")
    }
    public func exportCannotWrite(_ path: String, _ reason: String) -> String {
        pick(zh: "不能写入 \(path)：\(reason)", en: "Cannot write \(path): \(reason)")
    }
    public func exportWritten(_ path: String, records: Int) -> String {
        pick(zh: "已导出 \(records) 条记录到 \(path)", en: "Exported \(records) records to \(path)")
    }
    public func exportKindName(_ kind: String) -> String {
        switch kind {
        case "enterprises": return self[.exportEnterprisesTitle]
        case "supervisions": return self[.exportSupervisionsTitle]
        case "draws": return self[.exportDrawsTitle]
        default: return self[.exportHazardsTitle]
        }
    }

    public func exportInsideDataDirectory(_ path: String, _ directory: String) -> String {
        pick(zh: "不能导出到 \(path)：它在数据目录 \(directory) 中，可能覆盖台账文件；请导出到数据目录之外",
             en: "Cannot export to \(path): it is inside the data directory \(directory) and could replace a ledger file; export outside it")
    }
}
