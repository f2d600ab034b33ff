import Crypto
import Foundation
import Vocabulary

/// One product of `rules/catalogue.csv`.
public struct CatalogueProduct: Sendable, Hashable, Codable {
    public var sku: String
    public var name: String
    /// Other names customers use, in any language (EN/DE/ZH in the demo).
    public var aliases: [String]
    public var unit: String
    public var unitPrice: Double
    public var currency: String

    public init(sku: String, name: String, aliases: [String] = [], unit: String, unitPrice: Double, currency: String) {
        self.sku = sku
        self.name = name
        self.aliases = aliases
        self.unit = unit
        self.unitPrice = unitPrice
        self.currency = currency
    }
}

/// The product catalogue quote requests are matched against: a CSV file with the header
/// `sku,name,aliases,unit,unit_price,currency` (aliases separated by `|`; RFC 4180 quoting).
public struct ProductCatalogue: Sendable, Hashable {
    public var products: [CatalogueProduct]
    public var file: String?
    /// SHA-256 of the file's bytes (recorded with every decision that priced a quote).
    public var sha256: String?

    public init(products: [CatalogueProduct], file: String? = nil) {
        self.products = products
        self.file = file
    }

    /// What is allowed but probably a mistake: several currencies (one quotation has one; lines in another
    /// go to review), products without aliases (only their SKU, exact name or a fuzzy match finds them).
    public var warnings: [RuleFileProblem] {
        var out: [RuleFileProblem] = []
        let currencies = Set(products.map(\.currency))
        if currencies.count > 1 {
            out.append(RuleFileProblem(file: file ?? "catalogue.csv", line: nil, column: nil, severity: .warning,
                                       message: "the catalogue mixes currencies (\(currencies.sorted().joined(separator: ", "))): quote lines priced in another currency than the first line go to review"))
        }
        return out
    }

    public func product(sku: String) -> CatalogueProduct? {
        let wanted = QuoteText.normalisedSKU(sku)
        return products.first { QuoteText.normalisedSKU($0.sku) == wanted }
    }

    public static let columns = ["sku", "name", "aliases", "unit", "unit_price", "currency"]

    public static func load(csv url: URL) throws(RuleFileProblems) -> ProductCatalogue {
        let shown = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw RuleFileProblems([RuleFileProblem(file: shown, line: nil, column: nil, message: "cannot read the catalogue as UTF-8 text")])
        }
        var catalogue = try parse(text, file: shown)
        catalogue.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return catalogue
    }

    public static func parse(_ text: String, file: String) throws(RuleFileProblems) -> ProductCatalogue {
        var problems: [RuleFileProblem] = []
        let rows = CSVRows.parse(text)
        guard let header = rows.first else {
            throw RuleFileProblems([RuleFileProblem(file: file, line: 1, column: 1, message: "the catalogue is empty",
                                                    suggestion: "start with the header \(columns.joined(separator: ","))")])
        }
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let n = name.trimmingCharacters(in: .whitespaces).lowercased()
            if columns.contains(n) { index[n] = i } else {
                problems.append(RuleFileProblem(file: file, line: header.line, column: nil, message: "unknown column '\(name)'",
                                                suggestion: Suggestion.closest(to: n, among: columns).map { "did you mean '\($0)'?" }))
            }
        }
        for c in columns where index[c] == nil && c != "aliases" {
            problems.append(RuleFileProblem(file: file, line: header.line, column: nil, message: "the column '\(c)' is missing"))
        }
        if !problems.isEmpty { throw RuleFileProblems(problems) }
        var products: [CatalogueProduct] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].isEmpty) {
            func field(_ c: String) -> String {
                guard let i = index[c], i < row.fields.count else { return "" }
                return row.fields[i].trimmingCharacters(in: .whitespaces)
            }
            let sku = field("sku")
            if sku.isEmpty { problems.append(RuleFileProblem(file: file, line: row.line, column: 1, message: "a product without SKU")); continue }
            guard let price = Double(field("unit_price")), price >= 0 else {
                problems.append(RuleFileProblem(file: file, line: row.line, column: nil,
                                                message: "\(sku): unit_price '\(field("unit_price"))' is not a number",
                                                suggestion: "write it like 12.50"))
                continue
            }
            let currency = field("currency").uppercased()
            if currency.count != 3 {
                problems.append(RuleFileProblem(file: file, line: row.line, column: nil, message: "\(sku): currency '\(currency)' is no ISO 4217 code"))
            }
            if let first = seen[QuoteText.normalisedSKU(sku)] {
                problems.append(RuleFileProblem(file: file, line: row.line, column: 1, message: "SKU \(sku) is listed twice (first on line \(first))"))
            }
            seen[QuoteText.normalisedSKU(sku)] = row.line
            let aliases = field("aliases").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            products.append(CatalogueProduct(sku: sku, name: field("name"), aliases: aliases, unit: field("unit"),
                                             unitPrice: price, currency: currency))
        }
        if !problems.isEmpty { throw RuleFileProblems(problems) }
        return ProductCatalogue(products: products, file: file)
    }
}

/// RFC 4180 rows with the line each starts on.
package enum CSVRows {
    package struct Row { var line: Int; var fields: [String] }

    package static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": fields.append(field); field = ""
            case "\r": continue
            case "\n":
                fields.append(field); field = ""
                rows.append(Row(line: rowLine, fields: fields)); fields = []
                line += 1; rowLine = line
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); rows.append(Row(line: rowLine, fields: fields)) }
        return rows
    }
}
