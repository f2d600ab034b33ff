import Foundation

/// Something an IMAP server or the connection to it did not allow, in words an operator can act on:
/// `connect to imap.example.com:993 with TLS: the connection was refused or the host could not be reached`.
public struct IMAPProtocolError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Network trouble: refused, reset, timed out. Retried with backoff.
        case connection
        /// The server's certificate could not be verified, or the handshake failed. Retried slowly.
        case tls
        /// Credentials or token refused. Retried rarely (no lock-out storms).
        case authentication
        /// The server answered NO/BAD to a command.
        case refused
        /// A message disappeared while it was being fetched.
        case gone
        /// A malformed answer or an internal failure.
        case protocolError = "protocol"
    }

    public var kind: Kind
    public var operation: String
    public var detail: String

    public init(kind: Kind, operation: String, detail: String) {
        self.kind = kind
        self.operation = operation
        self.detail = detail
    }

    public var description: String { "\(operation): \(detail)" }
    public var errorDescription: String? { description }
}

/// IMAP's "modified UTF-7" for folder names (RFC 3501 §5.1.3): printable ASCII stays, `&` becomes `&-`,
/// everything else is UTF-16 in base64 with `,` for `/`, between `&` and `-`.
package enum ModifiedUTF7 {
    package static func encode(_ name: String) -> String {
        var out = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes.append(UInt8(unit >> 8)); bytes.append(UInt8(unit & 0xFF)) }
            let b64 = Data(bytes).base64EncodedString().replacingOccurrences(of: "/", with: ",")
                .replacingOccurrences(of: "=", with: "")
            out += "&" + b64 + "-"
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                out += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return out
    }
}
