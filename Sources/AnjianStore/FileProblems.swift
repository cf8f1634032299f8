import Foundation
import AnjianModel

/// A per-enterprise file (or its whole folder) that could not be used, or that carries a
/// warning, found on load. A damaged file's records are not loaded, and it is never written.
public struct FileProblem: Hashable, Sendable {
    /// Which folder of the data directory.
    public enum Folder: String, Hashable, Sendable { case supervisions, hazards }
    public var path: String
    /// The enterprise the file is named for; nil when the whole folder could not be read.
    public var enterpriseCode: String?
    public var folder: Folder
    public var error: StoreError

    public init(path: String, enterpriseCode: String?, folder: Folder, error: StoreError) {
        self.path = path
        self.enterpriseCode = enterpriseCode
        self.folder = folder
        self.error = error
    }

    /// Whether it concerns this enterprise's file of this folder.
    public func concerns(_ code: String, _ folder: Folder) -> Bool {
        self.folder == folder && (enterpriseCode == nil || enterpriseCode == code)
    }
}
