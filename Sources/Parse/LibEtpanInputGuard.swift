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
package enum LibEtpanInputGuard {
    /// Container declarations (Content-Type multipart/… or message/…) beyond this are hidden from libetpan.
    package static let maximumContainers = 128
    /// Comment nesting deeper than this is flattened.
    package static let maximumCommentDepth = 32

    package struct Outcome {
        /// Bytes for libetpan; nil when the input needed no change.
        package var patched: [UInt8]?
        package var hiddenContainers = 0
        /// Attached messages (message/…) shown to libetpan as single parts.
        package var hiddenMessages = 0
        package var flattenedComments = 0
        package var neutralisedBoundaries = 0
    }

    /// `hideAttachedMessages`: every message/… part is shown to libetpan as a single part, so that it does
    /// not parse the structure of attached messages, which Mailroom reads itself, once per level.
    package static func prepare(_ input: UnsafeRawBufferPointer, hideAttachedMessages: Bool = false) -> Outcome {
        var outcome = Outcome()
        var patches: [(Int, UInt8)] = []
        do {
            let p = input.assumingMemoryBound(to: UInt8.self)
            guard let base = p.baseAddress, p.count > 0 else { return outcome }
            let n = p.count

            func find(_ byte: UInt8, from: Int) -> Int? {
                guard from < n, let hit = memchr(base + from, Int32(byte), n - from) else { return nil }
                return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            }

            // Container declarations: only at the start of a line.
            var containers = 0
            var lineStart = 0
            while lineStart < n {
                if p[lineStart] | 0x20 == UInt8(ascii: "c"), let at = containerTypeOffset(p, lineStart: lineStart) {
                    if hideAttachedMessages, p[at + 1] | 0x20 == UInt8(ascii: "e") {  // "message", not "multipart"
                        patches.append((at, UInt8(ascii: "x")))
                        outcome.hiddenMessages += 1
                        guard let lf = find(0x0A, from: lineStart) else { break }
                        lineStart = lf + 1
                        continue
                    }
                    containers += 1
                    if containers > maximumContainers {
                        patches.append((at, UInt8(ascii: "x")))   // "xultipart" / "xessage": an unknown type
                        outcome.hiddenContainers += 1
                    }
                }
                guard let lf = find(0x0A, from: lineStart) else { break }
                lineStart = lf + 1
            }

            // Comment nesting, per logical (unfolded) line that has a "(" at all.
            var from = 0
            while let open = find(UInt8(ascii: "("), from: from) {
                var depth = 0
                var i = open
                while i < n {
                    let c = p[i]
                    if c == UInt8(ascii: "(") {
                        depth += 1
                        if depth > maximumCommentDepth {
                            patches.append((i, UInt8(ascii: "[")))
                            outcome.flattenedComments += 1
                            depth -= 1
                        }
                    } else if c == UInt8(ascii: ")") {
                        if depth > 0 { depth -= 1 }
                    } else if c == 0x0A {
                        // A folded line continues the header; any other line ends it.
                        if i + 1 >= n || (p[i + 1] != 0x20 && p[i + 1] != 0x09) { break }
                    }
                    i += 1
                }
                from = i + 1
            }

            // The quoted string "\"" unquotes to a lone quote, on which libetpan's boundary code overruns.
            from = 0
            while let quote = find(UInt8(ascii: "\""), from: from) {
                if quote + 3 < n, p[quote + 1] == UInt8(ascii: "\\"), p[quote + 2] == UInt8(ascii: "\""),
                   p[quote + 3] == UInt8(ascii: "\"") {
                    patches.append((quote + 1, UInt8(ascii: "_")))
                    outcome.neutralisedBoundaries += 1
                }
                from = quote + 1
            }
        }
        if !patches.isEmpty {
            var copy = Array(input)
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
