import Foundation
import Testing
@testable import Daemon
@testable import LibEtpan

@Suite("sources.imap configuration")
struct IMAPConfigurationTests {
    func parse(_ imap: String) throws -> MailroomConfig {
        try MailroomConfig.parse(yaml: "sources:\n  imap:\n" + imap, file: "/etc/mailroom/mailroom.yaml", baseDirectory: "/etc/mailroom")
    }

    func problem(_ imap: String) -> String {
        do {
            _ = try parse(imap)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("a full account reads back with defaults, resolved paths and source names")
    func fullAccount() throws {
        let config = try parse("""
                - name: office
                  host: mail.example.com
                  user: office@example.com
                  password_file: secrets/imap
                  folders: [INBOX, Orders]
                  on_stored: {keyword: Mailroom, move_to: Processed}
                  silence_window: 6h
                  pinned_sha256: "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"

            """)
        let a = try #require(config.sources.imap.first)
        #expect(a.port == 993)
        #expect(a.tls == .implicit)
        #expect(a.passwordFile == "/etc/mailroom/secrets/imap")
        #expect(a.onStored == .init(flagSeen: true, keyword: "Mailroom", moveTo: "Processed", leave: false))
        #expect(a.silenceWindowSeconds.map { Int($0) } == 21_600)
        #expect(config.sourceNames == ["imap:office/INBOX", "imap:office/Orders"])
        #expect(a.keepaliveSeconds <= 1500)
    }

    @Test("plaintext needs an explicit opt-in, and a second one beyond loopback")
    func plaintext() throws {
        let base = """
                - name: local
                  host: HOST
                  tls: plaintext
                  user: u
                  password_env: P

            """
        #expect(problem(base.replacingOccurrences(of: "HOST", with: "127.0.0.1")).contains("allow_plaintext: true"))
        let optedIn = base.replacingOccurrences(of: "HOST", with: "127.0.0.1") + "      allow_plaintext: true\n"
        #expect(try parse(optedIn).sources.imap.first?.port == 143)
        let remote = base.replacingOccurrences(of: "HOST", with: "mail.example.com") + "      allow_plaintext: true\n"
        #expect(problem(remote).contains("only allowed to a loopback address"))
        #expect(try parse(remote + "      allow_plaintext_beyond_loopback: true\n").sources.imap.count == 1)
    }

    @Test("mistakes are reported with the place and what to do")
    func mistakes() {
        let noSecret = problem("""
                - name: a
                  host: h
                  user: u

            """)
        #expect(noSecret.contains("exactly one of password_env, password_file or xoauth2"), "\(noSecret)")
        let typo = problem("""
                - name: a
                  host: h
                  user: u
                  password_env: P
                  on_stored: {flag_sen: true}

            """)
        #expect(typo.contains("did you mean 'flag_seen'"), "\(typo)")
        #expect(typo.contains("/etc/mailroom/mailroom.yaml:"), "\(typo)")
        let badTLS = problem("""
                - name: a
                  host: h
                  user: u
                  password_env: P
                  tls: startls

            """)
        #expect(badTLS.contains("did you mean 'starttls'"), "\(badTLS)")
        let leaveAndMove = problem("""
                - name: a
                  host: h
                  user: u
                  password_env: P
                  on_stored: {leave: true, move_to: Done}

            """)
        #expect(leaveAndMove.contains("left untouched"), "\(leaveAndMove)")
        let fastAuth = problem("""
                - name: a
                  host: h
                  user: u
                  password_env: P
                  auth_retry_seconds: 1

            """)
        #expect(fastAuth.contains("lock the account"), "\(fastAuth)")
        let endpoint = problem("""
                - name: a
                  host: h
                  user: u
                  xoauth2: {token_endpoint: "https://login.example.com/token"}

            """)
        #expect(endpoint.contains("needs client_id"), "\(endpoint)")
        let twice = problem("""
                - name: a
                  host: h
                  user: u
                  password_env: P
                - name: a
                  host: h2
                  user: u
                  password_env: P

            """)
        #expect(twice.contains("a second IMAP account is named 'a'"), "\(twice)")
    }

    @Test("folder names are sent in modified UTF-7")
    func modifiedUTF7() {
        #expect(ModifiedUTF7.encode("INBOX") == "INBOX")
        #expect(ModifiedUTF7.encode("R&D") == "R&-D")
        #expect(ModifiedUTF7.encode("Entwürfe") == "Entw&APw-rfe")
        #expect(ModifiedUTF7.encode("台北") == "&U,BTFw-")
    }
}
