import Crypto
import Dispatch
import Foundation
import X509
import Vocabulary
import LibEtpan

/// Verifies the certificate chain a mail server presented, because libetpan's TLS does not.
///
/// Without a pin: the chain must lead to a root in the system trust store (Debian's
/// `/etc/ssl/certs/ca-certificates.crt`) under RFC 5280 rules (validity dates, signatures, basic
/// constraints) and the leaf must name the host we connected to (server identity: DNS name or IP address
/// in the subject alternative names). With `pinnedSHA256`: exactly that leaf (the SHA-256 of its DER, as
/// `openssl x509 -outform DER | sha256sum` prints it) is accepted, and nothing else — a private server with a
/// self-signed certificate.
public enum ServerCertificateCheck {
    /// Throws a `.tls` error naming host and reason when the chain must not be trusted.
    public static func verify(chain: [Data], host: String, port: Int, pinnedSHA256: String?,
                              trustRoots: CertificateStore = .systemTrustRoots, now: Date = Date()) throws(IMAPProtocolError) {
        let operation = "verify the TLS certificate of \(host):\(port)"
        guard let leafDER = chain.first else {
            throw IMAPProtocolError(kind: .tls, operation: operation, detail: "the server sent no certificate")
        }
        let leafHash = fingerprint(leafDER)
        if let pin = pinnedSHA256.map(normalisedFingerprint) {
            if leafHash == pin { return }
            throw IMAPProtocolError(kind: .tls, operation: operation,
                                    detail: "the certificate does not match pinned_sha256 (the server's is \(leafHash)); "
                                        + "if the server's certificate was renewed on purpose, put the new fingerprint in the configuration")
        }
        let certificates: [Certificate]
        do {
            certificates = try chain.map { try Certificate(derEncoded: Array($0)) }
        } catch {
            throw IMAPProtocolError(kind: .tls, operation: operation, detail: "the server's certificate cannot be read: \(error)")
        }
        let leaf = certificates[0]
        let result = waitFor {
            var verifier = Verifier(rootCertificates: trustRoots) {
                RFC5280Policy(fixedValidationTime: now)
                ServerIdentityPolicy(serverHostname: ServerCertificateCheck.isIP(host) ? nil : host,
                                     serverIP: ServerCertificateCheck.isIP(host) ? host : nil)
            }
            return await verifier.validate(leaf: leaf, intermediates: CertificateStore(certificates.dropFirst()))
        }
        switch result {
        case .validCertificate:
            return
        case .couldNotValidate(let failures):
            var reason: String
            if leaf.issuer == leaf.subject {
                reason = "the certificate is self-signed (\(leaf.subject)) and not in the system trust store"
            } else if let first = failures.first {
                reason = "\(first.policyFailureReason)"
            } else {
                reason = "no chain from \(leaf.subject) (issued by \(leaf.issuer)) leads to a root in the system trust store"
            }
            if now > leaf.notValidAfter { reason = "the certificate expired on \(leaf.notValidAfter) — " + reason }
            throw IMAPProtocolError(kind: .tls, operation: operation,
                                    detail: "refused: \(reason). For a private server, pin this certificate with "
                                        + "pinned_sha256: \(leafHash)")
        }
    }

    /// A trust store of the given DER certificates instead of the system's (tests, private CAs).
    public static func trustStore(_ certificates: [Data]) throws -> CertificateStore {
        CertificateStore(try certificates.map { try Certificate(derEncoded: Array($0)) })
    }

    /// The SHA-256 of a DER certificate, lowercase hex without separators.
    public static func fingerprint(_ der: Data) -> String {
        SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
    }

    /// Accepts `AB:CD:…`, upper or lower case, with or without a `sha256:` prefix.
    package static func normalisedFingerprint(_ text: String) -> String {
        var t = text.lowercased()
        if t.hasPrefix("sha256:") { t.removeFirst(7) }
        return t.filter { $0.isHexDigit }
    }

    package static func isIP(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// Runs async work from a dedicated (non-pool) thread and blocks that thread until it is done.
    private static func waitFor<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = LockedBox<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}
