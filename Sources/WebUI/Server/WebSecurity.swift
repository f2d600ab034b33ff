import Foundation
import Crypto

/// Random tokens, hashes and comparisons for sessions and CSRF.
enum WebSecurity {
    /// 256 random bits, URL-safe base64 without padding (43 characters): session ids and CSRF tokens.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()  // getrandom(2) on Linux
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = generator.next() }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 in hex: what the store keeps of a session id.
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two tokens in time that depends only on their lengths.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
