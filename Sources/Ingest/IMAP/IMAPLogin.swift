import Foundation
import Vocabulary
import LibEtpan

/// Opens an authenticated IMAP session for an account: connect, verify TLS, authenticate, refresh
/// capabilities. Blocking: call it on the connection's own thread.
package struct IMAPLogin: Sendable {
    package let account: IMAPAccountSettings
    package let environment: [String: String]

    package init(account: IMAPAccountSettings, environment: [String: String]) {
        self.account = account
        self.environment = environment
    }

    package func open() throws(IMAPProtocolError) -> IMAPSession {
        let session = IMAPSession(host: account.host, port: UInt16(account.port),
                                  timeoutSeconds: Int(account.timeoutSeconds.rounded(.up)))
        let transport: IMAPSession.Transport
        switch account.tls {
        case .implicit: transport = .implicitTLS
        case .starttls: transport = .startTLS
        case .plaintext: transport = .plaintext
        }
        let chain = try session.connect(transport)
        if transport != .plaintext {
            try ServerCertificateCheck.verify(chain: chain, host: account.host, port: account.port,
                                              pinnedSHA256: account.pinnedSHA256)
        }
        switch try secret() {
        case .password(let password):
            try session.login(user: account.user, password: password)
        case .accessToken(let token):
            try session.authenticateXOAUTH2(user: account.user, accessToken: token)
        }
        try session.capabilities()
        return session
    }

    package enum Secret { case password(String), accessToken(String) }

    /// Reads the secret afresh on every connection, so a rotated password file or token is picked up.
    package func secret() throws(IMAPProtocolError) -> Secret {
        let operation = "read the secret of IMAP account \(account.name)"
        if let variable = account.passwordEnv {
            guard let value = environment[variable], !value.isEmpty else {
                throw IMAPProtocolError(kind: .authentication, operation: operation,
                                        detail: "the environment variable \(variable) (password_env) is not set or empty")
            }
            return .password(value)
        }
        if let file = account.passwordFile {
            return .password(try IMAPLogin.firstLine(of: file, what: "password_file", operation: operation))
        }
        if let oauth = account.xoauth2 {
            if let file = oauth.tokenFile {
                return .accessToken(try IMAPLogin.firstLine(of: file, what: "xoauth2.token_file", operation: operation))
            }
            if let command = oauth.tokenCommand {
                return .accessToken(try IMAPLogin.runTokenCommand(command, timeoutSeconds: 30, operation: operation))
            }
            if oauth.tokenEndpoint != nil {
                return .accessToken(try OAuthTokenRefresh.accessToken(account: account, environment: environment))
            }
        }
        throw IMAPProtocolError(kind: .authentication, operation: operation, detail: "no password or token is configured")
    }

    package static func firstLine(of file: String, what: String, operation: String) throws(IMAPProtocolError) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw IMAPProtocolError(kind: .authentication, operation: operation,
                                    detail: "cannot read \(what) \(file): \(FileProblem.describe(error))")
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init)?
            .trimmingCharacters(in: .whitespaces) ?? ""
        guard !line.isEmpty else {
            throw IMAPProtocolError(kind: .authentication, operation: operation, detail: "\(what) \(file) is empty")
        }
        return line
    }

    /// Runs `/bin/sh -c COMMAND` (the operator's own command from the configuration, in the daemon's
    /// environment); its first line of output is the access token.
    package static func runTokenCommand(_ command: String, timeoutSeconds: Double, operation: String) throws(IMAPProtocolError) -> String {
        let run = Subprocess("/bin/sh", arguments: ["-c", command], environment: ProcessInfo.processInfo.environment,
                             limits: Subprocess.Limits(seconds: timeoutSeconds, memoryBytes: 1 << 30))
        let outcome: Subprocess.Outcome
        do {
            outcome = try run.run()
        } catch {
            throw IMAPProtocolError(kind: .authentication, operation: operation,
                                    detail: "cannot start xoauth2.token_command: \(error)")
        }
        if outcome.timedOut {
            throw IMAPProtocolError(kind: .authentication, operation: operation,
                                    detail: "xoauth2.token_command did not finish within \(Int(timeoutSeconds)) s")
        }
        let stderrText = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        guard outcome.succeeded else {
            throw IMAPProtocolError(kind: .authentication, operation: operation,
                                    detail: "xoauth2.token_command "
                                        + (outcome.signalled ? "was ended by signal \(outcome.status)" : "exited with status \(outcome.status)")
                                        + (stderrText.isEmpty ? "" : ": \(stderrText.prefix(300))"))
        }
        let printed = outcome.stdout
        let token = String(decoding: printed, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard !token.isEmpty else {
            throw IMAPProtocolError(kind: .authentication, operation: operation, detail: "xoauth2.token_command printed no token")
        }
        return token
    }
}
