import Foundation

/// Message-ID, In-Reply-To and References (RFC 5322 §3.6.4): ids without their angle brackets.
package enum MessageIDs {
    /// Every id in the header, in order. Ids are taken from `<…>`; a header without angle brackets
    /// gives its whitespace-separated words that look like ids (contain '@'), or the whole value.
    package static func all(in raw: [UInt8]) -> [String] {
        var ids: [String] = []
        var i = 0
        let n = raw.count
        var sawAngle = false
        var depth = 0
        while i < n {
            let c = raw[i]
            if c == UInt8(ascii: "(") { depth += 1; i += 1; continue }
            if c == UInt8(ascii: ")") { if depth > 0 { depth -= 1 }; i += 1; continue }
            if depth > 0 { i += 1; continue }
            if c == UInt8(ascii: "<") {
                sawAngle = true
                var j = i + 1
                while j < n, raw[j] != UInt8(ascii: ">"), raw[j] != UInt8(ascii: "<") { j += 1 }
                let id = cleaned(raw[(i + 1)..<j])
                if !id.isEmpty { ids.append(id) }
                i = j < n && raw[j] == UInt8(ascii: ">") ? j + 1 : j
                continue
            }
            i += 1
        }
        if sawAngle { return ids }
        // No angle brackets at all: words that look like ids.
        let words = raw.split(whereSeparator: { HeaderBlock.isSpace($0) || $0 == UInt8(ascii: ",") })
        let likely = words.filter { $0.contains(UInt8(ascii: "@")) }.map { cleaned($0) }.filter { !$0.isEmpty }
        if !likely.isEmpty { return likely }
        let whole = cleaned(raw[...])
        return whole.isEmpty ? [] : [whole]
    }

    package static func first(in raw: [UInt8]) -> String? { all(in: raw).first }

    private static func cleaned(_ s: ArraySlice<UInt8>) -> String {
        let kept = s.filter { !HeaderBlock.isSpace($0) && $0 != 0 }
        if TextDecoding.isASCII(kept) {
            return String(decoding: kept, as: UTF8.self)
        }
        return kept.withUnsafeBytes { TextDecoding.decodeUndeclared($0).text }
    }
}
