// The help screen: its sections and the name of every key binding's action.
extension Text {
    public static let helpTitle = Text(zh: "帮助", en: "Help")
    public static let helpList = Text(zh: "企业列表", en: "Enterprise list")
    public static let helpFilter = Text(zh: "筛选输入时", en: "While typing a filter")
    public static let helpDetail = Text(zh: "企业详情", en: "Enterprise details")
    public static let helpHelp = Text(zh: "帮助页", en: "This help")
    public static let helpGlobal = Text(zh: "任何时候", en: "Anywhere")
    public static let helpForm = Text(zh: "表单", en: "Form")
    public static let helpSupervisionList = Text(zh: "监管记录列表", en: "Supervision list")
    public static let helpSupervision = Text(zh: "监管记录", en: "Supervision entry")
    public static let helpHazardList = Text(zh: "隐患台账", en: "Hazard ledger")
    public static let helpHazard = Text(zh: "隐患详情", en: "Hazard")
    public static let actionUp = Text(zh: "上一行", en: "previous row")
    public static let actionDown = Text(zh: "下一行", en: "next row")
    public static let actionPageUp = Text(zh: "上一页", en: "page up")
    public static let actionPageDown = Text(zh: "下一页", en: "page down")
    public static let actionTop = Text(zh: "第一行", en: "first row")
    public static let actionBottom = Text(zh: "最后一行", en: "last row")
    public static let actionOpen = Text(zh: "打开详情", en: "open details")
    public static let actionBack = Text(zh: "返回", en: "back")
    public static let actionFilter = Text(
        zh: "筛选（中文、拼音首字母、全拼、信用代码、区市）",
        en: "filter (Chinese, pinyin initials or full, credit code, district)")
    public static let actionClearFilter = Text(zh: "清除筛选", en: "clear the filter")
    public static let actionSortNext = Text(zh: "按下一列排序", en: "sort by the next column")
    public static let actionSortReverse = Text(zh: "反转排序", en: "reverse the sort")
    public static let actionSortMenu = Text(zh: "选择排序列（菜单）", en: "choose the sort column (menu)")
    public static let actionHelp = Text(zh: "帮助", en: "help")
    public static let actionQuit = Text(zh: "退出", en: "quit")
    public static let actionView1 = Text(zh: "直管企业", en: "enterprises")
    public static let actionView2 = Text(zh: "隐患台账", en: "hazard ledger")
    public static let actionView3 = Text(zh: "监管记录", en: "supervision records")
    public static let actionNewSupervision = Text(zh: "新建监管记录", en: "new supervision entry")
    public static let actionNewHazard = Text(zh: "登记隐患", en: "new hazard")
    public static let actionRedraw = Text(zh: "重绘屏幕", en: "redraw the screen")
    public static let actionSuspend = Text(zh: "挂起到后台", en: "suspend")
    public static let actionScrollUp = Text(zh: "向上滚动", en: "scroll up")
    public static let actionScrollDown = Text(zh: "向下滚动", en: "scroll down")
    public static let actionAcceptFilter = Text(zh: "保留筛选，回到列表", en: "keep the filter, back to the list")
    public static let actionCancelFilter = Text(zh: "清除筛选", en: "clear the filter")
    public static let actionCaret = Text(zh: "移动光标", en: "move the caret")
    public static let actionCaretHomeEnd = Text(zh: "光标到行首/行尾", en: "caret to start / end")
    public static let actionDeleteBack = Text(zh: "删除光标前一个字", en: "delete before the caret")
    public static let actionDeleteForward = Text(zh: "删除光标处的字", en: "delete at the caret")
    public static let actionClearInput = Text(zh: "清空输入", en: "clear the input")
    public static let actionKillToEnd = Text(zh: "删除到行尾", en: "delete to the end")
    public static let actionDeleteWord = Text(zh: "删除前一个词", en: "delete the previous word")
    public static let actionEdit = Text(zh: "编辑", en: "edit")
    public static let actionAddInspector = Text(zh: "增加一名检查人员", en: "add an inspector")
    public static let actionSave = Text(zh: "校验并保存", en: "check and save")
    public static let actionCancel = Text(zh: "取消（有修改时先确认）", en: "cancel (asks first if changed)")
    public static let actionNextField = Text(zh: "下一项", en: "next field")
    public static let actionPreviousField = Text(zh: "上一项", en: "previous field")
    public static let actionChoice = Text(zh: "切换选项", en: "change the choice")
    public static let actionPick = Text(
        zh: "从名录库选人（姓名、拼音首字母或全拼）", en: "pick from the roster (name, pinyin initials or full)")
    public static let actionNewLine = Text(zh: "多行栏内换行，其他栏到下一项", en: "new line in a multi-line field, else next field")
    public static let actionOpenEntry = Text(zh: "查看选中的监管记录", en: "open the selected supervision entry")
    public static let openHazard = Text(zh: "查看选中的隐患", en: "open the selected hazard")
    public static let actionFilters = Text(
        zh: "筛选条件（状态、等级、逾期、区市、企业、发现人）",
        en: "filters (status, level, overdue, district, enterprise, found by)")
    public static let actionClearAllFilters = Text(zh: "清除全部筛选", en: "clear every filter")
}

// The status line's hints: a key's action in a word or two.
extension Text {
    public static let hintFilter = Text(zh: "筛选", en: "filter")
    public static let hintDetails = Text(zh: "详情", en: "open")
    public static let hintOpen = Text(zh: "查看", en: "open")
    public static let hintFilters = Text(zh: "条件", en: "filters")
    public static let hintSort = Text(zh: "排序", en: "sort")
    public static let hintHelp = Text(zh: "帮助", en: "help")
    public static let hintQuit = Text(zh: "退出", en: "quit")
    public static let hintKeep = Text(zh: "确定", en: "keep")
    public static let hintClear = Text(zh: "清除", en: "clear")
    public static let hintEntry = Text(zh: "监管记录", en: "entry")
    public static let hintHazard = Text(zh: "登记隐患", en: "hazard")
    public static let hintEdit = Text(zh: "编辑", en: "edit")
    public static let hintBack = Text(zh: "返回", en: "back")
    public static let hintNext = Text(zh: "下一项", en: "next")
    public static let hintSave = Text(zh: "保存", en: "save")
    public static let hintCancel = Text(zh: "取消", en: "cancel")
    public static let hintAddInspector = Text(zh: "加检查人员", en: "+inspector")
    public static let actionDismissSuggestions = Text(zh: "收起名录库候选", en: "close the roster's suggestions")
}

extension Text {
    public static let hintPick = Text(zh: "选择", en: "pick")
    public static let hintClose = Text(zh: "收起", en: "close")
}

// The sort menu (F6, `<`, `>` in the lists).
extension Text {
    public static let sortMenuTitle = Text(zh: "排序", en: "Sort by")
    public static let fieldSortColumn = Text(zh: "排序列", en: "Column")
    public static let fieldSortOrder = Text(zh: "顺序", en: "Order")
    public static let sortAscending = Text(zh: "升序", en: "ascending")
    public static let sortDescending = Text(zh: "降序", en: "descending")
    public static let sortMenuHelp = Text(
        zh: "左右键或输入列名（拼音亦可）选列，Enter 确定",
        en: "Left/Right or type a column's name to choose, Enter to sort")
}
