import Foundation
import Vocabulary

/// A source text cut into pieces for a template: plain runs and the runs a field's grounding points at, each
/// to be wrapped in `<mark>`. The pieces are rendered with `{{ }}`, so the mail's text is HTML-escaped by
/// Mustache and only our own `<mark>` elements are markup.
public enum EvidenceText {
    public struct Span: Sendable, Hashable {
        /// The element id of the mark ("ev-3"); the field row links to it.
        public var id: String
        public var field: String
        public var range: Range<String.Index>
    }

    public struct Piece: Sendable, Hashable {
        public var text: String
        /// nil for plain text.
        public var markID: String?
        public var field: String?
    }

    /// Where a grounding's excerpt is in `text`: at its offset (UTF-16 units, as the extractors count; also
    /// tried as characters), else its first occurrence; nil when the text does not contain it.
    public static func locate(_ grounding: Grounding, in text: String) -> Range<String.Index>? {
        let excerpt = grounding.excerpt
        guard !excerpt.isEmpty else { return nil }
        if let offset = grounding.offset, offset >= 0 {
            let utf16 = text.utf16
            if offset <= utf16.count, let start = utf16.index(utf16.startIndex, offsetBy: offset, limitedBy: utf16.endIndex),
               let start = start.samePosition(in: text), text[start...].hasPrefix(excerpt) {
                return start..<text.index(start, offsetBy: excerpt.count)
            }
            if offset <= text.count {
                let start = text.index(text.startIndex, offsetBy: offset)
                if text[start...].hasPrefix(excerpt) { return start..<text.index(start, offsetBy: excerpt.count) }
            }
        }
        return text.range(of: excerpt)
    }

    /// `text` cut at the spans (overlapping spans: the earlier one wins, the later is not marked).
    public static func pieces(_ text: String, spans: [Span]) -> [Piece] {
        var out: [Piece] = []
        var cursor = text.startIndex
        for span in spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where span.range.lowerBound >= cursor {
            if cursor < span.range.lowerBound { out.append(Piece(text: String(text[cursor..<span.range.lowerBound]))) }
            out.append(Piece(text: String(text[span.range]), markID: span.id, field: span.field))
            cursor = span.range.upperBound
        }
        if cursor < text.endIndex { out.append(Piece(text: String(text[cursor...]))) }
        return out
    }

    /// Template values for a piece list: `[{"text", "mark", "id", "field"}]`.
    static func values(_ pieces: [Piece]) -> [[String: Any]] {
        pieces.map { p in
            var v: [String: Any] = ["text": p.text]
            if let id = p.markID { v["mark"] = true; v["id"] = id; v["field"] = p.field ?? "" }
            return v
        }
    }
}

extension EvidenceText.Piece {
    init(text: String) { self.init(text: text, markID: nil, field: nil) }
}
