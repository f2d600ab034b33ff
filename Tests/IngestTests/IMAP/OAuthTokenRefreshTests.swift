import Foundation
import Testing
@testable import Ingest
@testable import LibEtpan
import MailroomTesting

/// XOAUTH2 access tokens refreshed at an OAuth token endpoint (scripts/http-test-server.py's /oauth/token).
@Suite("XOAUTH2 token refresh at a token endpoint", .serverLogsOnFailure)
struct OAuthTokenRefreshTests {
    func account(_ server: LocalHTTPServer, refreshToken: String, name: String) throws -> IMAPAccountSettings {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mr-refresh-\(UUID().uuidString)")
        try (refreshToken + "\n").write(to: file, atomically: true, encoding: .utf8)
        return IMAPAccountSettings(
            name: name, host: "127.0.0.1", user: "mail@example.com",
            xoauth2: .init(tokenEndpoint: server.url("/oauth/token").absoluteString, clientID: "mailroom",
                           refreshTokenFile: file.path))
    }

    @Test func aGoodRefreshTokenGivesAnAccessTokenAndABadOneAClearError() async throws {
        let server = try LocalHTTPServer()
        let good = try account(server, refreshToken: "good-refresh", name: "good-\(UUID().uuidString)")
        let token = try await Task.detached { try OAuthTokenRefresh.accessToken(account: good, environment: [:]) }.value
        #expect(token == "access-for-mailroom")

        let bad = try account(server, refreshToken: "revoked", name: "bad-\(UUID().uuidString)")
        do {
            _ = try await Task.detached { try OAuthTokenRefresh.accessToken(account: bad, environment: [:]) }.value
            Issue.record("a revoked refresh token must be refused")
        } catch let error as IMAPProtocolError {
            #expect(error.kind == .authentication)
            #expect(error.description.contains("invalid_grant"), "\(error)")
            #expect(error.description.contains("renew the refresh token"), "\(error)")
        }
    }
}
