import Foundation
import Vocabulary
import CurlTransport

/// Tryton's JSON-RPC (`POST /<db>/rpc/`) with session login; logs in again when the session expired (401).
public actor TrytonRPC {
    public let baseURL: URL
    public let database: String
    package let username: String
    package let password: String
    package let transport: ConnectorTransport
    private var session: (uid: Int64, token: String)?
    private var nextID = 1

    public init(baseURL: URL, database: String, username: String, password: String, transport: ConnectorTransport) {
        self.baseURL = baseURL
        self.database = database
        self.username = username
        self.password = password
        self.transport = transport
    }

    package var endpoint: URL {
        var base = baseURL.absoluteString
        if base.hasSuffix("/") { base.removeLast() }
        return URL(string: "\(base)/\(database)/rpc/")!
    }

    /// Calls `method` with `params`; throws `ConnectorError` (transient for the network, 429/5xx; permanent
    /// for Tryton's own errors such as a failed validation).
    public func call(_ method: String, _ params: [JSONValue]) async throws -> JSONValue {
        if session == nil { try await login() }
        do {
            return try await post(method, params, authorised: true)
        } catch TrytonCallError.unauthorised {
            session = nil
            try await login()
            do {
                return try await post(method, params, authorised: true)
            } catch TrytonCallError.unauthorised {
                throw ConnectorError.permanent("Tryton \(database): the session was refused right after a new login")
            }
        }
    }

    private func login() async throws {
        let result: JSONValue
        do {
            result = try await post("common.db.login", [.string(username), ["password": .string(password)], "en"], authorised: false)
        } catch TrytonCallError.unauthorised {
            throw ConnectorError.permanent("Tryton \(database): login as \(username) refused (wrong user name or password)")
        }
        guard let parts = result.arrayValue, parts.count >= 2, let uid = parts[0].intValue, let token = parts[1].stringValue else {
            throw ConnectorError.permanent("Tryton \(database): login as \(username) refused")
        }
        session = (uid, token)
    }

    package enum TrytonCallError: Error { case unauthorised }

    private func post(_ method: String, _ params: [JSONValue], authorised: Bool) async throws -> JSONValue {
        let id = nextID
        nextID += 1
        let body: JSONValue = ["id": .int(Int64(id)), "method": .string(method), "params": .array(params)]
        var headers = [("Content-Type", "application/json")]
        if authorised, let session {
            let credentials = Data("\(username):\(session.uid):\(session.token)".utf8).base64EncodedString()
            headers.append(("Authorization", "Session \(credentials)"))
        }
        let request = HTTPRequest(method: "POST", url: endpoint, headers: headers, body: Data(body.canonicalJSON.utf8),
                                  timeoutSeconds: transport.timeoutSeconds)
        let response = try await transport.send(request, describing: "Tryton")
        if response.status == 401 || response.status == 403 { throw TrytonCallError.unauthorised }
        if response.status == 429 {
            // Too many failed logins: Tryton bans the login for a while.
            throw ConnectorError.transient("Tryton \(database): too many login attempts (429); backing off",
                                           retryAfter: response.header("Retry-After").flatMap(HTTPConnector.retryAfterSeconds) ?? 300)
        }
        try HTTPConnector.check(response, connector: "tryton", method: "POST", url: HTTPRequest.redacted(endpoint) + " \(method)")
        let answer: JSONValue
        do { answer = try JSONValue.parse(response.body) } catch {
            throw ConnectorError.transient("Tryton \(method): the answer is not JSON")
        }
        if let error = answer["error"], !error.isNull {
            let text = TrytonRPC.describe(error)
            if text.contains("NotLogged") || text.contains("session") && text.contains("expired") { throw TrytonCallError.unauthorised }
            throw ConnectorError.permanent("Tryton \(method): \(text)")
        }
        return answer["result"] ?? .null
    }

    package static func describe(_ error: JSONValue) -> String {
        if let parts = error.arrayValue {
            let name = parts.first?.stringValue ?? "error"
            let detail = parts.dropFirst().first.map { v -> String in
                if let a = v.arrayValue { return a.compactMap { $0.stringValue }.joined(separator: " ") }
                return v.stringValue ?? v.canonicalJSON
            } ?? ""
            return "\(name): \(detail)"
        }
        return error.stringValue ?? error.canonicalJSON
    }
}

/// Tryton's JSON encodings of Decimal, date and bytes.
package enum TrytonValue {
    package static func decimal(_ value: Double, places: Int = 2) -> JSONValue {
        ["__class__": "Decimal", "decimal": .string(String(format: "%.\(places)f", value))]
    }
    package static func decimal(_ text: String) -> JSONValue { ["__class__": "Decimal", "decimal": .string(text)] }
    package static func date(_ iso: String) -> JSONValue? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int64($0) }
        guard parts.count == 3 else { return nil }
        return ["__class__": "date", "year": .int(parts[0]), "month": .int(parts[1]), "day": .int(parts[2])]
    }
    package static func bytes(_ data: Data) -> JSONValue { ["__class__": "bytes", "base64": .string(data.base64EncodedString())] }
    /// A number from Tryton's answer (Decimal object, int or float).
    package static func number(_ value: JSONValue?) -> Double? {
        guard let value else { return nil }
        if let d = value.doubleValue { return d }
        if let s = value["decimal"]?.stringValue { return Double(s) }
        return nil
    }
    /// A number from a rule's parameter (number, or text such as "1190.00").
    package static func parameterNumber(_ value: JSONValue?) -> Double? {
        guard let value else { return nil }
        if let d = value.doubleValue { return d }
        if let s = value.stringValue { return Double(s.replacingOccurrences(of: ",", with: ".")) }
        if let a = value["amount"] { return parameterNumber(a) }
        return number(value)
    }
}
