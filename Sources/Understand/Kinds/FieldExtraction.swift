import Patterns
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
    /// `deadline`: checked before each field; fields after it passed are left out.
    public static func extract(kind: KindDefinition, from content: MessageContent,
                               preset: [String: ExtractedValue] = [:], deadline: Deadline = .never) -> [String: ExtractedValue] {
        var found = preset
        let scope = ExtractionScope(kind: kind, content: content)
        for field in kind.fields where found[field.name] == nil {
            if deadline.isPast { break }
            let value = firstValue(of: field, kind: kind, found: &found, content: content, scope: scope)
            found[field.name] = value
        }
        // Money and its currency field fill each other in.
        for field in kind.fields {
            guard case .money = field.type, let currencyField = field.currencyField,
                  let extracted = found[field.name], case .money(let amount, let currency) = extracted.value else { continue }
            // A currency read from a labelled amount beats one merely seen somewhere in the mail.
            let weak = found[currencyField].map { $0.method == "recogniser" || $0.method == "pattern" } ?? false
            if let currency, found[currencyField] == nil || (weak && extracted.method == "labels"
                    && found[currencyField]?.value != .text(currency)) {
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

    /// The value of the field's first extractor that finds one (`sum_of` may read the list it adds up into `found`).
    package static func firstValue(of field: FieldDefinition, kind: KindDefinition, found: inout [String: ExtractedValue],
                                   content: MessageContent, scope: ExtractionScope) -> ExtractedValue? {
        for extractor in field.extractors {
            let value: ExtractedValue?
            if case .sumOf(let list) = extractor {
                value = sumOfLines(list, field: field, kind: kind, found: &found, content: content, scope: scope)
            } else {
                value = run(extractor, field: field, content: content, scope: scope)
            }
            if let value { return value }
        }
        return nil
    }

    /// `sum_of: LIST`: the list is read first (when its own turn has not come yet), its rows' totals are added
    /// up, and the amount written in the body or a document that equals that sum — or the sum plus another
    /// written amount smaller than it (the tax: "= 269.00 + VAT 53.80 = 322.80") — is the value, grounded
    /// where it is written. Nothing is returned for a sum the mail does not write: a total is read, never made up.
    package static func sumOfLines(_ listName: String, field: FieldDefinition, kind: KindDefinition,
                                   found: inout [String: ExtractedValue], content: MessageContent,
                                   scope: ExtractionScope) -> ExtractedValue? {
        if found[listName] == nil, let list = kind.fields.first(where: { $0.name == listName }) {
            let lines = firstValue(of: list, kind: kind, found: &found, content: content, scope: scope)
            found[listName] = lines
        }
        guard case .list(let rows)? = found[listName]?.value, !rows.isEmpty else { return nil }
        var sum: Decimal = 0
        var currencies = Set<String>()
        // A row without a price leaves the sum short: only the writer's own sum, at least as large, can then be the total.
        var complete = true
        for row in rows {
            if case .money(let total, let currency)? = row["line_total"] {
                sum += total
                if let currency { currencies.insert(currency) }
            } else if case .number(let quantity)? = row["quantity"], case .money(let price, let currency)? = row["unit_price"] {
                sum += quantity * price
                if let currency { currencies.insert(currency) }
            } else {
                complete = false
            }
        }
        guard sum > 0, currencies.count <= 1 else { return nil }
        func value(_ pick: (amount: Recognised<MoneyAmount>, location: String)) -> ExtractedValue {
            ExtractedValue(value: .money(pick.amount.value.value, currency: pick.amount.value.currency ?? currencies.first),
                           grounding: Grounding(location: pick.location, offset: pick.amount.offset, excerpt: pick.amount.excerpt),
                           rowGroundings: [:], method: "sum of \(listName)")
        }
        guard complete else { return writersSum(atLeast: sum, after: found[listName], content: content, scope: scope).map(value) }
        var written: [(amount: Recognised<MoneyAmount>, location: String)] = []
        for text in texts(.anywhere, content) where text.location != "subject" {
            for amount in ValueReader.amounts(in: text.text, context: scope.context)
            where !ValueReader.isParagraphNumber(amount, in: text.text) {
                written.append((amount, text.location))
            }
        }
        let values = Set(written.map(\.amount.value.value))
        let gross = written.last { w in
            let tax = w.amount.value.value - sum
            return tax > 0 && tax < sum && values.contains(tax)
        }
        return (gross ?? written.last(where: { $0.amount.value.value == sum })
                ?? writersSum(atLeast: sum, after: found[listName], content: content, scope: scope)).map(value)
    }

    /// The writer's own sum below the items: the last line that starts with "=" after the first row, its result
    /// ("= 277,50 €", "= 269.00 + VAT 53.80 = 322.80"), when it is at least what the rows read add up to (a
    /// row that did not read as an item still counts in it).
    package static func writersSum(atLeast sum: Decimal, after list: ExtractedValue?, content: MessageContent,
                                   scope: ExtractionScope) -> (amount: Recognised<MoneyAmount>, location: String)? {
        let firstRow = list?.rowGroundings.values.filter { $0.location == "body" }.compactMap(\.offset).min() ?? 0
        guard let body = texts(.body, content).first else { return nil }
        var best: Recognised<MoneyAmount>?
        for line in TableLayout.lines(body.text) where line.offset > firstRow {
            let trimmed = line.text.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            guard let first = trimmed.first, first == "=" || first == "＝" else { continue }
            let rest = String(trimmed.dropFirst())
            let result = ExtractionScope.calculationResult(rest) ?? rest
            let skipped = (line.text as NSString).length - (result as NSString).length
            guard let amount = ValueReader.amounts(in: result, context: scope.context).last, amount.value.value >= sum else { continue }
            best = Recognised(value: amount.value, excerpt: amount.excerpt, offset: line.offset + skipped + amount.offset)
        }
        return best.map { ($0, body.location) }
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

    package static func run(_ extractor: FieldExtractor, field: FieldDefinition, content: MessageContent,
                            scope: ExtractionScope? = nil) -> ExtractedValue? {
        let scope = scope ?? ExtractionScope(kind: nil, content: content)
        let context = scope.context
        switch extractor {
        case .sumOf:
            // Needs the kind's other fields: `extract(kind:from:)` runs it (`sumOfLines`).
            return nil
        case .constant(let text):
            guard let (value, _, _) = ValueReader.read(text, as: field.type, whole: true, context: context) else { return nil }
            return ExtractedValue(value: value, grounding: nil, rowGroundings: [:], method: "value")
        case .labels(let labels, let pattern, let source):
            let sources = texts(source, content).map(TableLayout.csvAsCells)
            let own = Set(labels.map(ExtractionScope.folded))
            let lastCell = ExtractionScope.prefersLastCell(field)
            let isMoney: Bool = { if case .money = field.type { return true } else { return false } }()
            // An amount whose label is followed by other words ("Totale anticipazioni  2.314,50") is kept only
            // when no label is followed by its amount directly ("TOTALE DOCUMENTO  3.754,10").
            var loose: ExtractedValue?
            // First the value beside its label (or alone on the next line); then, for a label in a table's
            // header line, the value below it in the same column.
            for text in sources {
                for match in pattern.matches(in: text.text) where scope.accepts(match, in: text.text, field: field, own: own) {
                    var rest = match.group(named: "rest") ?? ""
                    var restOffset = match.groupOffset(named: "rest") ?? match.utf16Offset
                    if let bar = rest.firstIndex(where: { !$0.isWhitespace }), rest[bar] == "|" || rest[bar] == "│" {
                        // "| Label | value |": the value is the next cell.
                        let cellStart = rest.index(after: bar)
                        restOffset += rest[..<cellStart].utf16.count
                        rest = String(rest[cellStart...].prefix { $0 != "|" && $0 != "│" })
                    }
                    if rest.trimmingCharacters(in: .whitespaces).isEmpty {
                        guard !TableLayout.isHeaderCell(match, in: text.text), let next = match.group(named: "next") else { continue }
                        rest = next
                        restOffset = match.groupOffset(named: "next") ?? restOffset
                    }
                    if isMoney, let result = ExtractionScope.calculationResult(rest) {
                        // "= 269.00 + VAT 53.80 = 322.80", "Total: 6 × 1.125,00 = 6.750,00": the result, after the last "=".
                        restOffset += (rest as NSString).length - (result as NSString).length
                        rest = result
                    }
                    if ExtractionScope.identifierLike(field), let after = ExtractionScope.afterQualifiedLabel(rest) {
                        // "Bestellnummer für die Buchhaltung: DV-1207", "Auftrags-Nr. der Bauherren: L-2026-14-03"
                        restOffset += (rest as NSString).length - (after as NSString).length
                        rest = after
                    }
                    if let (value, excerpt, offset) = scope.narrowed(ValueReader.read(rest, as: field.type, whole: false, context: context, lastCell: lastCell), field: field),
                       scope.plausible(value, field: field, following: String((rest as NSString).substring(from: min((rest as NSString).length, offset + (excerpt as NSString).length)))) {
                        let found = ExtractedValue(value: value, grounding: Grounding(location: text.location, offset: restOffset + offset, excerpt: excerpt),
                                                   rowGroundings: [:], method: "labels")
                        if isMoney {
                            let gap = (rest as NSString).substring(to: min((rest as NSString).length, offset))
                            // "VAT Reg. GB 287 4412 06", "USt-IdNr. DE 136 695 976": the label of a number, not an amount.
                            if ExtractionScope.namesANumber(gap) { continue }
                            let net = ExtractionScope.qualifiesAsNet(gap)
                                || match.group(named: "label").map { ExtractionScope.netLabels.contains(ExtractionScope.folded($0)) } == true
                            if net, !ExtractionScope.acceptsNet(own) { continue }
                            // "合计税额（13%）：￥7,172.88", "Total VAT 190,00": a total of the tax, not the gross.
                            if lastCell, ExtractionScope.qualifiesAsTax(gap) { continue }
                            // A gross or order total: a net amount ("Subtotal", "Total exkl. MWST") only when no other total is stated.
                            if !ExtractionScope.valueFollowsLabel(gap) || (net && (lastCell || !ExtractionScope.netLabelsOnly(own))) {
                                if loose == nil { loose = found }
                                continue
                            }
                        }
                        return found
                    }
                }
            }
            if let loose { return loose }
            for text in sources {
                for match in pattern.matches(in: text.text) where scope.accepts(match, in: text.text, field: field, own: own) {
                    guard let cell = TableLayout.cellBelow(match, in: text.text),
                          let (value, excerpt, offset) = scope.narrowed(ValueReader.read(cell.text, as: field.type, whole: true, context: context), field: field),
                          scope.plausible(value, field: field, following: "") else { continue }
                    return ExtractedValue(value: value, grounding: Grounding(location: text.location, offset: cell.offset + offset, excerpt: excerpt),
                                          rowGroundings: [:], method: "labels")
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
                    let end = (hasValueGroup ? base : match.utf16Offset) + (raw as NSString).length
                    let following = end < (text.text as NSString).length
                        ? String((text.text as NSString).substring(from: end).prefix { $0 != "\n" }) : ""
                    if let (value, excerpt, offset) = ValueReader.read(raw, as: field.type, whole: true, context: context),
                       scope.plausible(value, field: field, following: following) {
                        let at = hasValueGroup ? base + offset : (text.text as NSString).range(of: excerpt).location
                        return ExtractedValue(value: value, grounding: Grounding(location: text.location, offset: at == NSNotFound ? nil : at, excerpt: excerpt),
                                              rowGroundings: [:], method: "pattern")
                    }
                }
            }
            return nil
        case .recogniser(let source):
            for text in texts(source, content) {
                if let (value, excerpt, offset) = ValueReader.read(text.text, as: field.type, whole: false, context: context) {
                    return ExtractedValue(value: value, grounding: Grounding(location: text.location, offset: offset, excerpt: excerpt),
                                          rowGroundings: [:], method: "recogniser")
                }
            }
            return nil
        case .organisation(let request):
            guard let found = OrganisationRecogniser.find(request, in: content),
                  let (value, excerpt, offset) = ValueReader.read(found.value, as: field.type, whole: true, context: context),
                  scope.plausible(value, field: field, following: "") else { return nil }
            return ExtractedValue(value: value, grounding: Grounding(location: found.location, offset: found.offset + offset, excerpt: excerpt),
                                  rowGroundings: [:], method: "recogniser")
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
                        guard let (value, excerpt, _) = ValueReader.read(raw, as: item.type, whole: true, context: context) else {
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
        case .lineItems(let source):
            // A table (by header or row shape) beats list lines; the first text with the surest finding wins.
            var best: (items: [LineItems.Item], method: LineItems.Method)?
            for text in lineItemTexts(source, content) {
                let found = LineItems.read(text, items: field.items, context: context)
                guard !found.items.isEmpty else { continue }
                if best == nil || found.method > best!.method { best = (found.items, found.method) }
                if found.method == .table { break }
            }
            guard let best else { return nil }
            var groundings: [String: Grounding] = [:]
            for (i, item) in best.items.enumerated() {
                for (name, g) in item.groundings { groundings["\(field.name)[\(i)].\(name)"] = g }
            }
            return ExtractedValue(value: .list(best.items.map(\.values)), grounding: nil, rowGroundings: groundings,
                                  method: "line_items")
        }
    }

    /// The texts line items are looked for in: as `texts`, and with the body the tables of the mail's HTML
    /// version when the body is its plain version.
    package static func lineItemTexts(_ source: ExtractionSource, _ content: MessageContent) -> [SourceText] {
        let all = content.sourceTexts
        let html = all.filter { $0.location == MessageContent.htmlTablesLocation }
        var out: [SourceText] = []
        for text in texts(source, content) {
            out.append(text)
            if text.location == "body" { out += html }
        }
        if source == .anywhere || source == .body, !out.contains(where: { $0.location == "body" }) { out = html + out }
        return out
    }

    /// A keyword as a whole word (ASCII words) or as written (other scripts), ignoring case.
    package static func keywordPattern(_ word: String) -> TextPattern? {
        let escaped = TextPattern.escaped(word).replacingOccurrences(of: " ", with: #"\s+"#)
        let asciiWord = word.unicodeScalars.allSatisfy { $0.isASCII }
        return try? TextPattern(builtIn: asciiWord ? #"(?<![\p{L}\d])"# + escaped + #"(?![\p{L}\d])"# : escaped, caseInsensitive: true)
    }

    /// `label` then an optional `No.`/`Nr.`/`n°`/`#`, a colon (also the full-width one) or a leader of dots,
    /// and the rest of the line; when the line ends there, the next non-empty line.
    /// `overlapping`: the rest of the line and the next line are only looked at, not consumed, so that a label
    /// later on the same line or on the next line is found too ("小計 80,000円　合計 88,000円"; "Totale
    /// anticipazioni …" above "TOTALE DOCUMENTO …").
    package static func labelPattern(_ labels: [String], overlapping: Bool = false) -> TextPattern {
        let alternatives = labels.sorted { $0.count > $1.count }.map { label -> String in
            let trimmed = label.trimmingCharacters(in: .whitespaces)
            let escaped = TextPattern.escaped(trimmed)
                .replacingOccurrences(of: " ", with: #"\s+"#)
            let startsWithLetter = label.unicodeScalars.first.map { $0.isASCII && CharacterSet.letters.contains($0) } ?? false
            // A label that ends in a Latin letter ends a word: "Kunde" is not the start of "Kundennummer".
            let endsWithLatinLetter = trimmed.last.map { $0.isLetter && $0.unicodeScalars.first!.value < 0x0250 } ?? false
            return (startsWithLetter ? #"(?<![\p{L}\d])"# : "") + escaped + (endsWithLatinLetter ? #"(?![\p{L}])"# : "")
        }.joined(separator: "|")
        // A label starts its line (after indentation, bullets or quote marks), a sentence or clause, or
        // follows a wide gap, so that "Total" does not fire inside "Net total".
        let source = #"(?:^[ \t>*•·\-\u3000]*|(?<=[ \t]{2})|(?<=\t)|(?<=\u3000)|(?<=[|│(（])|(?<=[|│][ \t])|(?<=[.,;!?]\s)|(?<=[。，；！？]))"# + "(?<label>" + alternatives + #")(?<numbered>[ \t]*(?:No\.?|Nr\.?|N[°º]\.?|n\.|#)(?![\p{L}]))?[ \t]*(?:[.…_·]{2,}[ \t]*)?[:：#]?[ \t\u3000]*"#
            + (overlapping ? "(?=" : "") + #"(?<rest>[^\n]*)(?:\n[ \t]*\n?[ \t]*(?<next>[^\n]+))?"# + (overlapping ? ")" : "")
        // Lookbehind in the middle: ICU runs it (every repetition but the line's rest is bounded, and a match
        // takes the rest of its line, so the search stays linear).
        return (try? TextPattern(builtIn: source, caseInsensitive: true)) ?? TextPattern(known: #"\b\B"#)
    }
}

/// Reads a value of a field type from text: the recognisers, applied by type.
public enum ValueReader {
    /// The value, the text it was read from, and that text's UTF-16 offset in `text`. `whole`: the text is
    /// meant to be just the value (a regex group, a correction), not a line the value starts.
    /// `lastCell`: of a table row's several amounts, the last (a gross total's column) rather than the first.
    public static func read(_ text: String, as type: FieldType, whole: Bool,
                            context: ReadingContext = .neutral, lastCell: Bool = false) -> (FieldValue, String, Int)? {
        switch type {
        case .money:
            let found = amounts(in: text, context: context).filter { !Self.isParagraphNumber($0, in: text) }
            let pick: Recognised<MoneyAmount>?
            if whole {
                pick = found.first { $0.value.currency != nil } ?? found.first
            } else if let percent = (text as NSString).range(of: "%").location as Int?, percent != NSNotFound,
                      let firstAmount = found.first, firstAmount.offset > percent {
                // "MwSt. 19 % auf 1.000,00: 190,00": the amount the line arrives at. (Not when the amount comes
                // first: "2.450,51 EUR (netto 2.290,20 EUR zzgl. 7 % USt 160,31 EUR)".) A bare whole number after
                // it is no amount of money: "TVA 0 % : 0,00 € (exonération, art. 262 I du CGI)".
                pick = found.last { $0.value.currency != nil || $0.value.scale > 0 } ?? found.last
            } else if lastCell, let gross = found.first(where: { Self.isMarkedGross($0, in: text) }) {
                // "10.659,00 € netto, 12.684,21 € brutto": the amount marked as the gross one.
                pick = gross
            } else if let cells = Self.amountCells(text, found), cells.count >= 2 {
                // A totals row of a table: "TOTAL  1447.50  289.50  1737.00" — the first cell is the net, the last
                // the gross; `lastCell` asks for the row's last amount.
                pick = lastCell ? cells.last : cells.first
            } else {
                // "Total (2 items) 119,00 EUR": the amount with its currency, else the first.
                pick = found.first { $0.value.currency != nil } ?? found.first
            }
            guard let r = pick else { return nil }
            return (.money(r.value.value, currency: r.value.currency), r.excerpt, r.offset)
        case .number:
            guard let r = amounts(in: text, context: context).first else { return nil }
            return (.number(r.value.value), r.excerpt, r.offset)
        case .date:
            guard let r = DateRecogniser.first(in: text, dayFirst: context.dayFirst) else { return nil }
            return (.date(r.value.description), r.excerpt, r.offset)
        case .currency:
            guard let r = CurrencyRecogniser.first(in: text, context: context.currency) else { return nil }
            return (.text(r.value), r.excerpt, r.offset)
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

    /// True when the words right after an amount make it the gross one ("12.684,21 € brutto", "1.190,00 incl. VAT").
    package static func isMarkedGross(_ amount: Recognised<MoneyAmount>, in text: String) -> Bool {
        let ns = text as NSString
        let end = amount.offset + (amount.excerpt as NSString).length
        guard end < ns.length else { return false }
        let after = ns.substring(with: NSRange(location: end, length: min(16, ns.length - end))).lowercased()
            .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "()[]")))
        return ["brutto", "gross", "incl", "inkl", "including", "ttc", "税込", "含税"].contains { after.hasPrefix($0) }
    }

    /// The amounts of `text`'s first line that are table cells of their own (an amount with decimals or a
    /// currency and nothing else in the cell), in order; nil when the line is not split into cells.
    package static func amountCells(_ text: String, _ found: [Recognised<MoneyAmount>]) -> [Recognised<MoneyAmount>]? {
        let line = String(text.prefix { $0 != "\n" })
        let cells = TableLayout.cells(of: line, lineStart: 0)
        guard cells.count >= 2 else { return nil }
        var out: [Recognised<MoneyAmount>] = []
        for cell in cells where !cell.text.isEmpty {
            let inside = found.filter { $0.offset >= cell.offset && $0.offset + ($0.excerpt as NSString).length <= cell.end }
            guard inside.count == 1, let amount = inside.first, amount.value.currency != nil || amount.value.scale > 0 else { continue }
            let rest = cell.text.replacingOccurrences(of: amount.excerpt, with: "").trimmingCharacters(in: .whitespaces)
            if rest.isEmpty || AmountRecogniser.isoCodes.contains(rest.uppercased()) || AmountRecogniser.currencyWords[rest.uppercased()] != nil {
                out.append(amount)
            }
        }
        return out
    }

    /// Amounts that are not part of a date ("07.12.2026" holds no amount 7.12) nor of a rate ("8.1 %" holds no
    /// amount 8).
    package static func amounts(in text: String, context: ReadingContext) -> [Recognised<MoneyAmount>] {
        let ns = text as NSString
        let found = AmountRecogniser.all(in: text, context: context.currency).filter { a in
            let end = a.offset + (a.excerpt as NSString).length
            guard end < ns.length else { return true }
            return Self.rateTail.firstMatch(in: ns.substring(with: NSRange(location: end, length: min(8, ns.length - end)))) == nil
        }
        guard found.contains(where: { $0.excerpt.contains(".") || $0.excerpt.contains("/") || $0.excerpt.contains("-") }) else { return found }
        let dates = DateRecogniser.all(in: text).map { $0.offset..<($0.offset + ($0.excerpt as NSString).length) }
        guard !dates.isEmpty else { return found }
        return found.filter { a in
            let range = a.offset..<(a.offset + (a.excerpt as NSString).length)
            return !dates.contains { $0.overlaps(range) }
        }
    }

    /// "§ 13b UStG", "Art. 4a": a whole number with one letter glued to it numbers a paragraph; it is no amount.
    package static func isParagraphNumber(_ amount: Recognised<MoneyAmount>, in text: String) -> Bool {
        guard amount.value.currency == nil, amount.value.scale == 0 else { return false }
        let ns = text as NSString
        let end = amount.offset + (amount.excerpt as NSString).length
        guard end < ns.length, let letter = UnicodeScalar(ns.character(at: end)), CharacterSet.letters.contains(letter) else { return false }
        guard end + 1 < ns.length, let next = UnicodeScalar(ns.character(at: end + 1)) else { return true }
        return !CharacterSet.letters.contains(next)
    }

    /// What follows the whole part of a rate: "8" of "8.1 %".
    package static let rateTail = TextPattern(known: #"^[.,]\d+[ \u00A0]?%"#)

    /// The value part of a line after a label: up to a wide gap, a tab, a middle dot or a bar.
    package static func cutText(_ line: String) -> String {
        var s = line.trimmingCharacters(in: .whitespaces)
        for separator in ["  ", "\t", " · ", " | ", " – ", " (", "；", ";", "，", "。", ", "] {
            if let r = s.range(of: separator) { s = String(s[..<r.lowerBound]) }
        }
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;，。)）]")).trimmingCharacters(in: .whitespaces)
    }
}

/// What a whole message says that a single value cannot: which way round slashed dates are written, and which
/// currency `¥`, `$` and `kr` stand for.
public struct ReadingContext: Sendable, Hashable {
    public var dayFirst: Bool
    public var currency: CurrencyContext

    public init(dayFirst: Bool, currency: CurrencyContext) {
        self.dayFirst = dayFirst
        self.currency = currency
    }

    /// Without a message: month first for ambiguous slashed dates, `¥` as yuan, `$` as US dollar.
    public static let neutral = ReadingContext(dayFirst: false, currency: CurrencyContext())

    /// The context of a message's texts (subject, body, attachments).
    public init(texts: [String]) {
        let joined = texts.joined(separator: "\n")
        let sample = joined.count > 200_000 ? String(joined.prefix(200_000)) : joined
        self.init(dayFirst: DateRecogniser.dayFirst(for: sample), currency: AmountRecogniser.context(for: sample))
    }
}

/// The labels of a kind's fields and the message's reading context: what lets an extractor refuse a value
/// that is really another field's label, an address, a date or an amount.
package struct ExtractionScope: Sendable {
    package var context: ReadingContext
    /// Folded label → the fields that declare it.
    package var labelFields: [String: Set<String>]

    /// Labels that head other values in business documents, whatever the kind declares: a value that is one
    /// of them is a table header read as a value.
    package static let commonLabels: [String] = [
        "Kundennummer", "Kunden-Nr.", "Kundennr.", "Kunden Nr.", "Customer No.", "Customer number", "Customer ID", "Account No.",
        "Bestellnummer", "Bestell-Nr.", "Order No.", "Order number", "PO number", "Auftragsnummer", "Auftrags-Nr.", "Lieferschein",
        "Lieferscheinnummer", "Delivery note", "Datum", "Date", "Seite", "Page", "Ihr Zeichen", "Unser Zeichen", "Ihre Referenz",
        "Referenz", "Reference", "Steuernummer", "Tax number", "USt-IdNr.", "VAT ID", "Bearbeiter", "Ansprechpartner",
        "Contact", "Rechnungsdatum", "Invoice date", "Lieferdatum", "Delivery date", "Leistungsdatum", "Fälligkeit", "Due date",
        "Numéro client", "Date de facture", "Numero cliente", "Data fattura", "Número de cliente", "Fecha", "客户编号", "日期",
        "Pos.", "Position", "Menge", "Quantity", "Qty", "Einzelpreis", "Unit price", "Betrag", "Amount", "Beschreibung", "Description",
    ]

    package init(kind: KindDefinition?, content: MessageContent) {
        let texts = content.sourceTexts.filter { $0.location == "subject" || $0.location == "body" || $0.location.hasPrefix("attachment") }
        context = ReadingContext(texts: texts.map(\.text))
        var map: [String: Set<String>] = [:]
        for label in Self.commonLabels { map[Self.folded(label), default: []].insert("") }
        for field in kind?.fields ?? [] {
            for extractor in field.extractors {
                if case .labels(let labels, _, _) = extractor {
                    for label in labels { map[Self.folded(label), default: []].insert(field.name) }
                }
            }
        }
        labelFields = map
    }

    /// Lower-case, one space between words, without a trailing colon or dot.
    package static func folded(_ label: String) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: ":：.#"))
            .trimmingCharacters(in: .whitespaces)
    }

    /// False when the label found is really the start of a longer label of another field ("Total" in
    /// "Total net" when net_total declares "Total net"), or when it carries a number mark ("Customer No.")
    /// and the field is not a number or identifier.
    package func accepts(_ match: TextMatch, in text: String, field: FieldDefinition, own: Set<String>) -> Bool {
        guard let label = match.group(named: "label"), let start = match.groupOffset(named: "label") else { return true }
        if match.group(named: "numbered") != nil, !Self.identifierLike(field) { return false }
        let ns = text as NSString
        // "Total exkl. MWST 1'485.00": a tax's name after "exkl."/"excl."/"hors" names no tax amount.
        if start > 0 {
            let lineStart = ns.lineRange(for: NSRange(location: start, length: 0)).location
            let before = ns.substring(with: NSRange(location: lineStart, length: start - lineStart)).lowercased()
            let lastWord = before.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" }).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            if let lastWord, before.hasSuffix(" ") || before.hasSuffix("("), Self.excluding.contains(lastWord) { return false }
        }
        let window = ns.substring(with: NSRange(location: start, length: min(80, ns.length - start)))
        let head = Self.folded(window.prefix { $0 != "\n" }.description)
        let matched = Self.folded(label)
        for (other, fields) in labelFields where other.count > matched.count && !fields.contains(field.name) && !own.contains(other) {
            guard head.hasPrefix(other) else { continue }
            let after = head.dropFirst(other.count).first
            if after == nil || !(after!.isLetter && after!.isASCII) { return false }
        }
        return true
    }

    /// Words that make a total the net one: "Total exkl. MWST", "Total hors taxes", "Totale senza IVA", "合计（不含税）".
    package static let netWords: Set<String> = ["exkl", "excl", "excluding", "exclusive", "ohne", "hors", "ht", "h.t", "net", "netto",
                                                "nett", "sans", "senza", "sin", "sem", "ex", "before", "vor", "zzgl", "plus", "subtotal",
                                                "sub-total", "imponibile", "zwischensumme", "nettobetrag", "nettosumme", "不含税", "未税", "税抜", "税別"]

    /// True when the text after an amount's label begins with a word that makes it a net amount.
    package static func qualifiesAsNet(_ gap: String) -> Bool {
        let trimmed = gap.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "([（:：")))
        for word in netWords where !word.unicodeScalars.allSatisfy(\.isASCII) {
            if trimmed.hasPrefix(word) { return true }
        }
        let first = trimmed.lowercased().prefix { $0.isLetter || $0 == "." || $0 == "-" }
            .trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return netWords.contains(first)
    }

    /// True when the text between an amount's label and the amount begins with a word that makes the label one
    /// of a registration or account number: "VAT Reg.", "VAT No.", "Tax ID", "IVA n.", "TVA intracom.".
    package static func namesANumber(_ gap: String) -> Bool {
        let trimmed = gap.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "([（:：-")))
        let first = trimmed.lowercased().prefix { $0.isLetter || $0 == "." || $0 == "°" || $0 == "º" }
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return numberWords.contains(first) || trimmed.hasPrefix("#") || trimmed.hasPrefix("№")
    }

    package static let numberWords: Set<String> = ["reg", "registration", "registered", "no", "nr", "n°", "nº", "n", "number", "id", "ident",
                                                   "identification", "idnr", "nummer", "numéro", "número", "numero", "intracom",
                                                   "intracommunautaire", "code", "codice", "cod", "nif", "siret", "uid", "account"]

    /// True when the text after an amount's label begins with a tax's name ("Total VAT", "合计税额", "Summe MwSt.").
    package static func qualifiesAsTax(_ gap: String) -> Bool {
        let trimmed = gap.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "([（:：")))
        if ["税额", "税金", "税款", "消費税", "税額", "增值税"].contains(where: { trimmed.hasPrefix($0) }) { return true }
        let first = trimmed.lowercased().prefix { $0.isLetter || $0 == "." || $0 == "-" }.trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return taxWords.contains(first)
    }

    package static let taxWords: Set<String> = ["vat", "tax", "taxes", "mwst", "ust", "tva", "iva", "btw", "gst", "moms", "mva", "steuer", "umsatzsteuer",
                                                "mehrwertsteuer", "dph", "ptu"]

    /// True when the labels of an extractor name net amounts too ("Net total", "Subtotal", "Total HT"), so a
    /// net qualifier after one of its labels is no reason to refuse the value.
    package static func acceptsNet(_ own: Set<String>) -> Bool {
        !own.isDisjoint(with: netLabels)
    }

    /// A net total's own labels: every one names a net amount, so a net amount is what it looks for, not a
    /// fallback kept until no other total is stated ("Total net value 2,174.00" above "Total 2,608.80").
    package static func netLabelsOnly(_ own: Set<String>) -> Bool {
        !own.isEmpty && own.isSubset(of: netLabels)
    }

    package static let netLabels: Set<String> = ["net total", "total net", "net amount", "subtotal", "sub-total", "nettobetrag", "summe netto",
                                                 "netto", "total ht", "montant ht", "imponibile", "total before tax", "total before taxes",
                                                 "total excl. vat", "zwischensumme", "warenwert", "razem netto", "wartość netto", "不含税金额", "税抜合計",
                                                 "小計", "小计", "subtotale", "sous-total", "total exkl. mwst", "total excl. tax", "total net value", "net value"]

    /// True when nothing but a currency, a tax's name or "incl." stands between a label and its amount
    /// ("Total: EUR 1.190,00", "Total (incl. VAT) 1.190,00"); false for "Totale anticipazioni 2.314,50".
    package static func valueFollowsLabel(_ gap: String) -> Bool {
        let words = gap.split(whereSeparator: { !($0.isLetter) }).map { String($0) }
        return words.allSatisfy { word in
            let upper = word.uppercased()
            return AmountRecogniser.currencyWords[upper] != nil || AmountRecogniser.currencyWords[upper + "."] != nil
                || Self.neutralWords.contains(word.lowercased())
        }
    }

    package static let neutralWords: Set<String> = ["incl", "inkl", "including", "inklusive", "inclusive", "brutto", "gross", "ttc",
                                                    "vat", "mwst", "ust", "tva", "iva", "btw", "gst", "tax", "taxes", "moms", "mva",
                                                    "in", "of", "de", "di", "der", "des", "du"]

    /// Gross totals and order totals: in a totals row with several amounts, the last one (the gross column).
    package static func prefersLastCell(_ field: FieldDefinition) -> Bool {
        guard case .money = field.type else { return false }
        let name = field.name.lowercased()
        return name.contains("total") && !["net", "tax", "vat", "sub", "allowance", "charge"].contains { name.contains($0) }
    }

    /// The result of a calculation written after a label ("269.00 + VAT 53.80 = 322.80" → " 322.80"): the text
    /// after the last "=" (or "＝") that has a number before it and a number right after it; nil when the rest
    /// holds no such calculation.
    package static func calculationResult(_ rest: String) -> String? {
        guard let equals = rest.lastIndex(where: { $0 == "=" || $0 == "＝" }),
              rest[..<equals].contains(where: \.isNumber) else { return nil }
        let after = rest[rest.index(after: equals)...]
        let lead = after.prefix { !$0.isNumber }
        guard lead.count <= 6, lead.allSatisfy({ $0.isWhitespace || $0.isCurrencySymbol || $0.isLetter }),
              after.dropFirst(lead.count).first?.isNumber == true else { return nil }
        return String(after)
    }

    /// The value after a label's qualifying words and their colon ("für die Buchhaltung: DV-1207" → "DV-1207"):
    /// up to five words without a digit, then `:`; nil when the rest does not read so.
    package static func afterQualifiedLabel(_ rest: String) -> String? {
        guard let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let words = rest[..<colon].split(whereSeparator: \.isWhitespace)
        guard (1...5).contains(words.count), words.allSatisfy({ w in w.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } }),
              words.contains(where: { $0.count >= 2 }) else { return nil }
        let after = rest[rest.index(after: colon)...]
        guard after.first?.isWhitespace == true || after.first?.isNumber == true || after.first?.isLetter == true else { return nil }
        return String(after)
    }

    /// "exkl. MwSt.", "excluding VAT", "hors TVA", "senza IVA", "sin IVA": what follows is excluded, not stated.
    package static let excluding: Set<String> = ["exkl", "excl", "excluding", "exclusive", "ohne", "hors", "sans", "senza", "sin", "sem", "ex"]

    package static func identifierLike(_ field: FieldDefinition) -> Bool {
        if case .reference = field.type { return true }
        let name = field.name.lowercased()
        return ["number", "_no", "_nr", "_id", "reference", "code"].contains { name.hasSuffix($0) } || name.hasPrefix("number")
    }

    /// For a document number field (`invoice_number`, `order_number`: text fields named like identifiers), the
    /// number at the start of what a label is followed by: "IGE-F-2026-2291 du 15/09/2026" → "IGE-F-2026-2291",
    /// "FT 2026/1473", "YL-PO-20261109：" → "YL-PO-20261109"; nil (refused) when no number starts there.
    package func narrowed(_ read: (FieldValue, String, Int)?, field: FieldDefinition) -> (FieldValue, String, Int)? {
        guard let read, case .text(let raw) = read.0, case .text = field.type, Self.identifierLike(field) else { return read }
        // "A/C No: 5123 4700 8812 (USD account)": an account number is written in groups of digits.
        if field.name.lowercased().contains("account"), let m = Self.groupedDigits.firstMatch(in: raw),
           let number = m.group(named: "value"), let at = m.groupOffset(named: "value") {
            return (.text(number), number, read.2 + at)
        }
        guard let m = Self.documentNumber.firstMatch(in: raw), let number = m.group(named: "value"),
              let at = m.groupOffset(named: "value") else { return nil }
        return (.text(number), number, read.2 + at)
    }

    /// An account number as banks print it: groups of digits separated by single spaces or dashes.
    package static let groupedDigits = TextPattern(known: #"^[ \t#:：№]*(?:(?:No|Nr|N[°º]|n[°º]?)\.?[ \t]*)?(?<value>\d{1,12}(?:[ -]\d{1,12}){0,7})(?:[^A-Za-z0-9]|$)"#)

    /// A document number: letters, digits and single `-` `/` `.` `_` between them, after an optional short
    /// prefix word ("FT 2026/1473"), at the start of a value (after `#`, `:` or `No.`).
    package static let documentNumber = TextPattern(known: #"^[ \t#:：№]*(?:(?:No|Nr|N[°º]|n[°º]?)\.?[ \t]*)?(?<value>(?:[A-Z]{1,5}[ ]\d[A-Za-z0-9]{0,19}|[A-Za-z0-9]{1,20})(?:[-/._][A-Za-z0-9]{1,20}){0,8})(?![A-Za-z0-9])"#)

    /// False for a text value that is another field's label, a postal code and town, a street address, a date
    /// or an amount: what a label–value extractor picks up when the layout puts something else after the label.
    /// A document number (an identifier-like text field) must hold a digit and is never a date, an amount, a
    /// telephone number, an IBAN or a VAT id. `following`: the rest of the line after the value.
    package func plausible(_ value: FieldValue, field: FieldDefinition, following: String) -> Bool {
        guard case .text(let raw) = value else { return true }
        switch field.type {
        case .text, .reference: break
        default: return true
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        let folded = Self.folded(text)
        if labelFields[folded] != nil { return false }
        if Self.identifierLike(field), !Self.plausibleDocumentNumber(text) { return false }
        if Self.postalAddress.contains(text) || Self.streetAddress.contains(text) { return false }
        // "80333" followed by "München": the postal code of an address line.
        if text.count >= 4, text.count <= 5, text.allSatisfy(\.isNumber), Self.townAfterCode.contains(String(following.prefix(40))) { return false }
        if let date = DateRecogniser.first(in: text), date.excerpt.count >= text.count - 1 { return false }
        if let amount = AmountRecogniser.all(in: text).first, amount.excerpt.count >= text.count - 1,
           amount.value.currency != nil || amount.value.scale == 2 { return false }
        return true
    }

    /// A document number holds a digit and is no date, amount, telephone number, IBAN or VAT id.
    package static func plausibleDocumentNumber(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber).count
        guard digits > 0, text.count >= 3, text.count <= 40 else { return false }
        // Mostly a word with a digit in it ("Line1", "Q3") is no number; a code is letters and digits mixed.
        let letters = text.filter(\.isLetter)
        if letters.count >= 4, letters.allSatisfy(\.isLowercase) { return false }
        if let date = DateRecogniser.first(in: text), date.excerpt.count >= text.count - 1 { return false }
        if let amount = AmountRecogniser.all(in: text).first, amount.excerpt.count >= text.count - 1,
           amount.value.currency != nil || amount.value.scale == 2 || text.contains(",") { return false }
        if IBANRecogniser.normalise(text) != nil || VATRecogniser.normalise(text) != nil { return false }
        if text.hasPrefix("+") || text.hasPrefix("(0") { return false }
        return true
    }

    /// "80333 München", "D-80333 München", "75008 Paris", "1010 Wien", "SW1A 1AA", "EC2A 4BX London".
    package static let postalAddress = TextPattern(known: #"^(?:(?:[A-Z]{1,2}[-–])?\d{4,5}[ \u00A0]+\p{Lu}[\p{L}.\-]*(?:[ \-][\p{L}.()]+){0,3}|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}(?:[ ,]+\p{Lu}[\p{L}]*)?)$"#)
    /// "Leopoldstraße 12", "Hauptstr. 5a", "221B Baker Street", "12 rue de la Paix", "Via Roma 1".
    package static let streetAddress = TextPattern(known: #"(?i)^(?:\p{L}[\p{L}.\-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)[ ]+\d+[a-z]?|\d+[a-z]?[ ]+(?:\p{L}+[ ]){0,3}(?:street|st\.|road|rd\.|avenue|ave\.|lane|boulevard|blvd\.|drive|dr\.)|(?:via|viale|rue|avenue|calle|avenida|rua)[ ]+\p{L}[\p{L} '’.\-]{0,40}[ ,]+\d+[a-z]?|\d+[a-z]?,?[ ]+(?:rue|avenue|boulevard|calle)[ ][\p{L} '’.\-]{1,40})$"#)
    /// What follows a postal code: a town name and nothing else on the line.
    package static let townAfterCode = TextPattern(known: #"^[ \u00A0]+\p{Lu}\p{Ll}[\p{L}.\-]*(?:[ \-]\p{L}[\p{L}.]*){0,2}[ \t]*(?:$|[ \t]{2})"#)
}

/// Tables as plain text shows them: `pdftotext -layout` columns, cells separated by two or more spaces, a tab
/// (CSV attachments) or `|` (HTML tables, Markdown).
package enum TableLayout {
    /// A cell of a line: its text and UTF-16 offsets in the whole text.
    package struct Cell: Sendable, Equatable {
        package var text: String
        package var offset: Int
        package var end: Int
        /// Column in the line (UTF-16 units from the line start).
        package var column: Int
    }

    /// The cells of one line (without the line break), `lineStart` being its offset in the whole text.
    package static func cells(of line: String, lineStart: Int) -> [Cell] {
        let ns = line as NSString
        let barred = line.contains("|") || line.contains("│")
        let tabbed = line.contains("\t")
        var out: [Cell] = []
        var cellStart = 0
        var i = 0
        func close(_ end: Int) {
            let raw = ns.substring(with: NSRange(location: cellStart, length: end - cellStart))
            let lead = raw.prefix { $0 == " " || $0 == "\u{00A0}" }.utf16.count
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                out.append(Cell(text: trimmed, offset: lineStart + cellStart + lead,
                                end: lineStart + cellStart + lead + (trimmed as NSString).length, column: cellStart + lead))
            } else if barred {
                out.append(Cell(text: "", offset: lineStart + cellStart, end: lineStart + cellStart, column: cellStart))
            }
        }
        while i < ns.length {
            let c = ns.character(at: i)
            if barred && (c == 0x7C || c == 0x2502) {
                close(i)
                cellStart = i + 1
            } else if !barred && tabbed && c == 0x09 {
                close(i)
                cellStart = i + 1
            } else if !barred && !tabbed && c == 0x20 && i + 1 < ns.length && ns.character(at: i + 1) == 0x20 {
                close(i)
                var j = i
                while j < ns.length && ns.character(at: j) == 0x20 { j += 1 }
                cellStart = j
                i = j
                continue
            }
            i += 1
        }
        close(ns.length)
        if barred {
            // "| a | b |": the empty cells outside the outer bars are no cells.
            if out.first?.text.isEmpty == true, line.trimmingCharacters(in: .whitespaces).first.map({ $0 == "|" || $0 == "│" }) == true { out.removeFirst() }
            if out.last?.text.isEmpty == true, line.trimmingCharacters(in: .whitespaces).last.map({ $0 == "|" || $0 == "│" }) == true { out.removeLast() }
        }
        return out
    }

    /// A CSV attachment with its separators (`;` or `,` outside quotes) turned into tabs, so that its
    /// lines read as table rows; every offset stays the same. Other texts as they are.
    package static func csvAsCells(_ source: SourceText) -> SourceText {
        guard source.location.lowercased().hasSuffix(".csv"), !source.text.contains("\t") else { return source }
        let firstLine = source.text.prefix { $0 != "\n" }
        let separator: UInt16 = firstLine.filter { $0 == ";" }.count >= firstLine.filter { $0 == "," }.count ? 0x3B : 0x2C
        var units = Array(source.text.utf16)
        var quoted = false
        for i in units.indices {
            if units[i] == 0x22 { quoted.toggle() } else if units[i] == 0x0A { quoted = false } else if !quoted && units[i] == separator { units[i] = 0x09 }
        }
        return SourceText(location: source.location, text: String(decoding: units, as: UTF16.self))
    }

    /// The lines of `text` with their offsets.
    package static func lines(_ text: String) -> [(text: String, offset: Int)] {
        let ns = text as NSString
        var out: [(String, Int)] = []
        var start = 0
        while start <= ns.length {
            let r = ns.range(of: "\n", range: NSRange(location: start, length: ns.length - start))
            let end = r.location == NSNotFound ? ns.length : r.location
            out.append((ns.substring(with: NSRange(location: start, length: end - start)), start))
            if r.location == NSNotFound { break }
            start = end + 1
        }
        return out
    }

    /// True when the label of `match` is one cell of a line with other cells (a table's header line).
    package static func isHeaderCell(_ match: TextMatch, in text: String) -> Bool {
        guard let start = match.groupOffset(named: "label") else { return false }
        let ns = text as NSString
        let lineRange = ns.lineRange(for: NSRange(location: start, length: 0))
        let line = ns.substring(with: lineRange).trimmingCharacters(in: .newlines)
        return cells(of: line, lineStart: lineRange.location).count >= 2
    }

    /// The value below a header cell: in the next non-empty line, the cell in the same column (by position for
    /// aligned text; by index for `|` and tab separated lines).
    package static func cellBelow(_ match: TextMatch, in text: String) -> Cell? {
        guard let start = match.groupOffset(named: "label") else { return nil }
        let ns = text as NSString
        let lineRange = ns.lineRange(for: NSRange(location: start, length: 0))
        let line = ns.substring(with: lineRange).trimmingCharacters(in: .newlines)
        let header = cells(of: line, lineStart: lineRange.location)
        guard header.count >= 2, let index = header.firstIndex(where: { $0.offset <= start && start < max($0.end, $0.offset + 1) }) else { return nil }
        let headerCell = header[index]
        var next = lineRange.location + lineRange.length
        var looked = 0
        while next < ns.length, looked < 3 {
            let r = ns.lineRange(for: NSRange(location: next, length: 0))
            let below = ns.substring(with: r).trimmingCharacters(in: .newlines)
            next = r.location + r.length
            if below.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "-|:=+─"))).isEmpty { continue }
            looked += 1
            let row = cells(of: below, lineStart: r.location)
            let byIndex = line.contains("|") || line.contains("\t")
            if byIndex {
                guard row.count == header.count, index < row.count, !row[index].text.isEmpty else { return nil }
                return row[index]
            }
            // The cell that overlaps the header cell's columns the most.
            let a = headerCell.column, b = headerCell.column + (headerCell.end - headerCell.offset)
            var best: (Cell, Int)?
            for cell in row {
                let ca = cell.column, cb = cell.column + (cell.end - cell.offset)
                let overlap = min(b, cb) - max(a, ca)
                if overlap > 0, best == nil || overlap > best!.1 { best = (cell, overlap) }
            }
            return best?.0
        }
        return nil
    }
}
