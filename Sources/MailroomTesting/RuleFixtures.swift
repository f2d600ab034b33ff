import Foundation
import Vocabulary
import Decide
import Act

/// A connector that records what it was asked to do (tests only).
package final class RecordingConnector: Connector, @unchecked Sendable {
    package let name: String
    package let type: String
    package let actions: [ConnectorActionSpec]
    private let lock = NSLock()
    private var _performed: [OutboxAction] = []
    private var _earlierAsked: [OutboxAction] = []
    /// What the target "has" by idempotency key: set when perform succeeds (the record exists remotely).
    private var _remote: [String: ConnectorResult] = [:]
    /// Errors to throw from the next performs, first first.
    package var failures: [ConnectorError] = []
    /// Simulates a process killed after the target acted and before the outbox recorded it.
    package var crashAfterPerform = false
    /// Values captured per action name (default: `record_id` = the number of performs so far).
    package var captures: [String: [String: JSONValue]] = [:]

    package init(name: String, type: String = "tryton", actions: [ConnectorActionSpec]) {
        self.name = name
        self.type = type
        self.actions = actions
    }

    package var performed: [OutboxAction] { lock.withLock { _performed } }
    package var earlierAsked: [OutboxAction] { lock.withLock { _earlierAsked } }

    package struct SimulatedCrash: Error {}

    package func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        lock.withLock {
            _earlierAsked.append(action)
            return _remote[action.idempotencyKey]
        }
    }

    package func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        let failure: ConnectorError? = lock.withLock { failures.isEmpty ? nil : failures.removeFirst() }
        if let failure { throw failure }
        let result = lock.withLock { () -> ConnectorResult in
            _performed.append(action)
            let r = ConnectorResult(captured: captures[action.action.action] ?? ["record_id": .int(Int64(_performed.count))],
                                    request: .object(["parameters": .object(action.action.parameters), "Authorization": "***"]),
                                    response: .object(["status": 200]))
            _remote[action.idempotencyKey] = r
            return r
        }
        if crashAfterPerform { throw SimulatedCrash() }
        return result
    }

    package static func erp() -> RecordingConnector {
        RecordingConnector(name: "erp", actions: [
            ConnectorActionSpec(name: "find_or_create_party", requiredParameters: ["name"], optionalParameters: ["email"], summary: ""),
            ConnectorActionSpec(name: "create_quotation", requiredParameters: ["party", "lines"], optionalParameters: ["reference"], summary: ""),
            ConnectorActionSpec(name: "create_supplier_invoice", requiredParameters: ["invoice"], summary: ""),
            ConnectorActionSpec(name: "confirm_quotation", requiredParameters: ["quotation"], summary: ""),
        ])
    }

    package static func helpdesk() -> RecordingConnector {
        RecordingConnector(name: "helpdesk", type: "http", actions: [
            ConnectorActionSpec(name: "request", requiredParameters: ["url"], optionalParameters: ["method", "headers", "body"], summary: ""),
        ])
    }
}

package enum RuleFixtures {
    package static func write(_ files: [String: String]) throws -> URL {
        let dir = try StoreScratch.directory("rules")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    package static var repositoryRoot: URL {
        Repository.root
    }
}
