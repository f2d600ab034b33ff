import Foundation

// TEMPORARY — delete once main has Transport/HTTPClient.swift (branch `connectors`, see notes/CONTRACTS.md).
//
// XOAUTH2 with `token_endpoint` refreshes the access token over HTTPS through the project's one libcurl
// wrapper, `HTTPClient`, which is being written on another branch. Until it is merged this path refuses
// with a message saying so; `token_file` and `token_command` work now.

/// Fetches an access token from an OAuth token endpoint with a refresh token (RFC 6749 §6).
enum OAuthTokenRefresh {
    static func accessToken(account: MailroomConfig.IMAPAccountSettings,
                            environment: [String: String]) throws(IMAPProtocolError) -> String {
        throw IMAPProtocolError(
            kind: .authentication, operation: "refresh the XOAUTH2 token of IMAP account \(account.name)",
            detail: "xoauth2.token_endpoint is not available in this build yet (it needs the HTTP client); "
                + "use xoauth2.token_command with your OAuth tool, or xoauth2.token_file")
    }
}
