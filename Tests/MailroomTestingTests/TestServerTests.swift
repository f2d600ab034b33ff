import Foundation
import Testing
import MailroomTesting

/// A server whose software is never there: what the skip rule does with it.
private final class AbsentServer: TestServer, @unchecked Sendable {
    static let name = "absent-server"
    static func prepare() -> String? { "absent-server is not installed\nsecond line of the installer's output" }
    let port = 0
    var logFile: String? { nil }
    init() throws { try Self.requireAvailable() }
    func stop() {}
}

@Suite("MailroomTesting: one TestServer shape, ports never guessed", .serverLogsOnFailure)
struct TestServerTests {
    @Test func aFreePortCanBeBoundAgain() throws {
        let ports = try FreePort.allocate(3)
        #expect(Set(ports).count == 3)
        for port in ports { #expect(port > 0 && port < 65536) }
    }

    @Test func aStartThatFindsItsPortTakenIsRetriedOnAFreshPort() throws {
        var tried: [[Int]] = []
        let port = try FreePort.withFreePorts(2) { ports in
            tried.append(ports)
            if tried.count < 3 { throw TestServerError(message: "dovecot: bind(127.0.0.1, \(ports[0])) failed: Address already in use") }
            return ports[0]
        }
        #expect(tried.count == 3)
        #expect(port == tried[2][0])
    }

    @Test func otherStartFailuresAreNotRetried() {
        var attempts = 0
        #expect(throws: TestServerError.self) {
            try FreePort.withFreePorts { _ -> Int in
                attempts += 1
                throw TestServerError(message: "trytond: no such database")
            }
        }
        #expect(attempts == 1)
    }

    @Test func anUnavailableServerHasAOneLineReasonAndThrowsOutsideATest() async {
        #expect(AbsentServer.unavailableReason == "absent-server is not installed | second line of the installer's output")
        // Outside a running test (a detached task has no current test) the skip rule cannot cancel: it throws.
        let outside = await Task.detached { () -> String? in
            do { _ = try AbsentServer(); return nil } catch { return "\(error)" }
        }.value
        #expect(outside?.hasPrefix("absent-server is not available here, test skipped: absent-server is not installed") == true)
    }

    @Test func aServerStartsOnThePortItReportsAndItsLogIsKept() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        #expect(server.port > 0)
        #expect(FreePort.accepts(server.port))
        #expect(server.logFile.map { FileManager.default.fileExists(atPath: $0) } == true)
    }
}

/// The skip rule inside a test: this test is skipped (cancelled) with the one-line reason, never failed.
@Suite("MailroomTesting: the skip rule")
struct SkipRuleTests {
    @Test func aTestNeedingAnAbsentServerIsSkipped() throws {
        _ = try AbsentServer()
        Issue.record("not reached: the test is cancelled before")
    }
}
