import AnjianModel

/// `anjian import`'s messages: each problem one line naming the file, its physical line and the column.
extension Strings {
    public enum ImportOutcome: Sendable { case added, updated, unchanged }

    public func importFileMissing(_ path: String) -> String {
        pick(zh: "找不到要导入的文件 \(path)", en: "The file to import, \(path), does not exist")
    }

    public func importFileUnreadable(_ path: String) -> String {
        pick(zh: "无法读取要导入的文件 \(path)", en: "Cannot read the file to import, \(path)")
    }

    public func importUnterminatedQuote(_ path: String, line: Int) -> String {
        pick(zh: "\(path)：第 \(line) 行的引号字段直到文件末尾都没有结束引号，未导入任何内容",
             en: "\(path): the quoted field on line \(line) has no closing quote before the end of the file; nothing was imported")
    }

    public func importStrayQuote(_ path: String, line: Int) -> String {
        pick(zh: "\(path)：第 \(line) 行有引号字段在结束引号后还有其他字符（字段中的引号应写作两个引号），未导入任何内容",
             en: "\(path): line \(line) has text after a quoted field's closing quote (a quote inside a field is written twice); nothing was imported")
    }

    public func importUndecodable(_ path: String, offset: Int) -> String {
        pick(zh: "\(path)：既不是 UTF-8 也不是 GB18030/GBK 编码（第 \(offset) 字节处）；请另存为 CSV UTF-8",
             en: "\(path): neither UTF-8 nor GB18030/GBK (at byte \(offset)); save it as CSV UTF-8")
    }

    public func importNoHeader(_ path: String) -> String {
        pick(zh: "\(path)：文件为空，没有表头行", en: "\(path): the file is empty, there is no header row")
    }

    public func importMissingKeyColumn(_ path: String, line: Int, synonyms: [String]) -> String {
        pick(zh: "\(path)：第 \(line) 行：表头中没有“\(synonyms[0])”列（可写作 \(synonyms.joined(separator: "、"))），未导入任何内容",
             en: "\(path): line \(line): the header has no \(synonyms[1]) column (any of \(synonyms.joined(separator: ", "))); nothing was imported")
    }

    public func importNoLedger(_ path: String) -> String {
        pick(zh: "\(path) 中还没有台账：请先运行 anjian init", en: "\(path) holds no ledger yet: run anjian init first")
    }

    public func importNeedsOperator(_ unconfirmed: String?) -> String {
        if let unconfirmed {
            return pick(zh: "操作人“\(unconfirmed)”不在名录库中或不唯一：请用 --operator 姓名:执法证号 注明",
                        en: "The operator \"\(unconfirmed)\" is not exactly one inspector of the roster: give --operator NAME:CERTIFICATE")
        }
        return pick(zh: "导入需要署名：请用 --operator 姓名:执法证号（或设置 ANJIAN_OPERATOR）",
                    en: "An import is signed: give --operator NAME:CERTIFICATE (or set ANJIAN_OPERATOR)")
    }

    /// The note of the history entry an import writes.
    public func importHistoryNote(_ fileName: String) -> String {
        pick(zh: "导入 \(fileName)", en: "imported from \(fileName)")
    }

    public func importUnknownColumns(_ path: String, line: Int, _ names: [String]) -> String {
        pick(zh: "\(path)：第 \(line) 行：未识别的列已忽略：\(names.joined(separator: "、"))",
             en: "\(path): line \(line): columns not recognised, ignored: \(names.joined(separator: ", "))")
    }

    /// `FILE: line N: field: reason`.
    public func importFindingLine(_ path: String, line: Int, field: String, reason: String) -> String {
        pick(zh: "\(path)：第 \(line) 行：\(field)：\(reason)", en: "\(path): line \(line): \(field): \(reason)")
    }

    public func importDuplicate(_ key: String, firstLine: Int) -> String {
        pick(zh: "\(key) 与第 \(firstLine) 行重复", en: "\(key) repeats line \(firstLine)")
    }

    public func importNameHeld(byCode code: String) -> String {
        pick(zh: "台账或文件中该名称已属于信用代码 \(code) 的企业", en: "this name already belongs to the enterprise with credit code \(code)")
    }

    public func importInspectorNamesake(_ certificate: String) -> String {
        pick(zh: "名录库中已有同名人员（执法证号 \(certificate)）", en: "the roster already has someone of this name (certificate \(certificate))")
    }

    public func importUnknownIndustry(_ industry: String) -> String {
        pick(zh: "“\(industry)”不在行业对照表中，监管类别记为“其他”",
             en: "\"\(industry)\" is not in the industry table; the supervision category is recorded as 其他 (other)")
    }

    public func importUnknownRiskGrade(_ text: String) -> String {
        pick(zh: "“\(text)”不是风险等级（重大、较大、一般、低）", en: "\"\(text)\" is not a risk grade (major, high, moderate, low)")
    }

    public var importRiskGradeMissing: String {
        pick(zh: "未给出风险等级，新企业记为“低”", en: "no risk grade given; the new enterprise is recorded as low")
    }

    public func importExtraValues(_ count: Int) -> String {
        pick(zh: "表头之外还有 \(count) 个值，已忽略", en: "\(count) values beyond the header's columns, ignored")
    }

    public var importSupervisorPhonesWithoutName: String {
        pick(zh: "监管责任人电话多于监管责任人", en: "more supervisor phones than supervisors")
    }

    public func importListed(_ outcome: ImportOutcome, key: String, name: String) -> String {
        switch outcome {
        case .added: pick(zh: "新增 \(key) \(name)", en: "added \(key) \(name)")
        case .updated: pick(zh: "更新 \(key) \(name)", en: "updated \(key) \(name)")
        case .unchanged: pick(zh: "未变 \(key) \(name)", en: "unchanged \(key) \(name)")
        }
    }

    public func importSummary(rows: Int, added: Int, updated: Int, unchanged: Int, invalid: Int, dryRun: Bool, refused: Bool) -> String {
        if refused {
            return pick(zh: "\(rows) 行中 \(invalid) 行有错误：未导入任何内容", en: "\(invalid) of \(rows) rows invalid: nothing imported")
        }
        let counts = pick(zh: "新增 \(added)，更新 \(updated)，未变 \(unchanged)，跳过 \(invalid)",
                          en: "\(added) added, \(updated) updated, \(unchanged) unchanged, \(invalid) skipped")
        return dryRun ? pick(zh: "试运行（未写入）：\(counts)", en: "Dry run (nothing written): \(counts)") : counts
    }

    public func importRefused(_ path: String, invalid: Int, lines: [Int]) -> String {
        let list = lines.prefix(10).map(String.init).joined(separator: ", ") + (lines.count > 10 ? "…" : "")
        return pick(zh: "\(path)：\(invalid) 行有错误（第 \(list) 行），未导入任何内容；--skip-invalid 可只导入有效行",
                    en: "\(path): \(invalid) invalid rows (lines \(list)); nothing was imported; --skip-invalid imports the valid rows")
    }

    public func importSaved(_ path: String, signer: String) -> String {
        pick(zh: "已保存到 \(path)（操作人 \(signer)）", en: "Saved in \(path) (operator \(signer))")
    }
}
