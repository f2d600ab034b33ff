import Foundation
import Vocabulary
import CurlTransport

/// What the tryton connector needs from Tryton, over either of its two protocols: JSON-RPC with a user's
/// session (`TrytonRPC`) or REST with a user application key (`TrytonREST`).
public protocol TrytonBackend: Sendable {
    /// "json-rpc" or "rest", for the audit.
    var protocolName: String { get }
    func searchRead(_ model: String, domain: JSONValue, fields: [String], limit: Int, context: JSONValue) async throws -> [JSONValue]
    func create(_ model: String, values: [String: JSONValue], context: JSONValue) async throws -> Int64
    /// A workflow button or model method on one record (`sale.sale` `quote`, `confirm`).
    func button(_ model: String, _ method: String, id: Int64, context: JSONValue) async throws
    func delete(_ model: String, id: Int64, context: JSONValue) async throws
}

extension TrytonRPC: TrytonBackend {
    public nonisolated var protocolName: String { "json-rpc" }

    public func searchRead(_ model: String, domain: JSONValue, fields: [String], limit: Int, context: JSONValue) async throws -> [JSONValue] {
        let r = try await call("model.\(model).search_read", [domain, 0, .int(Int64(limit)), .null, .array(fields.map { .string($0) }), context])
        return r.arrayValue ?? []
    }

    public func create(_ model: String, values: [String: JSONValue], context: JSONValue) async throws -> Int64 {
        let r = try await call("model.\(model).create", [[.object(values)], context])
        guard let id = r.arrayValue?.first?.intValue else { throw ConnectorError.permanent("Tryton \(model).create returned no id") }
        return id
    }

    public func button(_ model: String, _ method: String, id: Int64, context: JSONValue) async throws {
        _ = try await call("model.\(model).\(method)", [[.int(id)], context])
    }

    public func delete(_ model: String, id: Int64, context: JSONValue) async throws {
        _ = try await call("model.\(model).delete", [[.int(id)], context])
    }
}

/// Tryton's REST API (`/<db>/rest/model/<model>[/<id>[/<method>]]`, Tryton 7.4 and later) with a user
/// application key (`Authorization: Bearer <key>`, created in Tryton under User → Applications, application
/// "REST API", and validated). No login and no session to expire; a refused key (401) is a permanent error
/// naming the fix. The context (the company) travels in `X-Tryton-Context`.
public struct TrytonREST: TrytonBackend {
    public let baseURL: URL
    public let database: String
    package let key: String
    package let transport: ConnectorTransport

    public init(baseURL: URL, database: String, key: String, transport: ConnectorTransport) {
        self.baseURL = baseURL
        self.database = database
        self.key = key
        self.transport = transport
    }

    public var protocolName: String { "rest" }

    package func url(_ path: String, query: [(String, String)] = []) -> URL {
        var base = baseURL.absoluteString
        if base.hasSuffix("/") { base.removeLast() }
        var text = "\(base)/\(database)/rest/model/\(path)"
        if !query.isEmpty {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-_.~")
            text += "?" + query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }.joined(separator: "&")
        }
        return URL(string: text)!
    }

    /// Tryton reads `d` (the domain) and `X-Tryton-Context` as URL-safe base64 of JSON.
    package static func base64URL(_ value: JSONValue) -> String {
        Data(value.canonicalJSON.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    package func send(_ method: String, _ url: URL, body: JSONValue?, context: JSONValue) async throws -> JSONValue {
        var headers = [("Authorization", "Bearer \(key)"), ("Accept", "application/json"),
                       ("X-Tryton-Context", Self.base64URL(context))]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body.map { Data($0.canonicalJSON.utf8) },
                                  timeoutSeconds: transport.timeoutSeconds)
        let response = try await transport.send(request, describing: "Tryton REST")
        let shown = "\(method) \(url.path)"
        if response.status == 401 {
            throw ConnectorError.permanent("Tryton \(database) refused the REST application key (401): check that the key is "
                + "a validated 'REST API' application of the user (User → Applications)")
        }
        if response.status == 403 {
            throw ConnectorError.permanent("Tryton \(database): \(shown) is forbidden (403) for the key's user: give it access to the model")
        }
        if response.status == 400 {
            // A UserError (validation): the body says which.
            let text = (try? JSONValue.parse(response.body)).map { TrytonRPC.describe($0["message"] ?? $0) }
                ?? String(decoding: response.body.prefix(300), as: UTF8.self)
            throw ConnectorError.permanent("Tryton \(shown): \(text)")
        }
        try HTTPConnector.check(response, connector: "tryton", method: method, url: url.path)
        if response.body.isEmpty || response.status == 204 { return .null }
        do { return try JSONValue.parse(response.body) } catch {
            throw ConnectorError.transient("Tryton \(shown): the answer is not JSON")
        }
    }

    public func searchRead(_ model: String, domain: JSONValue, fields: [String], limit: Int, context: JSONValue) async throws -> [JSONValue] {
        var query = [("d", Self.base64URL(domain)), ("s", String(limit))]
        for f in fields { query.append(("f", f)) }
        let r = try await send("GET", url(model, query: query), body: nil, context: context)
        return r.arrayValue ?? []
    }

    public func create(_ model: String, values: [String: JSONValue], context: JSONValue) async throws -> Int64 {
        let r = try await send("POST", url(model, query: [("f", "id")]), body: .object(values), context: context)
        guard let id = r["id"]?.intValue else { throw ConnectorError.permanent("Tryton REST \(model): the create answered no id") }
        return id
    }

    public func button(_ model: String, _ method: String, id: Int64, context: JSONValue) async throws {
        _ = try await send("POST", url("\(model)/\(id)/\(method)", query: [("f", "id")]), body: .object([:]), context: context)
    }

    public func delete(_ model: String, id: Int64, context: JSONValue) async throws {
        _ = try await send("DELETE", url("\(model)/\(id)"), body: nil, context: context)
    }
}
