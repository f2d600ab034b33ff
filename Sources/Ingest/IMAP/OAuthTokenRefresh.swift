import Foundation
import LibEtpan
import CurlTransport

/// Fetches an XOAUTH2 access token from an OAuth token endpoint with a refresh token (RFC 6749 section 6),
/// over the project's HTTP client (libcurl, TLS verified). A token is reused until a minute before it expires,
/// so reconnects do not hammer the endpoint.
///
/// Called on the IMAP connection's own thread (libetpan is blocking), which waits for the HTTP exchange.
package enum OAuthTokenRefresh {
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var tokens: [String: (token: String, validUntil: Date)] = [:]
    }
    private static let cache = Cache()

    package static func accessToken(account: IMAPAccountSettings,
                            environment: [String: String]) throws(IMAPProtocolError) -> String {
        let operation = "refresh the XOAUTH2 token of IMAP account \(account.name)"
        func refused(_ detail: String) -> IMAPProtocolError {
            IMAPProtocolError(kind: .authentication, operation: operation, detail: detail)
        }
        guard let oauth = account.xoauth2, let endpoint = oauth.tokenEndpoint, let url = URL(string: endpoint),
              let host = url.host else {
            throw refused("xoauth2.token_endpoint is not a usable URL")
        }
        guard let refreshFile = oauth.refreshTokenFile else {
            throw refused("xoauth2.refresh_token_file is not set (the file holding the refresh token)")
        }
        let refreshToken = try IMAPLogin.firstLine(of: refreshFile, what: "xoauth2.refresh_token_file", operation: operation)
        let cacheKey = "\(account.name)\u{1F}\(endpoint)\u{1F}\(refreshToken)"
        cache.lock.lock()
        if let hit = cache.tokens[cacheKey], hit.validUntil > Date() {
            cache.lock.unlock()
            return hit.token
        }
        cache.lock.unlock()

        var form: [(String, String)] = [("grant_type", "refresh_token"), ("refresh_token", refreshToken)]
        if let clientID = oauth.clientID { form.append(("client_id", clientID)) }
        if let variable = oauth.clientSecretEnv {
            guard let secret = environment[variable], !secret.isEmpty else {
                throw refused("the environment variable \(variable) (xoauth2.client_secret_env) is not set or empty")
            }
            form.append(("client_secret", secret))
        }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = form.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        let request = HTTPRequest(method: "POST", url: url,
                                  headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
                                  body: Data(body.utf8), timeoutSeconds: 30)
        let response: HTTPResponse
        switch waitFor(request, allowedHost: host) {
        case .success(let r): response = r
        case .failure(let error): throw refused("the token endpoint \(host) could not be reached: \(error)")
        }
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard response.status == 200, let token = object?["access_token"] as? String, !token.isEmpty else {
            let error = object?["error"] as? String ?? "HTTP \(response.status)"
            let description = (object?["error_description"] as? String).map { ": \($0)" } ?? ""
            throw refused("the token endpoint \(host) refused the refresh token (\(error)\(description)); "
                + "renew the refresh token in \(refreshFile)")
        }
        let lifetime = (object?["expires_in"] as? Double) ?? (object?["expires_in"] as? Int).map(Double.init) ?? 300
        cache.lock.lock()
        cache.tokens[cacheKey] = (token, Date().addingTimeInterval(max(0, lifetime - 60)))
        cache.lock.unlock()
        return token
    }

    /// Runs the async HTTP exchange and waits for it on this (dedicated, non-pool) thread.
    private static func waitFor(_ request: HTTPRequest, allowedHost: String) -> Result<HTTPResponse, HTTPError> {
        final class Box: @unchecked Sendable { var result: Result<HTTPResponse, HTTPError> = .failure(.transport("no answer")) }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do throws(HTTPError) {
                box.result = .success(try await HTTPClient(allowedHosts: [allowedHost]).send(request))
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return box.result
    }
}
