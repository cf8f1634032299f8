import AnjianModel
import AnjianStore

/// One change to the data directory, performed by `Runner.perform` as a whole or not at all.
public enum StoreOperation: Hashable, Sendable {
    /// Add or replace this entry in its enterprise's supervision file.
    case saveSupervision(SupervisionEntry)
    /// Add or replace this hazard in its enterprise's hazard file and, when it was registered
    /// on a visit, that visit (its `hazardIDs` already holding the hazard's id): both files or neither.
    case saveHazard(Hazard, linkedEntry: SupervisionEntry?)
    /// Name the operator in the lock's holder record and remember them in the config file.
    case saveOperator(Operator)
}

/// How an operation went. The error stays typed: the UI words it in the user's language.
public enum StoreOutcome: Hashable, Sendable {
    case saved(StoreOperation)
    /// Nothing of the operation was written.
    case failed(StoreOperation, StoreError)
}
