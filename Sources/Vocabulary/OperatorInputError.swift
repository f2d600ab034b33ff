import Foundation

public struct OperatorInputError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}
