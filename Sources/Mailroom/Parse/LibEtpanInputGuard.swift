import Foundation

/// Makes a message safe to hand to libetpan 1.9.4 (Debian 12), whose MIME parser
/// - recurses once per nested multipart or message/rfc822 entity and once per nested comment "((…",
///   so a crafted mail overflows the stack (measured: ~25,000 nested messages or ~10⁶ nested comment
///   parentheses crash with an 8 MB stack; threads often have far less), and rescans the body once per
///   nesting level (3,000 nested multiparts take seconds);
/// - overruns a heap buffer on the boundary parameter `"\""` (fixed upstream after 1.9.4).
///
/// The guard works on a copy that is only used to find the structure: it replaces single bytes
/// (same length, so every offset stays valid), and the caller reads all content from the original.
/// Real mail is never changed: the limits are far beyond anything a mail program writes.
enum LibEtpanInputGuard {
    /// Container declarations (Content-Type multipart/… or message/…) beyond this are hidden from libetpan.
    static let maximumContainers = 128
    /// Comment nesting deeper than this is flattened.
    static let maximumCommentDepth = 32

    struct Outcome {
        /// Bytes for libetpan; nil when the input needed no change.
        var patched: [UInt8]?
        var hiddenContainers = 0
        var flattenedComments = 0
        var neutralisedBoundaries = 0
    }

    static func prepare(_ input: [UInt8]) -> Outcome {
        var outcome = Outcome()
        let n = input.count
        var patches: [(Int, UInt8)] = []
        var containers = 0
        input.withUnsafeBufferPointer { p in
            var depth = 0
            var i = 0
            var lineStart = true
            while i < n {
                let c = p[i]
                if lineStart {
                    lineStart = false
                    if c != 0x20 && c != 0x09 { depth = 0 }
                    if c | 0x20 == UInt8(ascii: "c"), let at = containerTypeOffset(p, lineStart: i) {
                        containers += 1
                        if containers > maximumContainers {
                            patches.append((at, UInt8(ascii: "x")))   // "xultipart" / "xessage": an unknown type
                            outcome.hiddenContainers += 1
                        }
                    }
                }
                switch c {
                case 0x0A:
                    lineStart = true
                case UInt8(ascii: "("):
                    depth += 1
                    if depth > maximumCommentDepth {
                        patches.append((i, UInt8(ascii: "[")))
                        outcome.flattenedComments += 1
                        depth -= 1
                    }
                case UInt8(ascii: ")"):
                    if depth > 0 { depth -= 1 }
                case UInt8(ascii: "\""):
                    // The quoted string "\"" unquotes to a lone quote, which libetpan's boundary code overruns on.
                    if i + 3 < n, p[i + 1] == UInt8(ascii: "\\"), p[i + 2] == UInt8(ascii: "\""), p[i + 3] == UInt8(ascii: "\"") {
                        patches.append((i + 1, UInt8(ascii: "_")))
                        outcome.neutralisedBoundaries += 1
                    }
                default:
                    break
                }
                i += 1
            }
        }
        if !patches.isEmpty {
            var copy = input
            for (at, byte) in patches { copy[at] = byte }
            outcome.patched = copy
        }
        return outcome
    }

    /// If the line at `lineStart` is `Content-Type:` declaring multipart/… or message/…, the offset of
    /// that type's first letter.
    private static func containerTypeOffset(_ p: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Int? {
        let name = Array("content-type".utf8)
        let n = p.count
        guard lineStart + name.count < n else { return nil }
        for k in 0..<name.count where p[lineStart + k] | 0x20 != name[k] && !(name[k] == UInt8(ascii: "-") && p[lineStart + k] == name[k]) {
            return nil
        }
        var i = lineStart + name.count
        while i < n, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        guard i < n, p[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        // Skip whitespace, folding and comments.
        var depth = 0
        var steps = 0
        while i < n, steps < 4096 {
            steps += 1
            let c = p[i]
            if depth > 0 {
                if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") { depth -= 1 }
                i += 1
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { i += 1; continue }
            if c == UInt8(ascii: "(") { depth = 1; i += 1; continue }
            break
        }
        guard i < n else { return nil }
        if matches(p, at: i, "multipart") || matches(p, at: i, "message") { return i }
        return nil
    }

    private static func matches(_ p: UnsafeBufferPointer<UInt8>, at: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard at + w.count <= p.count else { return false }
        for k in 0..<w.count where p[at + k] | 0x20 != w[k] { return false }
        return true
    }
}
