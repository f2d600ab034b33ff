import Foundation
import Testing
@testable import Vocabulary
@testable import CurlTransport
import MailroomTesting

@Suite("HTTPClient over libcurl", .serverLogsOnFailure)
struct HTTPClientTests {
    @Test("status, body and response headers come back as sent")
    func statusAndHeaders() async throws {
        let server = try LocalHTTPServer()
        let client = HTTPClient()
        let response = try await client.send(HTTPRequest(url: server.url("/status/418")))
        #expect(response.status == 418)
        #expect(response.header("x-test") == "yes")
        #expect(response.header("X-TEST") == "yes")
        #expect(String(decoding: response.body, as: UTF8.self) == "status 418")

        let ok = try await client.send(HTTPRequest(url: server.url("/echo")))
        #expect(ok.status == 200)
        #expect(ok.headers.filter { $0.0.lowercased() == "set-cookie" }.map(\.1) == ["a=1", "b=2"])
    }

    @Test("methods, request headers and bodies reach the server unchanged")
    func methodsHeadersBodies() async throws {
        let server = try LocalHTTPServer()
        let client = HTTPClient(allowedHosts: ["127.0.0.1"])
        let body = Data(#"{"name":"Zoë","qty":3}"#.utf8)
        for method in ["POST", "PUT", "PATCH"] {
            let response = try await client.send(HTTPRequest(
                method: method, url: server.url("/echo?a=1"),
                headers: [("Content-Type", "application/json"), ("X-Custom", "value with spaces")], body: body))
            let echo = try JSONValue.parse(response.body)
            #expect(echo["method"]?.stringValue == method)
            #expect(echo["body"]?.stringValue == #"{"name":"Zoë","qty":3}"#)
            #expect(echo["headers"]?["x-custom"]?.stringValue == "value with spaces")
            #expect(echo["headers"]?["content-type"]?.stringValue == "application/json")
            #expect(echo["headers"]?["expect"] == nil)
            #expect(echo["query"]?["a"]?.stringValue == "1")
        }
        let delete = try await client.send(HTTPRequest(method: "DELETE", url: server.url("/echo")))
        #expect(try JSONValue.parse(delete.body)["method"]?.stringValue == "DELETE")
        let head = try await client.send(HTTPRequest(method: "HEAD", url: server.url("/status/204")))
        #expect(head.status == 204)
        #expect(head.body.isEmpty)
        let emptyPost = try await client.send(HTTPRequest(method: "POST", url: server.url("/echo")))
        #expect(try JSONValue.parse(emptyPost.body)["body"]?.stringValue == "")
    }

    @Test("a server slower than the timeout gives HTTPError.timeout, promptly")
    func timeout() async throws {
        let server = try LocalHTTPServer()
        let started = ContinuousClock.now
        do {
            _ = try await HTTPClient().send(HTTPRequest(url: server.url("/slow?seconds=5"), timeoutSeconds: 0.5))
            Issue.record("expected a timeout")
        } catch {
            guard case .timeout(let message) = error else { Issue.record("expected .timeout, got \(error)"); return }
            #expect(message.contains("/slow"))
            #expect(!message.contains("seconds=5"), "the query is not repeated in error messages")
        }
        #expect(ContinuousClock.now - started < .seconds(4))
    }

    @Test("a host outside allowedHosts is refused before anything is sent")
    func refusedHost() async throws {
        let server = try LocalHTTPServer()
        let client = HTTPClient(allowedHosts: ["erp.example.com", "*.hooks.example.org"])
        do {
            _ = try await client.send(HTTPRequest(url: server.url("/echo")))
            Issue.record("expected refusedHost")
        } catch {
            guard case .refusedHost(let message) = error else { Issue.record("expected .refusedHost, got \(error)"); return }
            #expect(message.contains("127.0.0.1"))
            #expect(message.contains("erp.example.com"))
        }
        #expect(client.allows(host: "ERP.example.com."))
        #expect(client.allows(host: "a.hooks.example.org"))
        #expect(!client.allows(host: "hooks.example.org.evil.com"))
        #expect(!client.allows(host: "evilhooks.example.org"))
        #expect(!HTTPClient(allowedHosts: []).allows(host: "127.0.0.1"))
        do {
            _ = try await HTTPClient().send(HTTPRequest(url: URL(string: "file:///etc/passwd")!))
            Issue.record("a file URL must be refused")
        } catch {
            guard case .refusedHost = error else { Issue.record("expected .refusedHost, got \(error)"); return }
        }
    }

    @Test("a closed port is a transport error")
    func connectionRefused() async throws {
        // Bind and close a socket to find a port nobody listens on.
        let port = try LocalHTTPServer().port  // the server is gone when its value is released
        try await Task.sleep(for: .milliseconds(200))
        do {
            _ = try await HTTPClient().send(HTTPRequest(url: URL(string: "http://127.0.0.1:\(port)/")!, timeoutSeconds: 5))
            Issue.record("expected a transport error")
        } catch {
            guard case .transport(let message) = error else { Issue.record("expected .transport, got \(error)"); return }
            #expect(message.lowercased().contains("connect"))
        }
    }

    @Test("header injection through a value with a line break is refused")
    func headerInjection() async throws {
        let server = try LocalHTTPServer()
        await #expect(throws: HTTPError.self) {
            _ = try await HTTPClient().send(HTTPRequest(url: server.url("/echo"),
                                                        headers: [("X-A", "ok\r\nX-Injected: 1")]))
        }
    }

    @Test("a self-signed certificate is a clear TLS error")
    func selfSignedCertificate() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mr-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                             "-keyout", key, "-out", cert]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl could not make a test certificate")
        let server = try LocalHTTPServer(arguments: ["--tls", cert, key], tls: true)
        do {
            _ = try await HTTPClient().send(HTTPRequest(url: server.url("/echo"), timeoutSeconds: 10))
            Issue.record("an unverifiable certificate must be refused")
        } catch {
            guard case .tls(let message) = error else { Issue.record("expected .tls, got \(error)"); return }
            #expect(message.contains("certificate"))
        }
    }

    @Test("many requests at once, each on its own thread")
    func concurrentRequests() async throws {
        let server = try LocalHTTPServer()
        let client = HTTPClient()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<12 {
                group.addTask {
                    try await client.send(HTTPRequest(url: server.url("/status/\(200 + i)"))).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.sorted() == Array(200..<212))
    }

    @Test("cancelling the task aborts a slow transfer")
    func cancellation() async throws {
        let server = try LocalHTTPServer()
        let started = ContinuousClock.now
        let task = Task {
            try await HTTPClient().send(HTTPRequest(url: server.url("/slow?seconds=8"), timeoutSeconds: 20))
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        #expect(throws: HTTPError.self) { try result.get() }
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
