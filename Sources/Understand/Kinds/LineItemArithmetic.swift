import Foundation

/// Item rows that prove themselves: a quantity, a unit price and a line total on one line where the quantity
/// times the price (less a discount written as a percentage between them) is the total. This reads tables
/// whose columns are not separated by wide gaps — `pdftotext -layout` of a PDF whose descriptions run into
/// the next column ("1 Reservia Clinic plan, annual, per location 14 $2,940.00 $41,160.00"), a mail writer's
/// single-spaced table — without a header and whatever the language, because the arithmetic, not the layout,
/// says which numbers are which.
///
/// The quantity stands before the price (perhaps with a unit between: "18 St 2.140,00 38.520,00") or, when
/// that does not compute, at the start of the line ("2 Couronne céramo-métallique 46, 47 680.00 1'360.00").
/// Numbers grouped by spaces ("3 000", "3 360,00") are read both ways. A running position number and an
/// article code before the description are not part of it.
extension LineItems.Reader {
    /// A whitespace-separated word of a line, with its UTF-16 range in the line.
    struct Word {
        var text: String
        var start: Int
        var end: Int
    }

    /// A number read from one or more words (ending at `last`, starting at `first`).
    struct WordNumber {
        var value: Decimal
        var scale: Int
        var first: Int
        var last: Int
        var hasCurrency: Bool
    }

    /// At most this many words on a line are looked at (the search tries a few readings of the last ones).
    static let maximumWords = 80

    func arithmeticRows(quoted: Bool) -> [LineItems.Item] {
        var items: [LineItems.Item] = []
        for line in lines where line.quoted == quoted {
            guard items.count < LineItems.maximumRows else { break }
            guard line.text.utf16.count <= LineItems.maximumLineLength,
                  line.text.contains(where: \.isLetter), line.text.contains(where: \.isNumber) else { continue }
            let words = Self.words(line.text)
            guard words.count >= 4, words.count <= Self.maximumWords else { continue }
            if let item = arithmeticRow(words, line: line) { items.append(item) }
        }
        return items
    }

    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var start: Int?
        var index = 0
        for unit in text.utf16 {
            let blank = unit == 0x20 || unit == 0x09 || unit == 0x3000 || unit == 0xA0
            if blank {
                if let s = start {
                    out.append(Word(text: Self.substring(text, s, index), start: s, end: index))
                    start = nil
                }
            } else if start == nil {
                start = index
            }
            index += 1
        }
        if let s = start { out.append(Word(text: Self.substring(text, s, index), start: s, end: index)) }
        return out
    }

    static func substring(_ text: String, _ a: Int, _ b: Int) -> String {
        (text as NSString).substring(with: NSRange(location: a, length: b - a))
    }

    /// A currency written as a word of its own ("EUR", "€", "CHF").
    static func isCurrencyWord(_ word: String) -> Bool {
        AmountRecogniser.currencyWords[word.uppercased()] != nil
    }

    /// The currency signs and codes of up to three characters, longest first, so that "12.50US$" loses "US$"
    /// rather than "$" whatever order the dictionary keeps.
    static let shortCurrencySymbols: [String] = AmountRecogniser.currencyWords.keys.filter { $0.count <= 3 }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }

    /// Words that join a quantity to its price or a price to its total ("6 Fuhren à 1.125,00 € = 6.750,00 €",
    /// "5000 x needles @ 0.04 = 200.00"): no part of the description.
    static let priceJoiners: Set<String> = ["@", "à", "á", "a", "je", "zu", "at", "each", "per", "x", "×", "*"]

    /// A known unit right after a leading quantity ("10 conf. Silicone …", "1 Kiste Zitronen …"), when words of the
    /// description follow it.
    static func knownUnit(_ words: [Word], at index: Int, before end: Int) -> Word? {
        guard index < end, index < words.count, isKnownUnit(words[index].text) else { return nil }
        return words[index]
    }

    /// Marks that start a list line ("- 10 conf. Silicone … = CHF 328.00").
    static let bullets: Set<String> = ["-", "–", "—", "*", "•", "·", "+", ">"]

    /// Words after a line total that say whether tax is in it.
    static let taxQualifiers: Set<String> = ["netto", "net", "brutto", "gross", "ht", "ttc", "zzgl.", "zzgl", "inkl.", "incl.",
                                             "excl.", "exkl.", "mwst.", "mwst", "ust.", "vat", "iva", "tva", "+vat", "+mwst"]

    /// One of `LineItems.units`, in any case.
    static func isKnownUnit(_ word: String) -> Bool {
        LineItems.units.contains { $0.caseInsensitiveCompare(word) == .orderedSame }
    }

    /// A unit after a quantity: a known one ("m2", "Stk.") or a short word of letters ("psch", "Std").
    static func isUnit(_ word: String) -> Bool {
        if isKnownUnit(word) { return true }
        return word.count <= 8 && word.contains(where: \.isLetter) && word.allSatisfy { $0.isLetter || $0 == "." }
    }

    /// The number one word holds, with a currency sign or code before or after it ("$2,940.00", "1'290.00",
    /// "12,50€", "14.3500"); nil for anything else ("21-22-23,", "B1", "8.1%").
    static func number(in word: String) -> (value: Decimal, scale: Int, currency: Bool)? {
        var text = word
        var currency = false
        for symbol in shortCurrencySymbols {
            if text.uppercased().hasPrefix(symbol), text.count > symbol.count,
               text.dropFirst(symbol.count).first?.isNumber == true {
                text = String(text.dropFirst(symbol.count))
                currency = true
                break
            }
            if text.uppercased().hasSuffix(symbol), text.count > symbol.count,
               text.dropLast(symbol.count).last?.isNumber == true {
                text = String(text.dropLast(symbol.count))
                currency = true
                break
            }
        }
        guard let first = text.first, first.isASCII, first.isNumber, let last = text.last, last.isASCII, last.isNumber,
              text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0 == "'" || $0 == "’" }),
              text.count <= 20,
              let value = AmountRecogniser.parseNumber(text) else { return nil }
        return (value, AmountRecogniser.scale(of: text), currency)
    }

    /// The ways the words ending at `end` can be read as one number: the word alone, or with the one or two
    /// words before it when those are digit groups ("3 360,00", "1 234 567").
    static func readings(_ words: [Word], endingAt end: Int) -> [WordNumber] {
        guard end >= 0, let last = number(in: words[end].text) else { return [] }
        var out = [WordNumber(value: last.value, scale: last.scale, first: end, last: end, hasCurrency: last.currency)]
        var joined = words[end].text
        var first = end
        while first > 0, end - first < 2 {
            let previous = words[first - 1].text
            guard words[first].text.prefix(while: \.isNumber).count == 3, previous.count <= 3, previous.allSatisfy({ $0.isASCII && $0.isNumber }),
                  words[first].start - words[first - 1].end == 1 else { break }
            joined = previous + joined
            first -= 1
            guard let n = number(in: joined) else { break }
            out.append(WordNumber(value: n.value, scale: n.scale, first: first, last: end, hasCurrency: n.currency))
        }
        return out
    }

    func arithmeticRow(_ words: [Word], line: LineItems.Line) -> LineItems.Item? {
        var end = words.count - 1
        var qualifiers = 0
        while end >= 0 {
            let w = words[end].text
            if Self.isCurrencyWord(w) { end -= 1; continue }
            // "= 6.750,00 € netto", "… 1.200,00 zzgl. MwSt.": the tax said of the total.
            if qualifiers < 2, Self.taxQualifiers.contains(w.lowercased()) { qualifiers += 1; end -= 1; continue }
            break
        }
        for total in Self.readings(words, endingAt: end) where total.value > 0 {
            // Between the price and the total: currency words and perhaps a discount ("10%", "-5 %").
            var p = total.first - 1
            var discount: Decimal = 0
            while p >= 0 {
                let w = words[p].text
                if Self.isCurrencyWord(w) || w == "=" || w == "＝" { p -= 1; continue }
                if w == "%" , p > 0, let d = Self.number(in: words[p - 1].text), discount == 0 {
                    discount = abs(d.value); p -= 2; continue
                }
                if w.hasSuffix("%"), discount == 0, let d = Self.number(in: String(w.dropLast()).replacingOccurrences(of: "-", with: "")) {
                    discount = d.value; p -= 1; continue
                }
                break
            }
            guard discount < 100 else { continue }
            for price in Self.readings(words, endingAt: p) where price.value > 0 {
                // Before the price: currency words, then perhaps one short word (the unit: "St", "psch", "pcs").
                var q = price.first - 1
                while q >= 0, Self.isCurrencyWord(words[q].text) || Self.priceJoiners.contains(words[q].text.lowercased()) { q -= 1 }
                let beforePrice = q
                var unit: Word?
                if q >= 1, Self.isUnit(words[q].text) {
                    unit = words[q]
                    q -= 1
                }
                for quantity in Self.readings(words, endingAt: q) where !quantity.hasCurrency {
                    if computes(quantity, price, total, discount),
                       let item = arithmeticItem(words, line: line, quantity: quantity, unit: unit, price: price, total: total,
                                                 describedBy: 0..<quantity.first) {
                        return item
                    }
                }
                // The quantity first on the line (after a bullet), the description between it and the price.
                let lead = words.prefix { Self.bullets.contains($0.text) }.count
                let leadingUnit = Self.knownUnit(words, at: lead + 1, before: beforePrice)
                if beforePrice >= lead + 1, let quantity = Self.readings(words, endingAt: lead).first, !quantity.hasCurrency,
                   computes(quantity, price, total, discount),
                   let item = arithmeticItem(words, line: line, quantity: quantity, unit: leadingUnit, price: price, total: total,
                                             describedBy: (lead + 1 + (leadingUnit == nil ? 0 : 1))..<(beforePrice + 1),
                                             positionFirst: false) {
                    return item
                }
            }
        }
        return nil
    }

    /// quantity × price × (1 − discount) = total, to the total's last written digit.
    func computes(_ quantity: WordNumber, _ price: WordNumber, _ total: WordNumber, _ discount: Decimal) -> Bool {
        guard quantity.value > 0, quantity.value < 10_000_000, quantity.scale <= 3 else { return false }
        var product = quantity.value * price.value
        if discount > 0 { product = product * (100 - discount) / 100 }
        var tolerance = Decimal(1)
        for _ in 0..<min(total.scale, 4) { tolerance /= 10 }
        let difference = product > total.value ? product - total.value : total.value - product
        return difference <= tolerance
    }

    func arithmeticItem(_ words: [Word], line: LineItems.Line, quantity: WordNumber, unit: Word?, price: WordNumber,
                        total: WordNumber, describedBy range: Range<Int>, positionFirst: Bool = true) -> LineItems.Item? {
        guard !range.isEmpty else { return nil }
        var from = range.lowerBound
        // "6 x Lager …": the "x" after a leading quantity is no part of the description.
        if !positionFirst, range.count >= 2, ["x", "×", "*"].contains(words[from].text.lowercased()) { from += 1 }
        var to = range.upperBound
        // "Leishman stain 500 ml  - 20 btl x …": a dash or colon before the quantity ends the description.
        while to - from >= 2, Self.bullets.contains(words[to - 1].text) || words[to - 1].text == ":" { to -= 1 }
        // "1", "1.", "Pos. 1", "10)": a running position.
        if positionFirst, to - from >= 2, ["pos", "pos.", "item", "line", "nr.", "no."].contains(words[from].text.lowercased()),
           Self.number(in: words[from + 1].text) != nil {
            from += 2
        } else if positionFirst, to - from >= 2 {
            let w = words[from].text.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))
            if w.count <= 3, w.allSatisfy({ $0.isASCII && $0.isNumber }) { from += 1 }
        }
        // An article code: "GLF-VB-220", "IVG-180", "1180442".
        var sku: Word?
        if to - from >= 2 {
            let w = words[from].text
            let digitsOnly = w.count >= 4 && w.count <= 20 && w.allSatisfy { $0.isASCII && $0.isNumber }
            if digitsOnly || LineItems.codeToken.firstMatch(in: w)?.value == w {
                sku = words[from]
                from += 1
            }
        }
        guard from < to else { return nil }
        let start = words[from].start, end = words[to - 1].end
        let description = Self.substring(line.text, start, end)
        guard description.filter(\.isLetter).count >= 2, !LineItems.closesTable(description),
              LineItems.notItems.firstMatch(in: description) == nil else { return nil }

        var item = LineItems.Item(line: line.offset)
        let quantityText = Self.substring(line.text, words[quantity.first].start, words[quantity.last].end)
        set(&item, "quantity", .number(quantity.value), quantityText, line.offset + words[quantity.first].start)
        set(&item, "description", .text(description), description, line.offset + start)
        if let sku { set(&item, "sku", .text(sku.text), sku.text, line.offset + sku.start) }
        if let unit { set(&item, "unit", .text(unit.text), unit.text, line.offset + unit.start) }
        for (name, number) in [("unit_price", price), ("line_total", total)] {
            let a = words[number.first].start, b = words[number.last].end
            let text = Self.substring(line.text, a, b)
            if let (value, excerpt, offset) = ValueReader.read(text, as: .money, whole: true, context: context),
               case .money(let v, _) = value, v == number.value {
                set(&item, name, value, excerpt, line.offset + a + offset)
            } else {
                set(&item, name, .money(number.value, currency: nil), text, line.offset + a)
            }
        }
        return complete(item) ? item : nil
    }
}
