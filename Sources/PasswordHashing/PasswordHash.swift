import Foundation
internal import CArgon2

/// A person's password kept only as an Argon2id hash in the PHC string form
/// (`$argon2id$v=19$m=65536,t=3,p=1$salt$hash`), which carries its own salt and cost.
public enum PasswordHash {
    /// The cost of new hashes: 64 MiB of memory and 3 passes (RFC 9106's second recommended setting
    /// lowers memory to 64 MiB; OWASP asks at least 19 MiB and 2 passes).
    public struct Cost: Sendable, Equatable {
        public var memoryKiB: UInt32
        public var passes: UInt32
        public var lanes: UInt32
        public init(memoryKiB: UInt32, passes: UInt32, lanes: UInt32) {
            self.memoryKiB = memoryKiB; self.passes = passes; self.lanes = lanes
        }
        public static let standard = Cost(memoryKiB: 64 * 1024, passes: 3, lanes: 1)
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Hashes `password` with a fresh 16-byte random salt.
    public static func make(_ password: String, cost: Cost = .standard) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: .min ... .max, using: &generator) }
        let passwordBytes = Array(password.utf8)
        let hashLength = 32
        let encodedLength = argon2_encodedlen(cost.passes, cost.memoryKiB, cost.lanes, UInt32(salt.count),
                                              UInt32(hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let status = passwordBytes.withUnsafeBufferPointer { pwd in
            salt.withUnsafeBufferPointer { s in
                argon2id_hash_encoded(cost.passes, cost.memoryKiB, cost.lanes, pwd.baseAddress, pwd.count,
                                      s.baseAddress, s.count, hashLength, &encoded, encodedLength)
            }
        }
        guard status == ARGON2_OK.rawValue else {
            throw Failure(description: "could not hash the password: \(String(cString: argon2_error_message(status)))")
        }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches `encoded` (an Argon2id PHC string). A malformed hash never matches.
    public static func verify(_ password: String, against encoded: String) -> Bool {
        guard encoded.hasPrefix("$argon2id$") else { return false }
        let passwordBytes = Array(password.utf8)
        let status = encoded.withCString { hash in
            passwordBytes.withUnsafeBufferPointer { pwd in
                argon2id_verify(hash, pwd.baseAddress, pwd.count)
            }
        }
        return status == ARGON2_OK.rawValue
    }
}
