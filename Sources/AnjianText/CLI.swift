// The command line's own messages (`anjian init`, `validate`, …): one line each, naming the file.
extension Strings {
    /// A command that reads the ledger, given a directory that is not there.
    public func noDataDirectory(_ path: String) -> String {
        pick(zh: "数据目录 \(path) 不存在", en: "The data directory \(path) does not exist")
    }

    public func initNotEmpty(_ path: String) -> String {
        pick(zh: "不能初始化 \(path)：目录中已有文件（已有台账或其他文件），未做任何改动",
             en: "Cannot initialise \(path): the directory already holds files (a ledger or others); nothing was changed")
    }

    public func initNotADirectory(_ path: String) -> String {
        pick(zh: "不能初始化 \(path)：它不是目录", en: "Cannot initialise \(path): it is not a directory")
    }

    public func initFailed(_ path: String, _ reason: String) -> String {
        pick(zh: "不能初始化 \(path)：\(reason)", en: "Cannot initialise \(path): \(reason)")
    }

    public func initDone(_ path: String, demo: Bool) -> String {
        demo ? pick(zh: "已用演示台账初始化 \(path)", en: "Initialised \(path) with the demo ledger")
            : pick(zh: "已初始化空台账 \(path)", en: "Initialised an empty ledger in \(path)")
    }

    /// `anjian validate` when nothing is wrong.
    public func validateClean(_ path: String, enterprises: Int, entries: Int, hazards: Int) -> String {
        pick(zh: "\(path)：未发现问题（\(enterprises) 家企业，\(entries) 条监管记录，\(hazards) 条隐患）",
             en: "\(path): no problems (\(enterprises) enterprises, \(entries) supervision entries, \(hazards) hazards)")
    }

    public func validateSummary(errors: Int, warnings: Int) -> String {
        pick(zh: "发现 \(errors) 个错误、\(warnings) 个警告", en: "\(errors) errors, \(warnings) warnings")
    }

    public func warningLine(_ text: String) -> String {
        pick(zh: "警告：\(text)", en: "warning: \(text)")
    }

    public func errorLine(_ text: String) -> String {
        pick(zh: "错误：\(text)", en: "error: \(text)")
    }

    /// A visit lists a hazard that is in no file, or a hazard names a visit that is not there.
    public func brokenVisitLink(_ path: String, visit: String, hazard: String) -> String {
        pick(zh: "\(path)：监管记录 \(visit) 列出的隐患 \(hazard) 不存在",
             en: "\(path): supervision entry \(visit) lists hazard \(hazard), which is in no file")
    }

    public func brokenHazardLink(_ path: String, hazard: String, visit: String) -> String {
        pick(zh: "\(path)：隐患 \(hazard) 所属的监管记录 \(visit) 不存在",
             en: "\(path): hazard \(hazard) names supervision entry \(visit), which is not there")
    }
}

// `anjian print`
extension Strings {
    public func printNoVisit(_ id: String) -> String {
        pick(zh: "没有编号为 \(id) 的监管记录", en: "No supervision entry has the id \(id)")
    }

    public func printNoHazard(_ id: String) -> String {
        pick(zh: "没有标识或编号为 \(id) 的隐患", en: "No hazard has the id or number \(id)")
    }

    public func printDone(_ title: String, _ number: String, _ path: String, reissued: Bool) -> String {
        reissued ? pick(zh: "\(title) \(number)（已开具，编号不变）已写入 \(path)", en: "\(title) \(number) (issued before: same number) written to \(path)")
            : pick(zh: "已开具\(title) \(number)，写入 \(path)", en: "Issued \(title) \(number), written to \(path)")
    }

    public func duplicateDocument(_ number: String, path: String, record: String, first: String) -> String {
        pick(zh: "\(path)：\(record) 的文书编号 \(number) 已用于 \(first)：同一编号开具了两次",
             en: "\(path): \(record)'s document number \(number) was already given to \(first): one number issued twice")
    }

    public func printWouldReplace(_ path: String) -> String {
        pick(zh: "\(path) 已存在：PDF 旁的 HTML 会覆盖它，请另选文件名", en: "\(path) exists: the HTML beside the PDF would replace it; choose another name")
    }

    public func pdfWritten(_ path: String) -> String {
        pick(zh: "PDF 已写入 \(path)", en: "PDF written to \(path)")
    }

    /// No browser engine to make the PDF: how to get one, and where the HTML is meanwhile.
    public func pdfNoBrowser(html: String) -> String {
        pick(zh: "未生成 PDF：未找到 Chromium 浏览器（安装：apt-get install chromium fonts-noto-cjk）。HTML 已写入 \(html)，可用浏览器打开打印",
             en: "No PDF: no Chromium browser found (install it: apt-get install chromium fonts-noto-cjk). The HTML is at \(html); a browser prints it")
    }

    public func pdfFailed(_ browser: String, status: Int32, detail: String, html: String) -> String {
        let said = detail.isEmpty ? "" : pick(zh: "：\(detail)", en: ": \(detail)")
        return pick(zh: "未生成 PDF：\(browser) 退出码 \(status)\(said)。HTML 已写入 \(html)",
                    en: "No PDF: \(browser) exited with status \(status)\(said). The HTML is at \(html)")
    }

    public func pdfTimedOut(_ browser: String, seconds: Int, html: String) -> String {
        pick(zh: "未生成 PDF：\(browser) \(seconds) 秒内未完成，已停止。HTML 已写入 \(html)",
             en: "No PDF: \(browser) did not finish in \(seconds) s and was stopped. The HTML is at \(html)")
    }

    public func printDamagedLedger(_ count: Int, _ first: String) -> String {
        pick(zh: "有 \(count) 个记录文件已损坏，其中已开具的文书无从计入，不能编号：\(first)",
             en: "\(count) record files are damaged, so the documents issued in them cannot be counted and no number is given: \(first)")
    }
}

