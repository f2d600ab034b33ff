import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// TEMPORARY placeholder for the `connectors` branch's Transport/HTTPClient.swift (CONTRACTS.md, "HTTP over
// libcurl"): same public names, implemented over Foundation's URLSession so the gateway can be built and tested
// before that branch is merged. Deleted when `git merge main` brings the real libcurl client.

public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(String, String)]
    public var body: Data?
    public var timeoutSeconds: Double
    public init(method: String, url: URL, headers: [(String, String)] = [], body: Data? = nil, timeoutSeconds: Double = 30) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutSeconds = timeoutSeconds
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data
    public init(status: Int, headers: [(String, String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

public enum HTTPError: Error, Sendable {
    case refusedHost(String), timeout(String), transport(String), tls(String)
}

public final class HTTPClient: Sendable {
    let allowedHosts: [String]?
    public init(allowedHosts: [String]? = nil) { self.allowedHosts = allowedHosts }

    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        if let allowedHosts, !allowedHosts.contains(request.url.host ?? "") {
            throw .refusedHost(request.url.host ?? "")
        }
        var r = URLRequest(url: request.url)
        r.httpMethod = request.method
        r.timeoutInterval = request.timeoutSeconds
        for (name, value) in request.headers { r.addValue(value, forHTTPHeaderField: name) }
        r.httpBody = request.body
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = request.timeoutSeconds
        configuration.timeoutIntervalForResource = request.timeoutSeconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (data, response) = try await session.data(for: r)
            guard let http = response as? HTTPURLResponse else { throw HTTPError.transport("no HTTP response") }
            let headers = http.allHeaderFields.map { ("\($0.key)", "\($0.value)") }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let error as HTTPError {
            throw error
        } catch let error as URLError where error.code == .timedOut {
            throw .timeout("\(request.url.host ?? ""): no answer within \(request.timeoutSeconds) s")
        } catch {
            throw .transport("\(error)")
        }
    }
}
