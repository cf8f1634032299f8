import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore
import AnjianText

extension AppState {
    /// The app over a started session: read-only when another copy holds the lock or the
    /// directory cannot be written, with the start's news in the message line, and the
    /// operator asked for when unknown.
    public init(session: Session, language: Language, useColor: Bool, size: (width: Int, height: Int)) {
        let strings = Strings(language)
        let ledger = session.ledger
        let readOnly: ReadOnlyReason?
        if let holder = session.holder {
            readOnly = .heldBy(holder)
        } else if session.notWritable {
            readOnly = .notWritable
        } else {
            readOnly = session.readOnly ? .unknownHolder : nil
        }
        let configProblem = session.configProblem.map { strings.storeError($0) }
        let operatorMessage = configProblem ?? session.unconfirmedOperator.map { strings.operatorNeedsCertificate($0) }
        var message: String? = configProblem
        if message == nil, ledger.initializedNow {
            message = strings.initializedDemo(session.directory.path)
        } else if message == nil, !ledger.damagedFiles.isEmpty {
            message = strings.damagedOnLoad(ledger.damagedFiles.count)
        } else if message == nil, !ledger.warnings.isEmpty || !ledger.fileWarnings.isEmpty {
            message = strings.warningsOnLoad(ledger.warnings.count + ledger.fileWarnings.count)
        }
        self.init(directory: EnterpriseDirectory(enterprises: ledger.enterprises, pinyin: session.pinyin), language: language,
                  useColor: useColor, isDemo: ledger.isDemo, dataPath: session.directory.path, width: size.width, height: size.height,
                  pinyin: session.pinyin, inspectors: ledger.inspectors, supervisions: ledger.supervisions, hazards: ledger.hazards,
                  damagedFiles: ledger.damagedFiles,
                  signer: session.signer, readOnly: readOnly, message: message, askOperator: session.signer == nil,
                  operatorMessage: operatorMessage, operatorName: session.unconfirmedOperator,
                  drafts: readOnly == nil ? Drafts.load(in: session.directory) : [],
                  loading: session.recordsDeferred ? LoadProgress(done: 0, total: 0) : nil)
    }
}
