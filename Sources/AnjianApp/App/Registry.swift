import AnjianText
import AnjianScreen

/// A top-level view's number: its key, its tab.
public typealias ViewID = Int

/// The top-level views, listed once: the tab bar, the number keys, the help screen and the
/// view switching all come from here. Adding a view is one line.
struct TopLevelView: Sendable {
    let id: ViewID
    let title: Text
    /// What its number key does, in help.
    let help: Text
    let make: @Sendable (inout Context) -> any ScreenComponent
}

enum Registry {
    static let views: [TopLevelView] = [
        TopLevelView(id: 1, title: .viewEnterprises, help: .actionView1) { EnterprisesScreen(context: &$0) },
        TopLevelView(id: 2, title: .viewHazards, help: .actionView2) { HazardsScreen(context: &$0) },
        TopLevelView(id: 3, title: .viewSupervisions, help: .actionView3) { SupervisionsScreen(context: &$0) },
        TopLevelView(id: 4, title: .viewRoster, help: .actionView4) { RosterScreen(context: &$0) },
        TopLevelView(id: 5, title: .viewStatistics, help: .actionView5) { StatisticsScreen(context: &$0) },
    ]

    static func view(_ id: ViewID) -> TopLevelView? { views.first { $0.id == id } }

    /// The number keys, one per view.
    static var bindings: [KeyBinding] {
        views.map { KeyBinding(keys: [.character(Character(String($0.id)))], action: .showView($0.id), text: $0.help) }
    }
}
