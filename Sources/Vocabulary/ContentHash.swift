import Foundation

/// A message's identity by content: the SHA-256 of its raw bytes, as 64 hexadecimal digits.
public enum ContentHash {
    public static func isValid(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }
    }
}
