import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText
import AnjianStore

/// A valid code of 福山区 (370611) and the same with a wrong check character.
private let newCode = "91370611MA3C7XK84E"
private let newCodeWrongCheck = "91370611MA3C7XK84A"

extension AppState {
    var enterpriseForm: EnterpriseForm? { modal as? EnterpriseForm }

    func fieldError(_ id: String) -> String? { modal?.form.fields.first { $0.id == id }?.error }

    /// The runner's outcome of a master-data save, as `Runner` writes it: the list with the
    /// enterprise put where its base was (or added), a re-keying's records moved to the new code.
    mutating func succeedMasterData(_ effects: [Effect]) {
        for case .store(let operation) in effects {
            var written = WrittenRecords()
            var list = ledger.enterprises
            switch operation {
            case .saveEnterprise(let enterprise, let base):
                if let base, let i = list.firstIndex(where: { $0.creditCode == base.creditCode }) { list[i] = enterprise } else { list.append(enterprise) }
            case .rekeyEnterprise(let from, let to):
                let i = list.firstIndex { $0.creditCode == from.creditCode }!
                list[i] = to
                written.supervisions[to.creditCode] = (ledger.supervisions[from.creditCode] ?? []).map { var e = $0; e.enterpriseCode = to.creditCode; return e }
                written.hazards[to.creditCode] = (ledger.hazards[from.creditCode] ?? []).map { var h = $0; h.enterpriseCode = to.creditCode; return h }
                written.rekeyed[from.creditCode] = to.creditCode
            default:
                continue
            }
            written.enterprises = list
            _ = update(.stored(.saved(operation, written: written)))
        }
    }

    /// Sets a choice field to the option with this label, with Right as a user would.
    mutating func choose(_ id: String, _ label: String) {
        focusField(id)
        for _ in 0..<30 {
            guard let form = modal?.form, let i = form.index(of: id), case .choice(let options) = form.fields[i].kind,
                  options[form.fields[i].choice] != label else { return }
            press(.right)
        }
        Issue.record("no option \(label) in \(id)")
    }

    /// Fills the new-enterprise form (`n` in view 1) with a valid enterprise of 福山区, its code as given.
    mutating func fillNewEnterprise(code: String) {
        press(.character("1"), .character("n"))
        fill("creditCode", code)
        fill("name", "烟台测试新材料有限公司")
        fill("shortName", "测试新材")
        choose("district", strings.district("福山区"))
        fill("industry", "化工")
        choose("category", strings.category(.hazardousChemicals))
        choose("riskGrade", strings.riskLong(.high))
        fill("address", "烟台市福山区测试路1号")
        fill("legalRepresentative", "张三")
        fill("safetyResponsible.name", "李四")
        fill("safetyResponsible.phone", "13805351234")
        fill("supervisors[0].name", "王丽娟")
        fill("supervisors[0].phone", "0535-6688123")
    }
}

private let codeWithRecords = demoSupervisions.keys.sorted().first!
private let codeWithoutRecords = demoEnterprises.first { demoSupervisions[$0.creditCode] == nil && demoHazards[$0.creditCode] == nil }!.creditCode

@Suite struct EnterpriseFormTests {
    @Test func aWrongCheckCharacterIsRefusedBesideTheFieldThenTheFixedOneIsAddedAndFoundByPinyin() throws {
        var state = makeState()
        state.fillNewEnterprise(code: newCodeWrongCheck)
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.fieldError("creditCode")?.contains("校验码应为 E，实为 A") == true)
        #expect(state.openForm?.message?.contains("处需要修改") == true)
        state.fill("creditCode", newCode)
        let effects = state.update(.key(.control("s")))
        guard case .store(.saveEnterprise(let saved, nil))? = effects.first else {
            Issue.record("not saved: \(state.openForm?.message ?? "")")
            return
        }
        #expect(saved.creditCode == newCode && saved.district == "福山区" && saved.riskGrade == .high && saved.category == .hazardousChemicals)
        #expect(saved.supervisors == [Supervisor(name: "王丽娟", phone: "0535-6688123")])
        #expect(saved.specialEquipment == nil)
        #expect(saved.history?.map(\.action) == [.created] && saved.history?.first?.by == demoOperator)
        state.succeedMasterData(effects)
        #expect(state.openForm == nil)
        #expect(state.message == "已新增企业：烟台测试新材料有限公司")
        #expect(state.enterprises.count == demoEnterprises.count + 1)
        // Selected in view 1, and found by the pinyin of its name.
        #expect(state.selectedEnterprise.map { state.enterprises[$0].creditCode } == newCode)
        state.press(.character("/"))
        state.type("ytcsxcl")
        #expect(state.rows.map { state.enterprises[$0].creditCode } == [newCode])
    }

    @Test func warningsAreShownThenASecondCtrlSSaves() throws {
        var state = makeState()
        state.fillNewEnterprise(code: newCode)
        // A code registered in 福山区 for an enterprise of 莱山区: a warning, not an error.
        state.choose("district", "莱山区")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.fieldError("creditCode")?.hasPrefix("提醒：") == true)
        #expect(state.openForm?.message == Strings(.zh).warningsBeforeSave(1))
        guard case .store(.saveEnterprise(let saved, nil))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved")
            return
        }
        #expect(saved.district == "莱山区")
    }

    @Test func aNameAnotherEnterpriseHasIsRefused() {
        var state = makeState(.en)
        state.fillNewEnterprise(code: newCode)
        state.fill("name", demoEnterprises[3].name)
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.fieldError("name") == "another enterprise (credit code \(demoEnterprises[3].creditCode)) has this name")
    }

    @Test func editingShowsAProblemWhenTheFieldIsLeftAndSavesTheChangesWithHistory() throws {
        var state = makeState()
        state.openEnterprisePage(codeWithoutRecords)
        let before = try #require(state.enterprises.first { $0.creditCode == codeWithoutRecords })
        state.press(.character("e"))
        #expect(state.openForm?.title.hasPrefix("编辑企业") == true)
        state.fill("safetyResponsible.phone", "12")
        state.press(.tab)
        #expect(state.fieldError("safetyResponsible.phone") == "“12”不是有效的手机或固定电话号码")
        state.fill("safetyResponsible.phone", "13912345678")
        state.fill("specialEquipment.boilers", "2")
        let effects = state.update(.key(.control("s")))
        guard case .store(.saveEnterprise(let saved, let base))? = effects.first else {
            Issue.record("not saved: \(state.openForm?.message ?? "")")
            return
        }
        #expect(base == before)
        #expect(saved.history?.last?.action == .edited)
        #expect(saved.history?.last?.changes.map(\.field).contains("safetyResponsible.phone") == true)
        #expect(saved.history?.last?.changes.contains(FieldChange(field: "specialEquipment.boilers", old: "", new: "2")) == true)
        state.succeedMasterData(effects)
        #expect(state.message == "已保存：" + before.name)
        // The page shows the history, field by field, in words.
        let page = AppView.render(state).text
        #expect(page.contains("修改记录") || state.detailScroll >= 0)
        let lines = (state.top as! EnterprisePageScreen).page.lines.map { $0.value }
        #expect(lines.contains { $0.contains("安全责任人电话：") && $0.contains("-> 13912345678") })
        #expect(lines.contains { $0.contains("特种设备 锅炉 设为 2") })
    }

    @Test func nothingChangedClosesTheFormAndEscAsksBeforeDiscarding() {
        var state = makeState()
        state.openEnterprisePage(codeWithoutRecords)
        state.press(.character("e"))
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.openForm == nil && state.message == "没有修改")
        state.press(.character("e"))
        state.fill("notes", "x")
        state.press(.escape)
        #expect(state.openForm?.confirmingDiscard == true)
        state.press(.character("n"))
        #expect(state.openForm != nil)
        state.press(.escape, .character("y"))
        #expect(state.openForm == nil)
    }

    @Test func aNewCodeOnAnEnterpriseWithRecordsIsRefusedUnlessConfirmedAsAReKeying() throws {
        var state = makeState()
        let visits = demoSupervisions[codeWithRecords]!.count
        let hazards = demoHazards[codeWithRecords]?.count ?? 0
        state.openEnterprisePage(codeWithRecords)
        let index = try #require(state.ledger.directory.index(of: codeWithRecords))
        state.press(.character("e"))
        let district = state.enterprises[index].district
        let code = try #require(District.named(district)).code
        let target = validCreditCode(area: code, body: "MA7Q2K9P")
        state.fill("creditCode", target)
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.fieldError("creditCode")?.contains("再按 Ctrl-S 变更代码") == true)
        #expect(state.openForm?.message == Strings(.zh).confirmRekey(codeWithRecords, target, visits: visits, hazards: hazards))
        let effects = state.update(.key(.control("s")))
        guard case .store(.rekeyEnterprise(let from, let to))? = effects.first else {
            Issue.record("not re-keyed: \(state.openForm?.message ?? "")")
            return
        }
        #expect(from.creditCode == codeWithRecords && to.creditCode == target)
        #expect(to.history?.last?.action == .rekeyed)
        state.succeedMasterData(effects)
        #expect(state.message == Strings(.zh).enterpriseRekeyed(codeWithRecords, target))
        // The records follow: the page lists them, view 3 finds them by the new code, none is left under the old one.
        let page = try #require(state.top as? EnterprisePageScreen)
        #expect(page.code == target && page.enterprise == index)
        #expect(page.targets.count == visits + hazards)
        #expect(state.ledger.supervisions[codeWithRecords] == nil)
        #expect(state.supervisionDirectory.records.filter { $0.item.enterpriseCode == target }.count == visits)
        #expect(state.hazardDirectory.records.allSatisfy { $0.item.enterpriseCode != codeWithRecords })
    }

    @Test func aNewCodeOnAnEnterpriseWithoutRecordsIsAnEdit() throws {
        var state = makeState()
        state.openEnterprisePage(codeWithoutRecords)
        state.press(.character("e"))
        let area = District.named(state.enterprises[state.ledger.directory.index(of: codeWithoutRecords)!].district)!.code
        state.fill("creditCode", validCreditCode(area: area, body: "MA7Q2K9P"))
        guard case .store(.saveEnterprise(let saved, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.openForm?.message ?? "")")
            return
        }
        #expect(saved.history?.last?.changes.first?.field == "creditCode")
    }
}

@Suite struct EnterpriseStepTests {
    @Test func retiringHidesItFromViewOneMarksItAndReinstatingBringsItBack() throws {
        var state = makeState(width: 120, height: 30)
        state.openEnterprisePage(codeWithRecords)
        let name = state.enterprises[state.ledger.directory.index(of: codeWithRecords)!].name
        state.press(.character("x"))
        #expect(state.openForm?.title.hasPrefix("退出名录") == true)
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.fieldError("reason") == "须填写原因")
        state.fill("reason", "搬迁出市")
        let effects = state.update(.key(.control("s")))
        guard case .store(.saveEnterprise(let saved, _))? = effects.first else { Issue.record("not saved"); return }
        #expect(saved.retired == RetirementRecord(date: "2026-11-25", reason: "搬迁出市"))
        state.succeedMasterData(effects)
        #expect(state.message == "退出名录：" + name)
        let page = (state.top as! EnterprisePageScreen).page.lines
        #expect(page.contains { $0.value.hasPrefix(name + " 〔已退出〕") })
        #expect(page.contains { $0.value == "2026-11-25  原因：搬迁出市" })
        // View 1 hides it and says so; its filters show it, marked.
        state.press(.character("1"), .escape)
        #expect(!state.rows.contains { state.enterprises[$0].creditCode == codeWithRecords })
        var screen = AppView.render(state).text
        #expect(screen.contains("59/60 家") && screen.contains("另有 1 家已退出（f 显示）"))
        state.press(.character("f"))
        state.choose("retired", "只显示已退出")
        state.press(.control("s"))
        #expect(state.rows.map { state.enterprises[$0].creditCode } == [codeWithRecords])
        screen = AppView.render(state).text
        #expect(screen.contains("〔已退出〕" + name.prefix(8)))
        // Views 3 still lists its visits, marked.
        state.press(.character("3"))
        #expect(AppView.render(state).text.contains("〔退〕"))
        // Reinstated from its page.
        state.press(.character("1"), .enter)
        state.press(.character("x"))
        #expect(state.openForm?.title.hasPrefix("恢复名录") == true)
        let back = state.update(.key(.control("s")))
        guard case .store(.saveEnterprise(let reinstated, _))? = back.first else { Issue.record("not saved"); return }
        #expect(reinstated.retired == nil && reinstated.history?.last?.action == .reinstated)
    }

    @Test func theBlackListShowsInEveryViewAndViewsTwoAndThreeFilterByIt() throws {
        var state = makeState(.en, width: 140, height: 40)
        let code = codeWithRecords
        let e = state.enterprises[state.ledger.directory.index(of: code)!]
        #expect(e.integrityStatus != .black)
        state.openEnterprisePage(code)
        state.press(.character("b"))
        state.choose("status", "Black!")
        state.fill("date", "2026-11-20")
        state.fill("documentNumber", "烟应急诚〔2026〕5号")
        state.fill("reviewDate", "2026-11-01")
        state.fill("reason", "瞒报事故")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.fieldError("reviewDate") == "the review date 2026-11-01 is before the decision of 2026-11-20")
        state.fill("reviewDate", "2027-05-20")
        let effects = state.update(.key(.control("s")))
        guard case .store(.saveEnterprise(let saved, _))? = effects.first else { Issue.record("not saved"); return }
        #expect(saved.integrity == IntegrityRecord(status: .black, reason: "瞒报事故", date: "2026-11-20",
                                                   documentNumber: "烟应急诚〔2026〕5号", reviewDate: "2027-05-20"))
        state.succeedMasterData(effects)
        let lines = (state.top as! EnterprisePageScreen).page.lines.map(\.value)
        #expect(lines.contains { $0.contains("Integrity list: ") && $0.contains("-> Black!") })
        #expect(lines.contains("Decision document: 烟应急诚〔2026〕5号  Review date: 2027-05-20"))
        // View 1's column, view 2's and view 3's marker beside the name; both filter by the list.
        state.press(.character("1"), .escape, .character("/"))
        state.type(code)
        state.press(.enter)
        #expect(AppView.render(state).text.contains("Black!"))
        state.press(.character("2"), .character("f"))
        state.choose("integrity", "black list")
        state.press(.control("s"))
        let blackCodes = Set(state.enterprises.filter { $0.integrityStatus == .black }.map(\.creditCode))
        #expect(!state.hazardList.rows.isEmpty)
        #expect(state.hazardList.rows.allSatisfy { blackCodes.contains(state.hazardDirectory.records[$0].item.enterpriseCode) })
        let blackShort = Set(state.enterprises.filter { $0.integrityStatus == .black }.map { "B!" + $0.shortName })
        #expect(blackShort.contains("B!" + e.shortName))
        #expect(blackShort.contains { AppView.render(state).text.contains($0) })
        state.press(.character("3"), .character("f"))
        state.choose("integrity", "black list")
        state.press(.control("s"))
        #expect(state.supervisionList.rows.count == demoSupervisions.filter { blackCodes.contains($0.key) }.values.map(\.count).reduce(0, +))
        #expect(AppView.render(state).text.contains("B!" + e.name))
        // Taken off the list again.
        state.openEnterprisePage(code)
        state.press(.character("b"))
        state.choose("status", "off the list")
        state.fill("reason", "信用修复")
        guard case .store(.saveEnterprise(let off, _))? = state.update(.key(.control("s"))).first else { Issue.record("not saved"); return }
        #expect(off.integrity == nil && off.history?.last?.changes.first == FieldChange(field: "integrity.status", old: "black", new: "none"))
    }
}

@Suite struct EnterpriseHistoryTextTests {
    @Test func enterpriseFieldsReadAsTheUserKnowsThem() {
        let zh = Strings(.zh), en = Strings(.en)
        #expect(zh.historyChange(FieldChange(field: "category", old: "food", new: "port"), of: .enterprise) == "监管类别：食品 -> 港口")
        #expect(zh.historyChange(FieldChange(field: "category", old: "equipment", new: "fire"), of: .record).hasPrefix("隐患类别"))
        #expect(en.historyChange(FieldChange(field: "riskGrade", old: "low", new: "major"), of: .enterprise)
                == "Risk grade: low risk (blue) -> major risk (red)")
        #expect(zh.historyChange(FieldChange(field: "integrity.status", old: "none", new: "black"), of: .enterprise) == "诚信红黑榜：未列入 -> 黑榜!")
        #expect(en.historyChange(FieldChange(field: "creditCode", old: "A", new: "B"), of: .enterprise) == "Credit code: A -> B")
        #expect(zh.historyChange(FieldChange(field: "specialEquipment.cranes", old: "1", new: ""), of: .enterprise) == "特种设备 起重机械 已清除（原为 1）")
        #expect(en.historyChange(FieldChange(field: "district", old: "莱州市", new: "福山区"), of: .enterprise) == "District: Laizhou -> Fushan")
        #expect(zh.historyChange(FieldChange(field: "retired.date", old: "", new: "2026-11-25"), of: .enterprise) == "退出名录 设为 2026-11-25")
        #expect(zh.enterpriseFieldLabel("supervisors[1].phone") == "监管责任人2 电话")
    }
}

@Suite struct EnterpriseScreenTests {
    static let sizes: [(Language, Int, Int)] = [(.zh, 80, 24), (.en, 80, 24), (.zh, 140, 40), (.en, 140, 40)]

    /// An enterprise edited, put on the black list and retired: the page's head, then its end with the history.
    @Test(arguments: sizes)
    func theEditedEnterprisePage(_ language: Language, _ width: Int, _ height: Int) throws {
        var state = makeState(language, width: width, height: height)
        state.openEnterprisePage(codeWithRecords)
        state.press(.character("e"))
        state.fill("safetyResponsible.phone", "13912345678")
        state.choose("riskGrade", state.strings.riskLong(.major))
        state.succeedMasterData(state.update(.key(.control("s"))))
        state.press(.character("b"))
        state.choose("status", state.strings.integrity(.black))
        state.fill("documentNumber", "烟应急诚〔2026〕5号")
        state.fill("reviewDate", "2027-05-20")
        state.fill("reason", "瞒报事故")
        state.succeedMasterData(state.update(.key(.control("s"))))
        state.press(.character("x"))
        state.fill("reason", "搬迁出市")
        state.succeedMasterData(state.update(.key(.control("s"))))
        #expect(state.ledger.enterprises[state.ledger.directory.index(of: codeWithRecords)!].history?.count == 3)
        expectScreen(AppView.render(state), named: "enterprise-edited-\(language)-\(width)x\(height)")
        state.press(.end)
        expectScreen(AppView.render(state), named: "enterprise-edited-end-\(language)-\(width)x\(height)")
    }

    /// The edit form with a wrong check character (an error) and another district's area code (a warning).
    @Test(arguments: sizes)
    func theEnterpriseFormWithAnErrorAndAWarning(_ language: Language, _ width: Int, _ height: Int) {
        var state = makeState(language, width: width, height: height)
        state.openEnterprisePage(codeWithoutRecords)
        state.press(.character("e"))
        state.fill("creditCode", newCodeWrongCheck)
        state.fill("supervisors[1].phone", "12")
        _ = state.update(.key(.control("s")))
        expectScreen(AppView.render(state), named: "enterprise-form-\(language)-\(width)x\(height)")
    }
}

@Suite struct EnterpriseLedgerTests {
    /// An enterprise saved while the records load (its district changed): the load's indexes, made
    /// over the list as it was, follow the saved one: its records sort and filter by the new district.
    @Test func anEnterpriseSavedWhileLoadingIsFollowedByTheLoadedIndexes() throws {
        var state = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/d",
                             width: 100, height: 30, pinyin: pinyinTable, inspectors: demoInspectors,
                             signer: demoOperator, clock: { fixedNow }, loading: LoadProgress(done: 0, total: 0))
        let index = try #require(state.ledger.directory.index(of: codeWithRecords))
        var moved = state.enterprises[index]
        let district = try #require(District.all.first { $0.name != moved.district })
        moved.district = district.name
        state.succeedMasterData([.store(.saveEnterprise(moved, base: state.enterprises[index]))])
        _ = state.update(.recordsLoaded(RecordsLoaded(LoadedRecords(supervisions: demoSupervisions, hazards: demoHazards,
                                                                    damagedFiles: [], fileWarnings: []),
                                                      enterprises: demoDirectory, pinyin: pinyinTable)))
        let records = state.supervisionDirectory.records.filter { $0.item.enterpriseCode == codeWithRecords }
        #expect(!records.isEmpty && records.allSatisfy { $0.districtOrder == district.order })
        #expect(state.supervisionDirectory.enterprises.enterprises[index].district == district.name)
        // A filter by the new district's name finds its records.
        state.press(.character("3"), .character("/"))
        state.type(district.name)
        #expect(state.supervisionList.rows.contains { state.supervisionDirectory.records[$0].item.enterpriseCode == codeWithRecords })
    }
}

@Suite struct EnterpriseDraftTests {
    func restarted(with stored: Drafts.Stored) -> AppState {
        AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/d", width: 80,
                 height: 24, pinyin: pinyinTable, inspectors: demoInspectors, supervisions: demoSupervisions,
                 hazards: demoHazards, signer: demoOperator, clock: { fixedNow },
                 timeZone: TimeZone(identifier: "Asia/Shanghai")!, drafts: [stored])
    }

    /// A half-filled new enterprise is kept when the program must stop, and saves when reopened.
    @Test func aNewEnterpriseIsKeptAsADraftAndSavesWhenReopened() throws {
        var state = makeState()
        state.fillNewEnterprise(code: newCode)
        guard case .store(.saveDraft(let name, let data))? = state.update(.terminate).first else {
            Issue.record("expected a draft")
            return
        }
        var next = restarted(with: Drafts.Stored(name: name, data: data))
        _ = next.update(.key(.control("s")))  // reopen it
        #expect(next.openForm?.value("name") == "烟台测试新材料有限公司")
        guard case .store(.saveEnterprise(let saved, nil))? = next.update(.key(.control("s"))).first else {
            Issue.record("expected a save: \(next.openForm?.message ?? "")")
            return
        }
        #expect(saved.creditCode == newCode && saved.supervisors.count == 1)
    }

    /// A step's draft (the black list) saves against the enterprise as it read it.
    @Test func aListingDraftSavesAgainstTheVersionItRead() throws {
        var state = makeState()
        state.openEnterprisePage(codeWithRecords)
        let read = state.enterprises[state.ledger.directory.index(of: codeWithRecords)!]
        state.press(.character("b"))
        state.choose("status", "黑榜!")
        state.fill("reason", "瞒报事故")
        guard case .store(.saveDraft(let name, let data))? = state.update(.terminate).first else {
            Issue.record("expected a draft")
            return
        }
        var next = restarted(with: Drafts.Stored(name: name, data: data))
        _ = next.update(.key(.control("s")))
        guard case .store(.saveEnterprise(let saved, let base))? = next.update(.key(.control("s"))).first else {
            Issue.record("expected a save: \(next.openForm?.message ?? "")")
            return
        }
        #expect(base == read && saved.integrity?.status == .black && saved.integrity?.reason == "瞒报事故")
    }
}
