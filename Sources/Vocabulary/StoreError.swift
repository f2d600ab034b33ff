import Foundation

/// Why a store operation failed, in words an operator can act on (`description`).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The state machine does not allow this move at all.
    case illegalTransition(messageID: Int64, from: MessageState, to: MessageState)
    /// The message is no longer in the state the caller expected: another worker moved it first.
    case stateConflict(messageID: Int64, expected: MessageState, actual: MessageState)
    case messageNotFound(messageID: Int64)
    /// The file was migrated by a newer Mailroom than this one.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A row does not read back as Mailroom wrote it (edited by hand, or a bug).
    case corruptRow(table: String, id: Int64, reason: String)
    /// The caller passed something the store cannot record.
    case invalidArgument(String)
    /// SQLite refused or failed; `reason` carries its message.
    case database(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case let .illegalTransition(id, from, to):
            let allowed = from.allowedNextStates.map(\.rawValue)
            let next = allowed.isEmpty
                ? "\(from.rawValue) is final"
                : "from \(from.rawValue) it may only go to \(allowed.joined(separator: ", "))"
            return "message \(id) cannot go from \(from.rawValue) to \(to.rawValue): \(next)"
        case let .stateConflict(id, expected, actual):
            return "message \(id) is \(actual.rawValue), not \(expected.rawValue) as expected: another worker "
                + "moved it first; nothing was changed"
        case let .messageNotFound(id):
            return "there is no message \(id) in the store"
        case let .newerSchema(path, unknown):
            return "store \(path) was written by a newer Mailroom (unknown migrations: "
                + "\(unknown.joined(separator: ", "))); upgrade mailroom or point store.path at another file"
        case let .corruptRow(table, id, reason):
            return "row \(id) of \(table) is damaged: \(reason); restore the store from backup or report a bug"
        case let .invalidArgument(reason):
            return reason
        case let .database(path, operation, reason):
            return "store \(path): could not \(operation): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
