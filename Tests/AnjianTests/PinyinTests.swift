import Testing
@testable import AnjianModel
import AnjianStore

/// The real table generated from Unihan, loaded once for all pinyin tests.
let pinyinTable: PinyinTable = try! DemoLedger.pinyinTable()

func matches(_ text: String, _ query: String) -> Bool {
    PinyinSearchText(text, table: pinyinTable).matches(SearchQuery(query))
}

@Suite struct PinyinTests {
    @Test func tableHasEveryReadingOfHeteronyms() {
        #expect(Set(pinyinTable.readings(of: "行")).isSuperset(of: ["hang", "xing"]))
        #expect(Set(pinyinTable.readings(of: "长")).isSuperset(of: ["chang", "zhang"]))
        #expect(Set(pinyinTable.readings(of: "厦")).isSuperset(of: ["xia", "sha"]))
        #expect(Set(pinyinTable.readings(of: "曾")).isSuperset(of: ["zeng", "ceng"]))
        #expect(Set(pinyinTable.readings(of: "单")).contains("shan"))
        #expect(Set(pinyinTable.readings(of: "解")).contains("xie"))
        #expect(pinyinTable.readings(of: "A").isEmpty)
    }

    @Test func initialsFullAndMixed() {
        let name = "烟台万华化学有限公司"
        #expect(matches(name, "ytwh"))
        #expect(matches(name, "yantaiwh"))
        #expect(matches(name, "yantai"))
        #expect(matches(name, "YTWH"))
        #expect(matches(name, "wanhua"))
        #expect(matches(name, "whhx"))
        #expect(matches(name, "yantaiwanhuahuaxue"))
        #expect(matches(name, "yt wh"))
    }

    @Test func chineseTextMatchesAsSubstring() {
        #expect(matches("莱州鑫源矿业有限公司", "莱州"))
        #expect(matches("莱州鑫源矿业有限公司", "矿业"))
        #expect(!matches("莱阳鲁昌食品有限公司", "莱州"))
    }

    @Test func everyReadingOfAHeteronymCounts() {
        #expect(matches("烟台长岛碧波海珍品加工有限公司", "cd"))
        #expect(matches("烟台长岛碧波海珍品加工有限公司", "changdao"))
        #expect(matches("烟台长岛碧波海珍品加工有限公司", "zhangdao"))
        #expect(matches("招商银行", "yh"))
        #expect(matches("招商银行", "yinhang"))
        #expect(matches("行业协会", "hy"))
        #expect(matches("行业协会", "hangye"))
        #expect(matches("厦门船舶", "xm"))
        #expect(matches("厦门船舶", "xiamen"))
        #expect(matches("乐陵果蔬", "ll"))
        #expect(matches("乐陵果蔬", "yueling") || matches("乐陵果蔬", "leling"))
    }

    @Test func queriesThatMatchNothing() {
        #expect(!matches("烟台万华化学有限公司", "xyz"))
        #expect(!matches("烟台万华化学有限公司", "ytq"))
        #expect(!matches("烟台万华化学有限公司", "yantaiq"))
        #expect(!matches("烟台万华化学有限公司", "taiyan"))
    }

    @Test func latinLettersAndDigitsInsideNames() {
        #expect(matches("烟台JH新材料科技有限公司", "jh"))
        #expect(matches("烟台JH新材料科技有限公司", "ytjhxcl"))
        #expect(matches("烟台JH新材料科技有限公司", "JH新材料"))
        #expect(matches("烟台2号码头", "2hmt"))
        #expect(matches("烟台2号码头", "yt2h"))
        #expect(!matches("烟台2号码头", "3h"))
    }

    @Test func punctuationIsSkippedBetweenCharacters() {
        #expect(matches("烟台（芝罘）港务", "ytzf"))
        #expect(matches("烟台（芝罘）港务", "（芝罘）"))
    }

    @Test func emptyQueryMatchesEverything() {
        #expect(matches("烟台", ""))
        #expect(matches("烟台", "   "))
    }
}
