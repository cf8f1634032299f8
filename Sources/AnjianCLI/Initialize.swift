import Foundation
import AnjianStore
import AnjianText

/// `anjian init`: a new data directory, with the demo ledger or empty. A directory that already
/// holds a ledger, or any other file, is refused and left as it is.
public enum InitializeCommand {
    public static func run(directory: URL, demo: Bool, strings: Strings, now: Date = Date()) throws(CommandFailure) -> String {
        do {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw CommandFailure(.cannotCreate, strings.initNotADirectory(directory.path)) }
                let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                if !names.isEmpty { throw CommandFailure(.cannotCreate, strings.initNotEmpty(directory.path)) }
            }
            try LedgerStore.initialize(directory, source: demo ? .demo : .empty, now: now)
            return strings.initDone(directory.path, demo: demo)
        } catch let failure as CommandFailure {
            throw failure
        } catch let error as StoreError {
            throw CommandFailure(.cannotCreate, strings.storeError(error))
        } catch {
            throw CommandFailure(.cannotCreate, strings.initFailed(directory.path, "\(error)"))
        }
    }
}
