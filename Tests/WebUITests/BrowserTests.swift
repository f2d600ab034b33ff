import Foundation
import Testing
import MailroomTesting

/// The web UI in headless Chromium, served by the real `mailroom run` over the demo mail.
///
/// Disabled: on this machine the test stalls right after chromedriver answered the new-session command (the
/// next command never shows in chromedriver's log, and the test process spins); not yet understood. The same
/// steps pass by hand with curl against `mailroom run` (login, overview with the 37 demo mails, logout).
@Suite(.serialized, .serverLogsOnFailure)
struct BrowserTests {
    static let password = "a long enough password"

    /// `mailroom run` with `web:` on a free port (a fresh port when the one got was taken meanwhile); its port.
    static func startDaemon(in directory: URL) async throws -> (MailroomProcess, Int) {
        for _ in 1...4 {
            let port = try FreePort.allocate()
            try """
                store:
                  path: state/mailroom.sqlite
                spool:
                  path: state/spool
                sources:
                  maildir:
                    - name: inbox
                      path: Maildir
                      poll_seconds: 1
                web:
                  listen: 127.0.0.1:\(port)
                log:
                  level: info
                """.write(to: directory.appendingPathComponent("mailroom.yaml"), atomically: true, encoding: .utf8)
            let daemon = try MailroomProcess.start(["run", "--config", "mailroom.yaml"], in: directory.path)
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                if FreePort.accepts(port), daemon.process.isRunning { return (daemon, port) }
                if !daemon.process.isRunning { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            if daemon.process.isRunning {
                daemon.signal(SIGKILL)
                throw TestServerError(message: "mailroom run did not listen on \(port) within 60 s: \(daemon.stderr)")
            }
            guard daemon.stderr.contains("already in use") else {
                throw TestServerError(message: "mailroom run stopped: \(daemon.stderr)")
            }
        }
        throw TestServerError(message: "no free port for the web UI after 4 attempts")
    }

    @Test func aReviewerLogsInSeesTheDemoMailAndLogsOut() async throws {
        try #require(MailroomProcess.isBuilt, "build mailroom first")
        let driver = try ChromeDriverServer()
        defer { driver.stop() }
        let scratch = try StoreScratch.directory("web-browser")
        defer { StoreScratch.remove(scratch) }
        try FileManager.default.copyItem(at: MailroomProcess.root.appendingPathComponent("demo/Maildir"),
                                         to: scratch.appendingPathComponent("Maildir"))
        let demoCount = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("Maildir/new").path).count

        let (daemon, port) = try await Self.startDaemon(in: scratch)
        defer {
            daemon.signal(SIGTERM)
            for _ in 0..<1500 where daemon.process.isRunning { usleep(20_000) }
            if daemon.process.isRunning { daemon.signal(SIGKILL) }
        }
        let added = try await MailroomProcess.run(
            ["-c", "printf '%s\\n' \"$0\" | \"$1\" user add --config mailroom.yaml rita --role reviewer --password-stdin",
             Self.password, MailroomProcess.binary], in: scratch.path, program: "/bin/sh")
        #expect(added.status == 0, "\(added.stderr)")

        let browser = try await BrowserSession(driver: driver)
        let site = "http://127.0.0.1:\(port)"
        do {
            try await browser.navigate(site + "/")
            try await browser.waitFor("the login page") { try await browser.currentURL().contains("/login") }
            try await browser.saveScreenshot("login")

            try await browser.type("rita", into: "#login")
            try await browser.type("not the password", into: "#password")
            try await browser.click("#login-button")
            try await browser.waitFor("the refusal") { try await browser.text("#login-message").contains("Wrong login or password") }

            try await browser.type("rita", into: "#login")
            try await browser.type(Self.password, into: "#password")
            try await browser.click("#login-button")
            try await browser.waitFor("the overview") { try await browser.text("#current-user") == "rita" }
            // The daemon takes the demo mail in while we look: reload until all of it is counted.
            try await browser.waitFor("\(demoCount) demo mails counted today", timeout: .seconds(120)) {
                try await browser.navigate(site + "/")
                return try await browser.text("#today-total") == "\(demoCount)"
            }
            #expect(try await browser.title().contains("Overview"))
            #expect(try await browser.text("#audit-status") == "verified")
            try await browser.saveScreenshot("overview")

            try await browser.click("#logout")
            try await browser.waitFor("the logged-out login page") { try await browser.currentURL().hasSuffix("/login?out=1") }
            try await browser.navigate(site + "/")
            try await browser.waitFor("the login page again") { try await browser.currentURL().contains("/login?next=") }
        } catch {
            try? await browser.saveScreenshot("failure")
            await browser.close()
            throw error
        }
        await browser.close()
    }
}
