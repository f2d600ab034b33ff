import Foundation
import Vocabulary

/// One IMAP account under `sources.imap`. Each watched folder becomes the source
/// `imap:<name>/<folder>` in the store and the audit trail.
public struct IMAPAccountSettings: Sendable, Equatable, Codable {
    public enum TLSMode: String, Sendable, Equatable, Codable, CaseIterable {
        /// TLS from the first byte (IMAPS, port 993).
        case implicit
        /// Plain connection upgraded with STARTTLS before login (port 143); refused if the server does not offer it.
        case starttls
        /// No encryption at all: only with `allow_plaintext: true`, and only to a loopback address unless
        /// `allow_plaintext_beyond_loopback: true` too.
        case plaintext
    }

    /// What happens to a mail on the server once it is stored durably. Several may be combined
    /// (flag and keyword, then move); `leave: true` alone leaves the mail untouched.
    public struct OnStored: Sendable, Equatable, Codable {
        public var flagSeen: Bool
        public var keyword: String?
        public var moveTo: String?
        public var leave: Bool
        public init(flagSeen: Bool = true, keyword: String? = nil, moveTo: String? = nil, leave: Bool = false) {
            self.flagSeen = flagSeen
            self.keyword = keyword
            self.moveTo = moveTo
            self.leave = leave
        }
    }

    /// XOAUTH2: an access token read from a file, printed by a command, or refreshed at an OAuth token
    /// endpoint with a refresh token.
    public struct XOAuth2: Sendable, Equatable, Codable {
        public var tokenFile: String?
        public var tokenCommand: String?
        public var tokenEndpoint: String?
        public var clientID: String?
        public var clientSecretEnv: String?
        public var refreshTokenFile: String?
        public init(tokenFile: String? = nil, tokenCommand: String? = nil, tokenEndpoint: String? = nil,
                    clientID: String? = nil, clientSecretEnv: String? = nil, refreshTokenFile: String? = nil) {
            self.tokenFile = tokenFile
            self.tokenCommand = tokenCommand
            self.tokenEndpoint = tokenEndpoint
            self.clientID = clientID
            self.clientSecretEnv = clientSecretEnv
            self.refreshTokenFile = refreshTokenFile
        }
    }

    public var name: String
    public var host: String
    public var port: Int
    public var tls: TLSMode
    public var allowPlaintext: Bool
    public var allowPlaintextBeyondLoopback: Bool
    public var user: String
    /// The environment variable holding the password.
    public var passwordEnv: String?
    /// A file holding the password (first line; trailing newline ignored).
    public var passwordFile: String?
    public var xoauth2: XOAuth2?
    public var folders: [String]
    public var onStored: OnStored
    /// SHA-256 of the server's leaf certificate (DER): accept exactly that certificate instead of the
    /// system trust store. For private servers with self-signed certificates.
    public var pinnedSHA256: String?
    /// A connected folder with no new mail for longer than this is reported as suspicious. Nil: never.
    public var silenceWindowSeconds: Double?
    /// Between checks of a folder that cannot IDLE (no IDLE capability, or a third folder and beyond).
    public var pollSeconds: Double
    /// IDLE is ended and a NOOP sent at least this often (a keepalive that also proves the connection
    /// alive); at most 25 minutes.
    public var keepaliveSeconds: Double
    /// How long one network read or write may take.
    public var timeoutSeconds: Double
    /// The longest wait between reconnection attempts after network errors (backoff doubles up to it).
    public var reconnectMaxSeconds: Double
    /// The first wait after the server refused the credentials (then doubling, up to six hours).
    public var authRetrySeconds: Double
    /// Messages larger than this are fetched in pieces of this size and streamed to the spool.
    public var fetchChunkBytes: Int

    public init(name: String, host: String, port: Int? = nil, tls: TLSMode = .implicit,
                allowPlaintext: Bool = false, allowPlaintextBeyondLoopback: Bool = false, user: String,
                passwordEnv: String? = nil, passwordFile: String? = nil, xoauth2: XOAuth2? = nil,
                folders: [String] = ["INBOX"], onStored: OnStored = OnStored(), pinnedSHA256: String? = nil,
                silenceWindowSeconds: Double? = nil, pollSeconds: Double = 60, keepaliveSeconds: Double = 300,
                timeoutSeconds: Double = 30, reconnectMaxSeconds: Double = 300, authRetrySeconds: Double = 600,
                fetchChunkBytes: Int = 1 << 20) {
        self.name = name
        self.host = host
        self.port = port ?? (tls == .implicit ? 993 : 143)
        self.tls = tls
        self.allowPlaintext = allowPlaintext
        self.allowPlaintextBeyondLoopback = allowPlaintextBeyondLoopback
        self.user = user
        self.passwordEnv = passwordEnv
        self.passwordFile = passwordFile
        self.xoauth2 = xoauth2
        self.folders = folders
        self.onStored = onStored
        self.pinnedSHA256 = pinnedSHA256
        self.silenceWindowSeconds = silenceWindowSeconds
        self.pollSeconds = pollSeconds
        self.keepaliveSeconds = keepaliveSeconds
        self.timeoutSeconds = timeoutSeconds
        self.reconnectMaxSeconds = reconnectMaxSeconds
        self.authRetrySeconds = authRetrySeconds
        self.fetchChunkBytes = fetchChunkBytes
    }

    /// `imap:<account>/<folder>`, as the store records it.
    public func sourceName(folder: String) -> String { "imap:\(name)/\(folder)" }
    public var sourceNames: [String] { folders.map(sourceName(folder:)) }
}

extension IMAPAccountSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case name, host, port, tls, user, folders, xoauth2
        case allowPlaintext = "allow_plaintext", allowPlaintextBeyondLoopback = "allow_plaintext_beyond_loopback"
        case passwordEnv = "password_env", passwordFile = "password_file", onStored = "on_stored"
        case pinnedSHA256 = "pinned_sha256", silenceWindow = "silence_window", pollSeconds = "poll_seconds"
        case keepaliveSeconds = "keepalive_seconds", timeoutSeconds = "timeout_seconds"
        case reconnectMaxSeconds = "reconnect_max_seconds", authRetrySeconds = "auth_retry_seconds"
        case fetchChunkBytes = "fetch_chunk_bytes"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        try c.requireSourceName(name, .name)
        host = try c.decode(String.self, forKey: .host)
        try c.requireNonEmpty(host, .host)
        let tlsText = try c.decodeIfPresent(String.self, forKey: .tls) ?? "implicit"
        guard let mode = TLSMode(rawValue: tlsText) else {
            let names = TLSMode.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: tlsText, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw c.problem(.tls, "'\(tlsText)' is not one of: \(names.joined(separator: ", "))\(hint)")
        }
        tls = mode
        port = try c.decodeIfPresent(Int.self, forKey: .port) ?? (mode == .implicit ? 993 : 143)
        guard (1...65535).contains(port) else { throw c.problem(.port, "must be a TCP port between 1 and 65535") }
        allowPlaintext = try c.decodeIfPresent(Bool.self, forKey: .allowPlaintext) ?? false
        allowPlaintextBeyondLoopback = try c.decodeIfPresent(Bool.self, forKey: .allowPlaintextBeyondLoopback) ?? false
        if mode == .plaintext {
            guard allowPlaintext else {
                throw c.problem(.tls, "plaintext sends the password unencrypted; set allow_plaintext: true if you "
                    + "really mean it (for a server on this machine), or use implicit or starttls")
            }
            guard allowPlaintextBeyondLoopback || HostName.isLoopback(host) else {
                throw c.problem(.host, "plaintext IMAP is only allowed to a loopback address (127.0.0.1, ::1, "
                    + "localhost), not to '\(host)'; set allow_plaintext_beyond_loopback: true to override")
            }
        }
        user = try c.decode(String.self, forKey: .user)
        try c.requireNonEmpty(user, .user)
        passwordEnv = try c.decodeIfPresent(String.self, forKey: .passwordEnv)
        passwordFile = try c.decodeIfPresent(String.self, forKey: .passwordFile)
        xoauth2 = try c.decodeIfPresent(XOAuth2.self, forKey: .xoauth2)
        let secrets = [passwordEnv != nil, passwordFile != nil, xoauth2 != nil].filter { $0 }.count
        guard secrets == 1 else {
            let key: CodingKeys = passwordFile != nil ? .passwordFile : (xoauth2 != nil ? .xoauth2 : .passwordEnv)
            throw secrets == 0
                ? ConfigKeyProblem(path: decoder.codingPath, pointAtKey: false,
                                   message: "give exactly one of password_env, password_file or xoauth2 (secrets never go into this file)")
                : c.problem(key, "give only one of password_env, password_file or xoauth2")
        }
        folders = try c.decodeIfPresent([String].self, forKey: .folders) ?? ["INBOX"]
        guard !folders.isEmpty else { throw c.problem(.folders, "name at least one folder, e.g. [INBOX]") }
        if Set(folders).count != folders.count { throw c.problem(.folders, "a folder is listed twice") }
        for f in folders where f.trimmingCharacters(in: .whitespaces).isEmpty {
            throw c.problem(.folders, "a folder name must not be empty")
        }
        onStored = try c.decodeIfPresent(OnStored.self, forKey: .onStored) ?? OnStored()
        if let move = onStored.moveTo, folders.contains(move) {
            throw c.problem(.onStored, "move_to '\(move)' is also a watched folder; mail would be taken again from there")
        }
        pinnedSHA256 = try c.decodeIfPresent(String.self, forKey: .pinnedSHA256)
        if let pin = pinnedSHA256 {
            let hex = ServerCertificateCheck.normalisedFingerprint(pin)
            guard hex.count == 64 else {
                throw c.problem(.pinnedSHA256, "must be the 64-hex-digit SHA-256 of the server's certificate (DER), e.g. "
                    + "from `openssl s_client -connect HOST:993 </dev/null | openssl x509 -outform DER | sha256sum`")
            }
        }
        if c.contains(.silenceWindow) {
            silenceWindowSeconds = try IMAPAccountSettings.decodeDuration(c, .silenceWindow)
        } else {
            silenceWindowSeconds = nil
        }
        pollSeconds = try c.decodeIfPresent(Double.self, forKey: .pollSeconds) ?? 60
        try c.requirePositive(pollSeconds, .pollSeconds)
        keepaliveSeconds = try c.decodeIfPresent(Double.self, forKey: .keepaliveSeconds) ?? 300
        guard keepaliveSeconds >= 1, keepaliveSeconds <= 1500 else {
            throw c.problem(.keepaliveSeconds, "must be between 1 and 1500 seconds (servers may drop an IDLE older than 29 minutes)")
        }
        timeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? 30
        try c.requirePositive(timeoutSeconds, .timeoutSeconds)
        reconnectMaxSeconds = try c.decodeIfPresent(Double.self, forKey: .reconnectMaxSeconds) ?? 300
        try c.requirePositive(reconnectMaxSeconds, .reconnectMaxSeconds)
        authRetrySeconds = try c.decodeIfPresent(Double.self, forKey: .authRetrySeconds) ?? 600
        guard authRetrySeconds >= 10 else {
            throw c.problem(.authRetrySeconds, "must be at least 10 seconds: retrying refused credentials faster can lock the account")
        }
        fetchChunkBytes = try c.decodeIfPresent(Int.self, forKey: .fetchChunkBytes) ?? (1 << 20)
        guard fetchChunkBytes >= 4096, fetchChunkBytes <= 64 << 20 else {
            throw c.problem(.fetchChunkBytes, "must be between 4096 and 67108864 bytes")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(host, forKey: .host)
        try c.encode(port, forKey: .port)
        try c.encode(tls.rawValue, forKey: .tls)
        try c.encode(user, forKey: .user)
        try c.encode(folders, forKey: .folders)
        try c.encodeIfPresent(passwordEnv, forKey: .passwordEnv)
        try c.encodeIfPresent(passwordFile, forKey: .passwordFile)
        try c.encodeIfPresent(xoauth2, forKey: .xoauth2)
        try c.encode(onStored, forKey: .onStored)
        try c.encodeIfPresent(pinnedSHA256, forKey: .pinnedSHA256)
        try c.encodeIfPresent(silenceWindowSeconds, forKey: .silenceWindow)
    }

    /// `90`, `"90s"`, `"30m"`, `"6h"`, `"2d"`.
    package static func decodeDuration(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Double {
        if let seconds = try? c.decode(Double.self, forKey: key) {
            try c.requirePositive(seconds, key)
            return seconds
        }
        let text = try c.decode(String.self, forKey: key).trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        if let unit = text.last, let factor = units[unit], let value = Double(text.dropLast()), value > 0 {
            return value * factor
        }
        throw c.problem(key, "'\(text)' is not a duration; write seconds (3600) or a number with s, m, h or d (\"6h\")")
    }

    package mutating func resolvePaths(against base: String) {
        if let f = passwordFile { passwordFile = ConfigurationPaths.absolute(f, base: base) }
        if let f = xoauth2?.tokenFile { xoauth2?.tokenFile = ConfigurationPaths.absolute(f, base: base) }
        if let f = xoauth2?.refreshTokenFile { xoauth2?.refreshTokenFile = ConfigurationPaths.absolute(f, base: base) }
    }
}

extension IMAPAccountSettings.OnStored {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case flagSeen = "flag_seen", keyword, moveTo = "move_to", leave
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        leave = try c.decodeIfPresent(Bool.self, forKey: .leave) ?? false
        keyword = try c.decodeIfPresent(String.self, forKey: .keyword)
        moveTo = try c.decodeIfPresent(String.self, forKey: .moveTo)
        let explicitSeen = try c.decodeIfPresent(Bool.self, forKey: .flagSeen)
        flagSeen = explicitSeen ?? !leave
        if leave, explicitSeen == true || keyword != nil || moveTo != nil {
            throw c.problem(.leave, "leave: true means the mail is left untouched; remove flag_seen, keyword and move_to, or leave")
        }
        if let keyword {
            let forbidden = CharacterSet(charactersIn: "(){ %*\"\\]").union(.controlCharacters)
            guard !keyword.isEmpty, !keyword.hasPrefix("\\"), keyword.unicodeScalars.allSatisfy({ $0.isASCII && !forbidden.contains($0) }) else {
                throw c.problem(.keyword, "'\(keyword)' is not an IMAP keyword (ASCII, no spaces, no ( ) { % * \" \\ ], not starting with \\)")
            }
        }
        if let moveTo { try c.requireNonEmpty(moveTo, .moveTo) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(flagSeen, forKey: .flagSeen)
        try c.encodeIfPresent(keyword, forKey: .keyword)
        try c.encodeIfPresent(moveTo, forKey: .moveTo)
        try c.encode(leave, forKey: .leave)
    }
}

extension IMAPAccountSettings.XOAuth2 {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case tokenFile = "token_file", tokenCommand = "token_command", tokenEndpoint = "token_endpoint"
        case clientID = "client_id", clientSecretEnv = "client_secret_env", refreshTokenFile = "refresh_token_file"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        tokenFile = try c.decodeIfPresent(String.self, forKey: .tokenFile)
        tokenCommand = try c.decodeIfPresent(String.self, forKey: .tokenCommand)
        tokenEndpoint = try c.decodeIfPresent(String.self, forKey: .tokenEndpoint)
        clientID = try c.decodeIfPresent(String.self, forKey: .clientID)
        clientSecretEnv = try c.decodeIfPresent(String.self, forKey: .clientSecretEnv)
        refreshTokenFile = try c.decodeIfPresent(String.self, forKey: .refreshTokenFile)
        let ways = [tokenFile != nil, tokenCommand != nil, tokenEndpoint != nil].filter { $0 }.count
        guard ways == 1 else {
            throw ConfigKeyProblem(path: decoder.codingPath, pointAtKey: false,
                                   message: "give exactly one of token_file, token_command or token_endpoint (with client_id and refresh_token_file)")
        }
        if let endpoint = tokenEndpoint {
            guard let url = URL(string: endpoint), url.scheme == "https" || (url.scheme == "http" && HostName.isLoopback(url.host ?? "")) else {
                throw c.problem(.tokenEndpoint, "must be an https:// URL (http:// only to a loopback address)")
            }
            guard clientID != nil else { throw c.problem(.tokenEndpoint, "token_endpoint needs client_id") }
            guard refreshTokenFile != nil else { throw c.problem(.tokenEndpoint, "token_endpoint needs refresh_token_file") }
        } else if clientID != nil || refreshTokenFile != nil || clientSecretEnv != nil {
            throw c.problem(clientID != nil ? .clientID : (refreshTokenFile != nil ? .refreshTokenFile : .clientSecretEnv),
                            "only used with token_endpoint")
        }
    }
}
