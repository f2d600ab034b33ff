import Foundation
import Vocabulary
import Parse

/// A value found by an extractor, with the proof of where.
public struct ExtractedValue: Sendable {
    public var value: FieldValue
    public var grounding: Grounding?
    /// Groundings of list rows' values ("lines[0].sku").
    public var rowGroundings: [String: Grounding]
    /// Which extractor found it ("labels", "pattern", "recogniser", "keywords", "rows", "value", "rule").
    public var method: String
}

/// Runs a kind's declared extractors over a message (`extract:` in `rules/kinds/*.yaml`).
public enum FieldExtraction {
    /// Every field of `kind` that an extractor finds. `preset` values (a matcher's `set:`) win and are not
    /// searched for.
    public static func extract(kind: KindDefinition, from content: MessageContent,
                               preset: [String: ExtractedValue] = [:]) -> [String: ExtractedValue] {
        var found = preset
        for field in kind.fields where found[field.name] == nil {
            for extractor in field.extractors {
                if let value = run(extractor, field: field, content: content) {
                    found[field.name] = value
                    break
                }
            }
        }
        // Money and its currency field fill each other in.
        for field in kind.fields {
            guard case .money = field.type, let currencyField = field.currencyField,
                  let extracted = found[field.name], case .money(let amount, let currency) = extracted.value else { continue }
            if let currency, found[currencyField] == nil {
                found[currencyField] = ExtractedValue(value: .text(currency), grounding: extracted.grounding,
                                                      rowGroundings: [:], method: "currency of \(field.name)")
            } else if currency == nil, let other = found[currencyField], case .text(let code) = other.value {
                var copy = extracted
                copy.value = .money(amount, currency: code)
                found[field.name] = copy
            }
        }
        return found
    }

    package static func texts(_ source: ExtractionSource, _ content: MessageContent) -> [SourceText] {
        let all = content.sourceTexts
        switch source {
        case .anywhere:
            return all.filter { $0.location == "subject" || $0.location == "body" || $0.location.hasPrefix("attachment") }
        case .subject: return all.filter { $0.location == "subject" }
        case .body: return all.filter { $0.location == "body" }
        case .attachments: return all.filter { $0.location.hasPrefix("attachment") }
        case .senderAddress:
            return content.senderAddresses.prefix(1).map { SourceText(location: "header:From", text: $0) }
        case .senderName:
            let list = content.message.from.isEmpty ? content.message.sender : content.message.from
            return list.prefix(1).compactMap { $0.name.map { SourceText(location: "header:From", text: $0) } }
        case .header(let name):
            return content.message.headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                .map { SourceText(location: "header:\($0.name)", text: $0.value) }
        }
    }

    package static func run(_ extractor: FieldExtractor, field: FieldDefinition, content: MessageContent) -> ExtractedValue? {
        switch extractor {
        case .constant(let text):
            guard let (value, _, _) = ValueReader.read(text, as: field.type, whole: true) else { return nil }
            return ExtractedValue(value: value, grounding: nil, rowGroundings: [:], method: "value")
        case .labels(_, let pattern, let source):
            for text in texts(source, content) {
                for match in pattern.matches(in: text.text) {
                    var rest = match.group(named: "rest") ?? ""
                    var restOffset = match.groupOffset(named: "rest") ?? match.utf16Offset
                    if rest.trimmingCharacters(in: .whitespaces).isEmpty, let next = match.group(named: "next") {
                        rest = next
                        restOffset = match.groupOffset(named: "next") ?? restOffset
                    }
                    if let (value, excerpt, offset) = ValueReader.read(rest, as: field.type, whole: false) {
                        return ExtractedValue(value: value, grounding: Grounding(location: text.location, offset: restOffset + offset, excerpt: excerpt),
                                              rowGroundings: [:], method: "labels")
                    }
                }
            }
            return nil
        case .pattern(let pattern, let source):
            let hasValueGroup = pattern.groupNames.contains("value")
            for text in texts(source, content) {
                for match in pattern.matches(in: text.text) {
                    let raw = hasValueGroup ? match.group(named: "value") : (match.group(1) ?? match.value)
                    guard let raw, !raw.isEmpty else { continue }
                    let base = hasValueGroup ? (match.groupOffset(named: "value") ?? match.utf16Offset) : match.utf16Offset
                    if let (value, excerpt, offset) = ValueReader.read(raw, as: field.type, whole: true) {
                        let at = hasValueGroup ? base + offset : (text.text as NSString).range(of: excerpt).location
                        return ExtractedValue(value: value, grounding: Grounding(location: text.location, offset: at == NSNotFound ? nil : at, excerpt: excerpt),
                                              rowGroundings: [:], method: "pattern")
                    }
                }
            }
            return nil
        case .recogniser(let source):
            for text in texts(source, content) {
                if let (value, excerpt, offset) = ValueReader.read(text.text, as: field.type, whole: false) {
                    return ExtractedValue(value: value, grounding: Grounding(location: text.location, offset: offset, excerpt: excerpt),
                                          rowGroundings: [:], method: "recogniser")
                }
            }
            return nil
        case .keywords(let list, let source):
            var best: (value: String, location: String, offset: Int, excerpt: String)?
            for text in texts(source, content) {
                for (value, _, patterns) in list {
                    for pattern in patterns {
                        guard let m = pattern.firstMatch(in: text.text) else { continue }
                        if best == nil || (best!.location == text.location && m.utf16Offset < best!.offset) {
                            best = (value, text.location, m.utf16Offset, m.value)
                        }
                    }
                }
                if best != nil { break }  // the first source that says anything decides
            }
            guard let best else { return nil }
            return ExtractedValue(value: .text(best.value), grounding: Grounding(location: best.location, offset: best.offset, excerpt: best.excerpt),
                                  rowGroundings: [:], method: "keywords")
        case .rows(let pattern, let source):
            let groups = Set(pattern.groupNames)
            for text in texts(source, content) {
                var rows: [[String: FieldValue]] = []
                var groundings: [String: Grounding] = [:]
                for match in pattern.matches(in: text.text) {
                    var row: [String: FieldValue] = [:]
                    var rowGroundings: [String: Grounding] = [:]
                    var complete = true
                    for item in field.items where groups.contains(item.name) {
                        guard let raw = match.group(named: item.name)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
                            if item.required { complete = false }
                            continue
                        }
                        guard let (value, excerpt, _) = ValueReader.read(raw, as: item.type, whole: true) else {
                            if item.required { complete = false }
                            continue
                        }
                        row[item.name] = value
                        rowGroundings[item.name] = Grounding(location: text.location, offset: match.groupOffset(named: item.name), excerpt: excerpt)
                    }
                    if field.items.contains(where: { $0.required && row[$0.name] == nil }) { complete = false }
                    guard complete, !row.isEmpty else { continue }
                    for (name, g) in rowGroundings { groundings["\(field.name)[\(rows.count)].\(name)"] = g }
                    rows.append(row)
                }
                if !rows.isEmpty {
                    return ExtractedValue(value: .list(rows), grounding: nil, rowGroundings: groundings, method: "rows")
                }
            }
            return nil
        }
    }

    /// A keyword as a whole word (ASCII words) or as written (other scripts), ignoring case.
    package static func keywordPattern(_ word: String) -> TextPattern? {
        let escaped = NSRegularExpression.escapedPattern(for: word).replacingOccurrences(of: " ", with: #"\s+"#)
        let asciiWord = word.unicodeScalars.allSatisfy { $0.isASCII }
        return try? TextPattern(asciiWord ? #"(?<![\p{L}\d])"# + escaped + #"(?![\p{L}\d])"# : escaped, caseInsensitive: true)
    }

    /// `label` then an optional `No.`/`Nr.`/`#`, a colon (also the full-width one), and the rest of the line;
    /// when the line ends there, the next non-empty line.
    package static func labelPattern(_ labels: [String]) -> TextPattern {
        let alternatives = labels.map { label -> String in
            let escaped = NSRegularExpression.escapedPattern(for: label.trimmingCharacters(in: .whitespaces))
                .replacingOccurrences(of: " ", with: #"\s+"#)
            let startsWithLetter = label.unicodeScalars.first.map { $0.isASCII && CharacterSet.letters.contains($0) } ?? false
            return (startsWithLetter ? #"(?<![\p{L}\d])"# : "") + escaped
        }.joined(separator: "|")
        // A label starts its line (after indentation, bullets or quote marks), a sentence or clause, or
        // follows a wide gap, so that "Total" does not fire inside "Net total".
        let source = #"(?:^[ \t>*•·\-\u3000]*|(?<=[ \t]{2})|(?<=\t)|(?<=[|│(（])|(?<=[.,;!?]\s)|(?<=[。，；！？]))"# + "(?:" + alternatives + #")(?:\s*(?:No\.?|Nr\.?|#))?[ \t]*[:：#]?[ \t\u3000]*(?<rest>[^\n]*)(?:\n[ \t]*\n?[ \t]*(?<next>[^\n]+))?"#
        return (try? TextPattern(source, caseInsensitive: true)) ?? TextPattern(known: "(?!)")
    }
}

/// Reads a value of a field type from text: the recognisers, applied by type.
public enum ValueReader {
    /// The value, the text it was read from, and that text's UTF-16 offset in `text`. `whole`: the text is
    /// meant to be just the value (a regex group, a correction), not a line the value starts.
    public static func read(_ text: String, as type: FieldType, whole: Bool) -> (FieldValue, String, Int)? {
        switch type {
        case .money:
            guard let r = whole ? (AmountRecogniser.first(in: text)) : AmountRecogniser.all(in: text).first else { return nil }
            return (.money(r.value.value, currency: r.value.currency), r.excerpt, r.offset)
        case .number:
            guard let r = AmountRecogniser.all(in: text).first else { return nil }
            return (.number(r.value.value), r.excerpt, r.offset)
        case .date:
            guard let r = DateRecogniser.first(in: text) else { return nil }
            return (.date(r.value.description), r.excerpt, r.offset)
        case .email:
            guard let r = EmailRecogniser.all(in: text).first else { return nil }
            return (.text(r.value), r.excerpt, r.offset)
        case .iban:
            guard let r = IBANRecogniser.all(in: text.uppercased()).first else { return nil }
            return (.text(r.value), r.excerpt, r.offset)
        case .vatID:
            guard let r = VATRecogniser.all(in: text.uppercased()).first else { return nil }
            return (.text(r.value), r.excerpt, r.offset)
        case .phone:
            guard let r = PhoneRecogniser.all(in: text).first else { return nil }
            return (.text(r.value), r.excerpt, r.offset)
        case .reference:
            guard let r = ReferenceRecogniser.first(in: text) else { return nil }
            return (.text(r.value), r.excerpt, r.offset)
        case .enumeration(let values):
            let lower = text.lowercased()
            for value in values {
                let r = (lower as NSString).range(of: value.lowercased())
                if r.location != NSNotFound { return (.text(value), (text as NSString).substring(with: r), r.location) }
            }
            return nil
        case .bool:
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if ["yes", "true", "ja", "是", "y", "1"].contains(t) { return (.bool(true), text, 0) }
            if ["no", "false", "nein", "否", "n", "0"].contains(t) { return (.bool(false), text, 0) }
            return nil
        case .text:
            let value = whole ? text.trimmingCharacters(in: .whitespacesAndNewlines) : cutText(text)
            guard !value.isEmpty, value.count <= 300 else { return nil }
            let r = (text as NSString).range(of: value)
            return (.text(value), value, r.location == NSNotFound ? 0 : r.location)
        case .list:
            return nil
        }
    }

    /// The value part of a line after a label: up to a wide gap, a tab, a middle dot or a bar.
    package static func cutText(_ line: String) -> String {
        var s = line.trimmingCharacters(in: .whitespaces)
        for separator in ["  ", "\t", " · ", " | ", " – ", " (", "；", ";", "，", "。", ", "] {
            if let r = s.range(of: separator) { s = String(s[..<r.lowerBound]) }
        }
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;，。)）]")).trimmingCharacters(in: .whitespaces)
    }
}
