internal import CCurl
import Foundation
import Vocabulary

/// One HTTP request, as connectors and the OAuth token refresh build it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// Sent in this order. A name or value containing CR or LF is refused (no header injection through templates).
    public var headers: [(String, String)]
    public var body: Data?
    /// The whole exchange (connect, send, receive) must finish within this time.
    public var timeoutSeconds: Double

    public init(method: String = "GET", url: URL, headers: [(String, String)] = [], body: Data? = nil,
                timeoutSeconds: Double = 30) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutSeconds = timeoutSeconds
    }

    /// The URL without its query and fragment (which may carry tokens), for error messages and logs.
    public var redactedURL: String { HTTPRequest.redacted(url) }

    /// A URL as logs, errors and the audit trail may show it: without user, password, query and fragment (where
    /// tokens and signatures travel).
    public static func redacted(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "(unreadable URL)" }
        parts.query = nil
        parts.fragment = nil
        parts.user = nil
        parts.password = nil
        return parts.string ?? "(unreadable URL)"
    }
}

/// What came back. Any status is a response (a 404 or 503 is not an `HTTPError`); the caller decides.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// The header fields of the final response (after any `100 Continue`), in the order received.
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header field with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }
}

/// Why a request got no HTTP response at all.
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL's host is not in the client's allowed hosts (or the scheme is not http/https); nothing was sent.
    case refusedHost(String)
    /// No complete response within the request's timeout.
    case timeout(String)
    /// Connection refused, name not resolved, connection reset, a malformed request, cancellation, …
    case transport(String)
    /// The TLS handshake failed or the server's certificate did not verify against the system trust store.
    case tls(String)

    public var description: String {
        switch self {
        case .refusedHost(let m): return "refused host: \(m)"
        case .timeout(let m): return "timeout: \(m)"
        case .transport(let m): return "transport error: \(m)"
        case .tls(let m): return "TLS error: \(m)"
        }
    }
}

/// HTTP(S) over libcurl. The one file in Mailroom that touches libcurl.
///
/// - TLS is always verified (peer certificate against the system trust store, host name against the
///   certificate); there is no switch to turn that off.
/// - `allowedHosts` (nil = any host) is checked before anything is sent; an entry `*.example.com` allows
///   every subdomain of example.com. Redirects are not followed (a 3xx comes back as a response), so a
///   server cannot send the client to a host outside the list. Only http and https are spoken.
/// - Each request runs a blocking curl easy handle on a thread of its own, never on Swift's cooperative
///   pool; the handle is created and freed on that thread, so no curl state is shared between requests.
///   Cancelling the calling task aborts the transfer.
public final class HTTPClient: Sendable {
    public let allowedHosts: [String]?
    /// Responses larger than this are refused (a transport error) rather than held in memory.
    public let maximumResponseBytes: Int

    public init(allowedHosts: [String]? = nil) {
        self.allowedHosts = allowedHosts?.map { HTTPClient.normalisedHost($0) }
        self.maximumResponseBytes = 64 * 1024 * 1024
    }

    public init(allowedHosts: [String]?, maximumResponseBytes: Int) {
        self.allowedHosts = allowedHosts?.map { HTTPClient.normalisedHost($0) }
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// True when this client may send a request to `host`.
    public func allows(host: String) -> Bool {
        guard let allowedHosts else { return true }
        let host = HTTPClient.normalisedHost(host)
        for entry in allowedHosts {
            if entry == host { return true }
            if entry.hasPrefix("*."), host.hasSuffix(String(entry.dropFirst(1))) { return true }
        }
        return false
    }

    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let scheme = request.url.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else {
            throw .refusedHost("\(request.redactedURL): only http and https URLs are allowed")
        }
        guard let host = request.url.host, !host.isEmpty else {
            throw .refusedHost("\(request.redactedURL): the URL has no host")
        }
        guard allows(host: host) else {
            let list = allowedHosts?.joined(separator: ", ") ?? ""
            throw .refusedHost("\(HTTPClient.normalisedHost(host)) is not among the allowed hosts (\(list.isEmpty ? "none" : list))")
        }
        for (name, value) in request.headers {
            if name.isEmpty || name.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == ":" })
                || value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
                throw .transport("header \(name.debugDescription) has an empty name, a colon in its name or a line break")
            }
        }
        guard request.timeoutSeconds > 0, request.timeoutSeconds.isFinite else {
            throw .transport("the timeout must be a positive number of seconds, not \(request.timeoutSeconds)")
        }
        if Task.isCancelled { throw .transport("\(request.method) \(request.redactedURL): cancelled before it was sent") }

        let cancellation = TransferCancellation()
        let limit = maximumResponseBytes
        let result: Result<HTTPResponse, HTTPError> = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>) in
                let thread = Thread {
                    continuation.resume(returning: CurlTransfer.perform(request, maximumResponseBytes: limit,
                                                                        cancellation: cancellation))
                }
                thread.name = "mailroom.http"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }

    package static func normalisedHost(_ host: String) -> String { HostName.normalised(host) }
}

/// Set from the cancelling task, read by curl's progress callback on the transfer thread.
/// libcurl's process-wide state, shared by HTTP and SMTP transfers: initialised once, and the system's CA
/// bundle that every TLS peer is verified against.
private enum CurlLibrary {
    static let initialisation: CURLcode = mr_curl_global_init_all()
    static let systemTrustStore: String? = {
        let candidates = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"]
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }()
}

/// One libcurl easy handle, set up the way every Mailroom transfer is: an error buffer, no signals, only the
/// named protocols, TLS peer and host name verified against `caFile` or the system's trust store, a total and a
/// connect time limit. Records the first option libcurl refuses; frees the handle, the buffer and its lists.
private final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private(set) var failedOption: CURLoption?

    init?(url: String, protocols: String, caFile: String?, timeoutSeconds: Double) {
        guard CurlLibrary.initialisation == CURLE_OK, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        set(CURLOPT_ERRORBUFFER, mr_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        set(CURLOPT_URL, mr_curl_setopt_string(handle, CURLOPT_URL, url))
        set(CURLOPT_NOSIGNAL, mr_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        set(CURLOPT_PROTOCOLS_STR, mr_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, protocols))
        // TLS: always verify the peer and the host name.
        set(CURLOPT_SSL_VERIFYPEER, mr_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        set(CURLOPT_SSL_VERIFYHOST, mr_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        if let trust = caFile ?? CurlLibrary.systemTrustStore {
            set(CURLOPT_CAINFO, mr_curl_setopt_string(handle, CURLOPT_CAINFO, trust))
        }
        let totalMilliseconds = max(1, Int(timeoutSeconds * 1000))
        set(CURLOPT_TIMEOUT_MS, mr_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, totalMilliseconds))
        set(CURLOPT_CONNECTTIMEOUT_MS, mr_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(totalMilliseconds, 15_000)))
    }

    deinit {
        for list in lists { curl_slist_free_all(list) }
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Notes the first option libcurl refused.
    func set(_ option: CURLoption, _ code: CURLcode) {
        if code != CURLE_OK, failedOption == nil { failedOption = option }
    }

    /// A string list (headers, recipients) owned by this handle; nil when memory ran out.
    func list(_ lines: [String]) -> UnsafeMutablePointer<curl_slist>? {
        var head: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let extended = curl_slist_append(head, line) else {
                curl_slist_free_all(head)
                return nil
            }
            head = extended
        }
        if let head { lists.append(head) }
        return head
    }

    /// libcurl's own words for a failed transfer.
    func detail(_ code: CURLcode) -> String {
        errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
    }
}

private final class TransferCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    func cancel() { lock.lock(); cancelled = true; lock.unlock() }
    var isCancelled: Bool { lock.lock(); defer { lock.unlock() }; return cancelled }
}

/// State of one transfer, touched only on its own thread (through curl's callbacks).
private final class CurlTransfer {
    var body = Data()
    var headers: [(String, String)] = []
    var tooLarge = false
    let maximumResponseBytes: Int
    let cancellation: TransferCancellation

    init(maximumResponseBytes: Int, cancellation: TransferCancellation) {
        self.maximumResponseBytes = maximumResponseBytes
        self.cancellation = cancellation
    }

    static func perform(_ request: HTTPRequest, maximumResponseBytes: Int,
                        cancellation: TransferCancellation) -> Result<HTTPResponse, HTTPError> {
        let place = "\(request.method) \(request.redactedURL)"
        guard let easy = CurlEasy(url: request.url.absoluteString, protocols: "http,https", caFile: nil,
                                  timeoutSeconds: request.timeoutSeconds) else {
            return .failure(.transport("\(place): libcurl could not be initialised"))
        }
        // The handle is freed with `easy`: keep it alive until every use of `handle` below is over.
        defer { withExtendedLifetime(easy) {} }
        let handle = easy.handle
        let set = easy.set
        let transfer = CurlTransfer(maximumResponseBytes: maximumResponseBytes, cancellation: cancellation)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        set(CURLOPT_FOLLOWLOCATION, mr_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        set(CURLOPT_ACCEPT_ENCODING, mr_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        set(CURLOPT_USERAGENT, mr_curl_setopt_string(handle, CURLOPT_USERAGENT, "mailroom"))

        // Method and body.
        let method = request.method.uppercased()
        if let body = request.body {
            set(CURLOPT_POSTFIELDSIZE_LARGE, mr_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            // COPYPOSTFIELDS copies the bytes (the size set just before), so the Data need not outlive this call.
            body.withUnsafeBytes { raw in
                let bytes = raw.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                set(CURLOPT_COPYPOSTFIELDS, mr_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes)))
            }
            if method != "POST" {
                set(CURLOPT_CUSTOMREQUEST, mr_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
            }
        } else if method == "GET" {
            set(CURLOPT_HTTPGET, mr_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        } else if method == "HEAD" {
            set(CURLOPT_NOBODY, mr_curl_setopt_long(handle, CURLOPT_NOBODY, 1))
        } else if method == "POST" {
            set(CURLOPT_POSTFIELDSIZE_LARGE, mr_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, 0))
            set(CURLOPT_COPYPOSTFIELDS, mr_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, ""))
        } else {
            set(CURLOPT_CUSTOMREQUEST, mr_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
        }

        // Headers: the caller's, plus "Expect:" (no 100-continue round trip) unless the caller set one.
        var lines = request.headers.map { "\($0.0): \($0.1)" }
        if !request.headers.contains(where: { $0.0.lowercased() == "expect" }) { lines.append("Expect:") }
        if request.body != nil, !request.headers.contains(where: { $0.0.lowercased() == "content-type" }) {
            lines.append("Content-Type:")  // no silent form-urlencoded default
        }
        guard let headerList = easy.list(lines) else {
            return .failure(.transport("\(place): out of memory building the headers"))
        }
        set(CURLOPT_HTTPHEADER, mr_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))

        // Callbacks (no captures: they reach the transfer through their user-data pointer).
        set(CURLOPT_WRITEDATA, mr_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        set(CURLOPT_WRITEFUNCTION, mr_curl_setopt_write_function(handle) { pointer, size, count, user in
            guard let user else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
            let length = size * count
            if transfer.body.count + length > transfer.maximumResponseBytes {
                transfer.tooLarge = true
                return 0
            }
            if let pointer, length > 0 {
                transfer.body.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
            }
            return length
        })
        set(CURLOPT_HEADERDATA, mr_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        set(CURLOPT_HEADERFUNCTION, mr_curl_setopt_header_function(handle) { pointer, size, count, user in
            guard let user else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
            let length = size * count
            guard let pointer, length > 0 else { return length }
            let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(pointer), count: length)
            transfer.receiveHeaderLine(bytes)
            return length
        })
        set(CURLOPT_XFERINFODATA, mr_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context))
        set(CURLOPT_XFERINFOFUNCTION, mr_curl_setopt_xferinfo_function(handle) { user, _, _, _, _ in
            guard let user else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
            return transfer.cancellation.isCancelled ? 1 : 0
        })
        set(CURLOPT_NOPROGRESS, mr_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0))

        if let failedOption = easy.failedOption {
            return .failure(.transport("\(place): libcurl refused option \(failedOption.rawValue)"))
        }

        let code = withExtendedLifetime(transfer) { curl_easy_perform(handle) }
        if code != CURLE_OK {
            let detail = easy.detail(code)
            return .failure(classify(code, place: place, detail: detail, transfer: transfer, timeout: request.timeoutSeconds))
        }
        var status = 0
        _ = mr_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: transfer.headers, body: transfer.body))
    }

    private static func classify(_ code: CURLcode, place: String, detail: String, transfer: CurlTransfer,
                                 timeout: Double) -> HTTPError {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout("\(place): no complete response within \(timeout) s (\(detail))")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED:
            return .tls("\(place): \(detail) (the certificate must verify against the system trust store)")
        case CURLE_ABORTED_BY_CALLBACK where transfer.cancellation.isCancelled:
            return .transport("\(place): cancelled")
        case CURLE_WRITE_ERROR where transfer.tooLarge:
            return .transport("\(place): the response is larger than \(transfer.maximumResponseBytes) bytes")
        default:
            return .transport("\(place): \(detail)")
        }
    }

    /// One header line as curl delivers it (with its CRLF). A status line starts a new header block, so
    /// only the final response's fields remain (after `100 Continue` or a proxy's `200 Connection established`).
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Header bytes are ASCII in practice; anything else is read as Latin-1 would be lossy, so UTF-8 it is.
        // ("\r\n" is one Character in Swift: trim scalars, not characters.)
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
        while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
        let line = String(scalars)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        if line.isEmpty { return }
        if line.first == " " || line.first == "\t" {
            // obsolete line folding: continues the previous field
            if !headers.isEmpty {
                headers[headers.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
            }
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        headers.append((name, value))
    }
}

// MARK: - SMTP submission (in this file because it is the one libcurl importer)

/// Where and how mail is submitted. TLS is verified like HTTPS (system trust store, or `caFile` for a
/// company CA); plaintext is allowed only when asked for explicitly and only to a loopback host.
public struct SMTPServer: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Implicit TLS from the first byte (`smtps://`, usually port 465).
        case tls
        /// Plain connection upgraded with STARTTLS, which is required: no upgrade, no mail (usually port 587).
        case starttls
        /// No TLS at all: only to 127.0.0.1/::1/localhost (a local relay or a test sink).
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// A PEM bundle to verify the server against instead of the system trust store.
    public var caFile: String?
    /// The name Mailroom gives in EHLO.
    public var heloName: String
    public var timeoutSeconds: Double

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
                caFile: String? = nil, heloName: String = "localhost", timeoutSeconds: Double = 60) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.heloName = heloName
        self.timeoutSeconds = timeoutSeconds
    }

    public var place: String { "\(security == .tls ? "smtps" : "smtp")://\(host):\(port)" }
}

/// What the server said when it took the mail.
public struct SMTPReceipt: Sendable, Hashable {
    /// The final reply code (250).
    public var code: Int
    /// The server's last reply lines ("250 2.0.0 Ok: queued as 4F2A1"), for the audit.
    public var reply: String
}

/// Why a mail was not (or not surely) submitted.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing was sent: a configuration Mailroom refuses (plaintext to a remote host, a bad address).
    case refused(String)
    /// The server answered with a 4xx (`temporary`) or 5xx code.
    case rejected(code: Int, reply: String, temporary: Bool)
    /// No connection, a reset before the mail was handed over, a timeout before the mail was handed over.
    case transport(String)
    /// The TLS handshake failed, the certificate did not verify, or the server offered no STARTTLS.
    case tls(String)
    /// The whole mail was handed over, then the connection ended without the server's final answer: it may
    /// or may not have been accepted.
    case uncertain(String)

    public var description: String {
        switch self {
        case .refused(let m): return "refused: \(m)"
        case .rejected(let code, let reply, _): return "the server answered \(code): \(reply)"
        case .transport(let m): return "transport error: \(m)"
        case .tls(let m): return "TLS error: \(m)"
        case .uncertain(let m): return "uncertain: \(m)"
        }
    }
}

/// Submits one mail over SMTP with libcurl (one connection per mail, on a thread of its own).
public struct SMTPClient: Sendable {
    public let server: SMTPServer

    public init(server: SMTPServer) { self.server = server }

    /// Sends `message` (CRLF line ends; libcurl dot-stuffs) from `sender` to `recipients` (bare addresses).
    public func send(_ message: Data, from sender: String, to recipients: [String]) async throws(SMTPError) -> SMTPReceipt {
        if server.security == .none, !HostName.isLoopback(server.host) {
            throw .refused("\(server.place): plaintext SMTP is allowed only to a loopback host; use `security: starttls` or `tls`")
        }
        for address in [sender] + recipients {
            if address.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" || $0 == " " || $0 == "\0" })
                || (!address.isEmpty && !address.contains("@")) {
                throw .refused("\(address.debugDescription) is not a mail address")
            }
        }
        guard !recipients.isEmpty else { throw .refused("the mail has no recipients") }
        let server = self.server
        let result: Result<SMTPReceipt, SMTPError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: SMTPTransfer.perform(server: server, message: message, sender: sender, recipients: recipients))
            }
            thread.name = "mailroom.smtp"
            thread.start()
        }
        return try result.get()
    }
}

/// One SMTP submission, touched only on its own thread (through curl's callbacks).
private final class SMTPTransfer {
    let message: Data
    var offset = 0
    /// Set when curl asked for more after the last byte: the whole mail was handed over.
    var handedOver = false
    var replies: [String] = []

    init(message: Data) { self.message = message }

    static func perform(server: SMTPServer, message: Data, sender: String, recipients: [String]) -> Result<SMTPReceipt, SMTPError> {
        let place = server.place
        let host = server.host.contains(":") ? "[\(server.host)]" : server.host
        let scheme = server.security == .tls ? "smtps" : "smtp"
        let helo = server.heloName.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-"))) ?? "localhost"
        guard let easy = CurlEasy(url: "\(scheme)://\(host):\(server.port)/\(helo)", protocols: "smtp,smtps",
                                  caFile: server.caFile, timeoutSeconds: server.timeoutSeconds) else {
            return .failure(.transport("\(place): libcurl could not be initialised"))
        }
        // The handle is freed with `easy`: keep it alive until every use of `handle` below is over.
        defer { withExtendedLifetime(easy) {} }
        let handle = easy.handle
        let set = easy.set
        let transfer = SMTPTransfer(message: message)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        switch server.security {
        case .tls, .starttls:
            // STARTTLS (or implicit TLS) is required: without it the transfer fails before MAIL FROM.
            set(CURLOPT_USE_SSL, mr_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        case .none:
            set(CURLOPT_USE_SSL, mr_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue)))
        }
        if let username = server.username {
            set(CURLOPT_USERNAME, mr_curl_setopt_string(handle, CURLOPT_USERNAME, username))
            set(CURLOPT_PASSWORD, mr_curl_setopt_string(handle, CURLOPT_PASSWORD, server.password ?? ""))
        }
        set(CURLOPT_MAIL_FROM, mr_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(sender)>"))
        guard let recipientList = easy.list(recipients.map { "<\($0)>" }) else {
            return .failure(.transport("\(place): out of memory building the recipients"))
        }
        set(CURLOPT_MAIL_RCPT, mr_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipientList))
        set(CURLOPT_UPLOAD, mr_curl_setopt_long(handle, CURLOPT_UPLOAD, 1))
        set(CURLOPT_INFILESIZE_LARGE, mr_curl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.count)))
        set(CURLOPT_READDATA, mr_curl_setopt_pointer(handle, CURLOPT_READDATA, context))
        set(CURLOPT_READFUNCTION, mr_curl_setopt_read_function(handle) { buffer, size, count, user in
            guard let user, let buffer else { return 0 }
            let transfer = Unmanaged<SMTPTransfer>.fromOpaque(user).takeUnretainedValue()
            let room = size * count
            let left = transfer.message.count - transfer.offset
            if left <= 0 { transfer.handedOver = true; return 0 }
            let n = min(room, left)
            transfer.message.withUnsafeBytes { raw in
                let start = raw.baseAddress!.advanced(by: transfer.offset)
                UnsafeMutableRawPointer(buffer).copyMemory(from: start, byteCount: n)
            }
            transfer.offset += n
            return n
        })
        // libcurl hands the server's reply lines to the header callback for SMTP.
        set(CURLOPT_HEADERDATA, mr_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        set(CURLOPT_HEADERFUNCTION, mr_curl_setopt_header_function(handle) { pointer, size, count, user in
            guard let user else { return 0 }
            let transfer = Unmanaged<SMTPTransfer>.fromOpaque(user).takeUnretainedValue()
            let length = size * count
            guard let pointer, length > 0 else { return length }
            var scalars = String(decoding: UnsafeRawBufferPointer(start: UnsafeRawPointer(pointer), count: length), as: UTF8.self).unicodeScalars
            while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
            transfer.replies.append(String(scalars))
            if transfer.replies.count > 200 { transfer.replies.removeFirst(100) }
            return length
        })
        if let failedOption = easy.failedOption {
            return .failure(.transport("\(place): libcurl refused option \(failedOption.rawValue)"))
        }

        let code = withExtendedLifetime(transfer) { curl_easy_perform(handle) }
        var replyCode = 0
        _ = mr_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &replyCode)
        // The reply that carries the final code (not the "221 Bye" to QUIT that follows it).
        let lastReply = transfer.replies.last { $0.hasPrefix("\(replyCode)") } ?? transfer.replies.last { !$0.isEmpty } ?? ""
        if code == CURLE_OK {
            return .success(SMTPReceipt(code: replyCode, reply: lastReply))
        }
        let detail = easy.detail(code)
        if replyCode >= 400 {
            return .failure(.rejected(code: replyCode, reply: lastReply.isEmpty ? detail : lastReply, temporary: replyCode < 500))
        }
        switch code {
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_USE_SSL_FAILED:
            return .failure(.tls("\(place): \(detail)"))
        default:
            if transfer.handedOver {
                return .failure(.uncertain("\(place): the whole mail was handed over, then: \(detail)"))
            }
            return .failure(.transport("\(place): \(detail)"))
        }
    }
}
