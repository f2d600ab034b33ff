import Foundation
import Yams

// TEMPORARY PLACEHOLDER (branch `decide`): the connectors branch owns ConnectorCatalogue and the real
// `http` and `tryton` connectors (CONTRACTS.md). Until it is merged, this file reads only `name` and `type`
// from connectors/*.yaml and offers the action names the issue lists, so that `rules check` can check
// connector and action names. Its connectors cannot reach anything: perform fails permanently. Delete this
// file when merging main with the real Act/Connectors/ConnectorCatalogue.swift.

public struct ConnectorCatalogue: Sendable {
    public var connectors: [any Connector]

    public init(connectors: [any Connector]) { self.connectors = connectors }

    public func connector(named name: String) -> (any Connector)? { connectors.first { $0.name == name } }

    public static func load(directory: URL, environment: [String: String]) throws(RuleFileProblems) -> ConnectorCatalogue {
        var found: [any Connector] = []
        var problems: [RuleFileProblem] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        for file in files {
            let display = directory.appendingPathComponent(file).path
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8),
                  let node = try? Yams.compose(yaml: text), let mapping = node.mapping else {
                problems.append(RuleFileProblem(file: display, line: nil, column: nil, message: "cannot read this connector file as YAML"))
                continue
            }
            let name = mapping["name"]?.string ?? String(file.split(separator: ".").first ?? "")
            let type = mapping["type"]?.string ?? ""
            guard let actions = PendingConnector.actionsByType[type] else {
                let mark = mapping["type"]?.mark ?? node.mark
                problems.append(RuleFileProblem(file: display, line: mark?.line, column: mark?.column,
                                                message: "unknown connector type '\(type)'",
                                                suggestion: "use one of: \(PendingConnector.actionsByType.keys.sorted().joined(separator: ", "))"))
                continue
            }
            found.append(PendingConnector(name: name, type: type, actions: actions))
        }
        if !problems.isEmpty { throw RuleFileProblems(problems) }
        return ConnectorCatalogue(connectors: found)
    }
}

struct PendingConnector: Connector {
    let name: String
    let type: String
    let actions: [ConnectorActionSpec]

    static let actionsByType: [String: [ConnectorActionSpec]] = [
        "http": [ConnectorActionSpec(name: "request", requiredParameters: ["url"], optionalParameters: ["method", "headers", "body"], summary: "send an HTTP request")],
        "tryton": [
            ConnectorActionSpec(name: "find_or_create_party", requiredParameters: ["name"], optionalParameters: ["email", "vat_id"], summary: "find or create a party"),
            ConnectorActionSpec(name: "create_quotation", requiredParameters: ["party", "lines"], optionalParameters: ["reference", "delivery_date", "customer_email", "customer_company"], summary: "create a sale quotation"),
            ConnectorActionSpec(name: "confirm_quotation", requiredParameters: ["quotation"], summary: "confirm a quotation"),
            ConnectorActionSpec(name: "create_lead", requiredParameters: ["party"], optionalParameters: ["description"], summary: "create a CRM opportunity"),
            ConnectorActionSpec(name: "create_supplier_invoice", requiredParameters: ["invoice"], summary: "create a draft supplier invoice"),
            ConnectorActionSpec(name: "create_customer_invoice", requiredParameters: ["invoice"], summary: "create a draft customer invoice"),
            ConnectorActionSpec(name: "attach_mail", requiredParameters: ["record"], summary: "attach the original mail"),
        ],
    ]

    func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? { nil }

    func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        throw ConnectorError.permanent("the \(type) connector '\(name)' is not built into this version yet (placeholder until the connectors branch is merged)")
    }
}
