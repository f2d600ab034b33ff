import Foundation

/// The token count of a text, estimated before a call (providers count exactly only afterwards).
///
/// Heuristic, documented so an operator can check it: every CJK character (Han, Kana, Hangul, CJK punctuation
/// and full-width forms) counts as one token — the common tokenisers of OpenAI, Qwen, DeepSeek and Llama give
/// 0.6–1.5 tokens per Chinese character — and all other text counts one token per four characters (rounded
/// up), the usual figure for English and German prose and for JSON. Each chat message adds 4 tokens of framing.
/// It over-estimates a little more often than it under-estimates, which is the safe side for a hard cap.
public enum TokenEstimate {
    public static let perMessageOverhead = 4

    public static func tokens(_ text: String) -> Int {
        var cjk = 0
        var other = 0
        for scalar in text.unicodeScalars {
            if isCJK(scalar) { cjk += 1 } else { other += 1 }
        }
        return cjk + (other + 3) / 4
    }

    /// Tokens of a chat request's messages.
    public static func tokens(messages: [String]) -> Int {
        messages.reduce(0) { $0 + tokens($1) + perMessageOverhead }
    }

    package static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0x3040...0x309F, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
