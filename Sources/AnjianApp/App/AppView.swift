import AnjianModel
import AnjianScreen
import AnjianText

/// Renders the state into a screen. Pure: the same state gives the same screen.
public enum AppView {
    public static func render(_ state: AppState) -> Screen {
        let context = state.context
        var screen = Screen(width: context.width, height: context.height)
        guard !context.tooSmall else {
            Chrome.renderTooSmall(context, into: &screen)
            return screen
        }
        if let modal = state.modal {
            FormView.render(modal.form, context: context, into: &screen)
        } else {
            state.top.render(context, into: &screen)
        }
        return screen
    }
}
