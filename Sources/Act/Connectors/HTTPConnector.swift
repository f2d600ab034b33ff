import Crypto
import Foundation
import Vocabulary
import Decide
import CurlTransport

/// `type: http` — webhooks and REST APIs.
///
/// Connector file keys: `base_url` (required), `allowed_hosts`, `timeout_seconds`, `rate_limit_per_second`,
/// `headers` (fixed headers), `token_env|token_file` (sent as `Authorization: Bearer …`),
/// `signing_secret_env|signing_secret_file` + `signature_header` (default `X-Signature`; value
/// `sha256=<hex HMAC-SHA256 of the body>`), `lookup_url` (a URL template with `{idempotency_key}`: GET
/// answers 200 with the earlier result or 404 — without it, the `Idempotency-Key` header is the contract).
///
/// Action `request` parameters (rendered by Decide): `method` (default POST), `url` (absolute) or `path`
/// (relative to base_url), `headers` (object), `body` (any JSON, sent as application/json), `capture`
/// (object: name → JSON pointer into the response, e.g. `{"ticket_id": "/id"}`).
public struct HTTPConnector: Connector {
    public let name: String
    public var type: String { "http" }
    public let baseURL: URL
    public let transport: ConnectorTransport
    public let fixedHeaders: [(String, String)]
    package let token: String?
    package let signingSecret: String?
    public let signatureHeader: String
    public let lookupURLTemplate: String?

    public var actions: [ConnectorActionSpec] {
        [ConnectorActionSpec(name: "request", requiredParameters: [],
                             optionalParameters: ["method", "url", "path", "headers", "body", "capture"],
                             summary: "send one HTTP request (JSON body, Idempotency-Key, optional HMAC signature) and capture response values")]
    }

    public init(name: String, baseURL: URL, transport: ConnectorTransport, headers: [(String, String)] = [],
                token: String? = nil, signingSecret: String? = nil, signatureHeader: String = "X-Signature",
                lookupURLTemplate: String? = nil) {
        self.name = name
        self.baseURL = baseURL
        self.transport = transport
        self.fixedHeaders = headers
        self.token = token
        self.signingSecret = signingSecret
        self.signatureHeader = signatureHeader
        self.lookupURLTemplate = lookupURLTemplate
    }

    package static func read(name: String, from reader: inout ConnectorFileReader) -> HTTPConnector? {
        let base = reader.url("base_url", required: true, example: "https://hooks.example.com/mailroom")
        let transport = reader.transportSettings(defaultHost: base?.host)
        let headers = reader.stringMap("headers")
        let token = reader.secret("token", required: false)
        let signing = reader.secret("signing_secret", required: false)
        let signatureHeader = reader.string("signature_header") ?? "X-Signature"
        let lookup = reader.string("lookup_url")
        if let lookup, !lookup.contains("{idempotency_key}") {
            reader.problem(reader.node("lookup_url"), "`lookup_url` must contain {idempotency_key}")
        }
        guard let base else { return nil }
        return HTTPConnector(name: name, baseURL: base, transport: transport, headers: headers, token: token,
                             signingSecret: signing, signatureHeader: signatureHeader, lookupURLTemplate: lookup)
    }

    /// The HMAC-SHA256 signature header value for a body.
    public static func signature(body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    public func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        guard action.action.action == "request" else {
            throw ConnectorError.permanent("connector \(name) has no action '\(action.action.action)' (it offers: request)")
        }
        let p = action.action.parameters
        let method = (p["method"]?.stringValue ?? "POST").uppercased()
        let url = try targetURL(p)
        var headers = fixedHeaders
        for (k, v) in p["headers"]?.objectValue?.sorted(by: { $0.key < $1.key }) ?? [] {
            headers.append((k, v.stringValue ?? v.canonicalJSON))
        }
        var body: Data?
        if let b = p["body"], !b.isNull {
            body = Data(b.canonicalJSON.utf8)
            if !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                headers.append(("Content-Type", "application/json"))
            }
        }
        headers.append(("Idempotency-Key", action.idempotencyKey))
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        if let signingSecret { headers.append((signatureHeader, HTTPConnector.signature(body: body ?? Data(), secret: signingSecret))) }

        let request = HTTPRequest(method: method, url: url, headers: headers, body: body, timeoutSeconds: transport.timeoutSeconds)
        let audited = auditedRequest(request, parameters: p)
        let response = try await transport.send(request, describing: "\(name)")
        let answer = auditedResponse(response)
        try HTTPConnector.check(response, connector: name, method: method, url: request.redactedURL)
        let captured = try capture(p["capture"], from: response)
        return ConnectorResult(captured: captured, request: audited, response: answer)
    }

    public func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        guard let lookupURLTemplate else { return nil }
        let key = action.idempotencyKey.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? action.idempotencyKey
        guard let url = URL(string: lookupURLTemplate.replacingOccurrences(of: "{idempotency_key}", with: key),
                            relativeTo: baseURL)?.absoluteURL else {
            throw ConnectorError.permanent("\(name): lookup_url does not make a URL")
        }
        var headers = fixedHeaders
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        await transport.limiter.waitForTurn()
        let response: HTTPResponse
        do {
            response = try await transport.client.send(HTTPRequest(method: "GET", url: url, headers: headers,
                                                                   timeoutSeconds: transport.timeoutSeconds))
        } catch {
            throw ConnectorError.transient("\(name): looking up the earlier result failed: \(error)")
        }
        if response.status == 404 { return nil }
        try HTTPConnector.check(response, connector: name, method: "GET", url: HTTPRequest.redacted(url))
        let captured = try capture(action.action.parameters["capture"], from: response)
        return ConnectorResult(captured: captured, request: ["method": "GET", "url": .string(HTTPRequest.redacted(url))],
                               response: auditedResponse(response), foundEarlierResult: true)
    }

    package func targetURL(_ p: [String: JSONValue]) throws -> URL {
        if let u = p["url"]?.stringValue {
            guard let url = URL(string: u), let scheme = url.scheme?.lowercased() else {
                throw ConnectorError.permanent("\(name): `url` '\(u)' is not an absolute URL")
            }
            // The connector's token and signature go with every request: never over a weaker scheme than base_url's.
            if scheme != "https", baseURL.scheme?.lowercased() == "https" || !HostName.isLoopback(url.host ?? "") && scheme != baseURL.scheme?.lowercased() {
                throw ConnectorError.permanent("\(name): `url` '\(HTTPRequest.redacted(url))' is not https:// while base_url is \(baseURL.scheme ?? "?")://; the connector's credentials are not sent over it")
            }
            return url
        }
        let path = p["path"]?.stringValue ?? ""
        if path.isEmpty { return baseURL }
        var base = baseURL.absoluteString
        if base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base + (path.hasPrefix("/") ? path : "/" + path)) else {
            throw ConnectorError.permanent("\(name): `path` '\(path)' does not make a URL")
        }
        return url
    }

    /// 2xx passes; 429/503 (and 408, 502, 504, other 5xx) are transient, honouring Retry-After; other 4xx permanent.
    package static func check(_ response: HTTPResponse, connector: String, method: String, url: String) throws {
        let status = response.status
        if (200..<300).contains(status) { return }
        let excerpt = String(decoding: response.body.prefix(300), as: UTF8.self)
        let message = "\(connector): \(method) \(url) answered \(status): \(excerpt)"
        if status == 429 || status >= 500 || status == 408 {
            throw ConnectorError.transient(message, retryAfter: response.header("Retry-After").flatMap(retryAfterSeconds))
        }
        throw ConnectorError.permanent(message)
    }

    /// Retry-After as seconds, or as an HTTP date.
    package static func retryAfterSeconds(_ value: String) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v) { return max(0, s) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let d = f.date(from: v) { return max(0, d.timeIntervalSinceNow) }
        return nil
    }

    package func capture(_ spec: JSONValue?, from response: HTTPResponse) throws -> [String: JSONValue] {
        var captured: [String: JSONValue] = ["status": .int(Int64(response.status))]
        guard let spec = spec?.objectValue, !spec.isEmpty else { return captured }
        guard let document = try? JSONValue.parse(response.body) else {
            throw ConnectorError.permanent("\(name): the response is not JSON, so nothing can be captured from it")
        }
        for (key, pointer) in spec {
            guard let p = pointer.stringValue, let value = HTTPConnector.resolve(pointer: p, in: document) else {
                throw ConnectorError.permanent("\(name): the response has nothing at \(pointer.stringValue ?? "?") (capture '\(key)')")
            }
            captured[key] = value
        }
        return captured
    }

    /// RFC 6901 JSON pointer ("/data/0/id"); a leading "$." path ("$.data.id") is accepted too.
    public static func resolve(pointer: String, in document: JSONValue) -> JSONValue? {
        var tokens: [String]
        if pointer.hasPrefix("$") {
            tokens = pointer.dropFirst().split(separator: ".").map(String.init)
        } else {
            if pointer.isEmpty { return document }
            guard pointer.hasPrefix("/") else { return nil }
            tokens = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
        }
        var current = document
        for token in tokens {
            if let o = current.objectValue, let next = o[token] { current = next; continue }
            if let a = current.arrayValue, let i = Int(token), a.indices.contains(i) { current = a[i]; continue }
            return nil
        }
        return current
    }

    /// The request as the audit keeps it: secrets masked.
    package func auditedRequest(_ request: HTTPRequest, parameters: [String: JSONValue]) -> JSONValue {
        let secrets = [token, signingSecret].compactMap { $0 }
        var headers: [String: JSONValue] = [:]
        for (k, v) in request.headers {
            let lower = k.lowercased()
            let sensitive = lower == "authorization" || lower == signatureHeader.lowercased() || lower.contains("key") && lower != "idempotency-key"
                || lower.contains("token") || lower.contains("secret") || secrets.contains { v.contains($0) }
            headers[k] = .string(sensitive ? "***" : v)
        }
        return ["method": .string(request.method), "url": .string(request.redactedURL), "headers": .object(headers),
                "body": parameters["body"] ?? .null]
    }

    package func auditedResponse(_ response: HTTPResponse) -> JSONValue {
        let text = String(decoding: response.body.prefix(2000), as: UTF8.self)
        let body: JSONValue = (try? JSONValue.parse(response.body)).map { response.body.count <= 2000 ? $0 : .string(text) } ?? .string(text)
        return ["status": .int(Int64(response.status)), "body": body]
    }
}
