import Act
import Daemon
import Decide
import Foundation
import Markup
import Parse
import Understand
import Vocabulary

/// The entry points of the fuzz targets (issue 14): each hands one input to the project's real reader of
/// hostile or hand-written text. libFuzzer calls them through `mailroom-fuzz` (Tests/Fuzz/Driver, built only
/// by `make fuzz`); `FuzzReplayTests` calls the same functions over the saved corpus and crash fixtures in
/// `make test`. An input may be anything; none of them may crash, hang or grow without bound.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Raw bytes of a mail through `MessageParser` with the standard per-message budget (no wall-clock limit,
    /// so a run is the same every time).
    case mime
    /// HTML bytes to plain text (libxml2's HTML parser through Markup, then Parse's renderer).
    case html
    /// E-invoice and order XML: UBL, CII, ZUGFeRD 1, read by Understand.
    case einvoice
    /// RTF to text, and compressed RTF (LZFu) as it arrives inside TNEF.
    case rtf
    /// winmail.dat (TNEF): the message, its attachments and its body text.
    case tnef
    /// The rule language: one expression parsed, checked by evaluation over a fixed scope.
    case expression
    /// An action parameter template (`text {{ expression }}`), parsed and rendered over a fixed scope.
    case template
    /// A rule file (YAML) as the daemon loads it.
    case rules
    /// A kind file (YAML).
    case kinds
    /// A connector file (YAML), with no environment variables set.
    case connectors
    /// The daemon's configuration file (mailroom.yaml).
    case configuration

    /// Runs the target on one input. Never throws: the readers report problems as values.
    public func run(_ data: Data) {
        switch self {
        case .mime: Self.mime(data)
        case .html: Self.html(data)
        case .einvoice: Self.einvoice(data)
        case .rtf: Self.rtf(data)
        case .tnef: Self.tnef(data)
        case .expression: Self.expression(data)
        case .template: Self.template(data)
        case .rules: Self.rules(data)
        case .kinds: Self.kinds(data)
        case .connectors: Self.connectors(data)
        case .configuration: Self.configuration(data)
        }
    }

    /// YAML and rule text reach the readers as text; bytes that are not UTF-8 are decoded with replacements
    /// (the file readers refuse them earlier, with a problem).
    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    static func mime(_ data: Data) {
        let meter = MessageBudgetMeter(.standard, deadline: .never)
        let parsed = MessageParser.parse(data, meter: meter)
        _ = parsed.normalised
    }

    static func html(_ data: Data) {
        _ = HTMLText.plainText(fromHTML: data, charset: nil)
    }

    static func einvoice(_ data: Data) {
        _ = EInvoiceReader.read(xml: data)
        _ = BusinessDocumentReader.read(xml: data)
    }

    static func rtf(_ data: Data) {
        let bytes = [UInt8](data)
        _ = RTFText.plainText(fromRTF: bytes)
        if let decompressed = try? CompressedRTF.decompress(bytes[...]) {
            _ = RTFText.plainText(fromRTF: decompressed)
        }
    }

    static func tnef(_ data: Data) {
        _ = try? TNEF.parse(data)
        _ = try? TNEF.attachments(in: data)
        _ = TNEF.bodyText(in: data)
    }

    /// What a condition sees: a message with a subject, a sender, fields with a list of lines and money.
    static let scope = EvaluationScope(
        names: [
            "subject": .string("Order 4711 — 3 × conveyor belt"),
            "sender": .object(["address": .string("buyer@example.com"), "domain": .string("example.com"),
                               "name": .string("A Buyer")]),
            "kind": .string("purchase_order"),
            "confidence": .number(Decimal(string: "0.93")!),
            "fields": .object([
                "order_number": .string("4711"),
                "gross_total": .money(Decimal(string: "1712.00")!, scale: 2),
                "lines": .list([
                    .object(["sku": .string("CB-100"), "quantity": .number(3), "price": .money(500, scale: 2)]),
                    .object(["sku": .string("CB-200"), "quantity": .number(1), "price": .money(Decimal(string: "212.00")!, scale: 2)]),
                ]),
            ]),
            "message": .object(["subject": .string("Order 4711"), "body": .string("Please deliver by Friday.\nThanks")]),
            "thread": .object(["count": .number(2)]),
            "source": .string("maildir"),
            "captured": .object(["ticket": .string("T-1")]),
        ],
        now: Date(timeIntervalSince1970: 1_800_000_000),
        receivedAt: Date(timeIntervalSince1970: 1_799_990_000))

    static let evaluator = ExpressionEvaluator()

    static func expression(_ data: Data) {
        guard let parsed = try? ExpressionParser.parse(text(data)) else { return }
        _ = try? evaluator.evaluate(parsed, in: scope)
    }

    static func template(_ data: Data) {
        guard let parsed = try? Template.parse(text(data)) else { return }
        _ = try? parsed.render(evaluator, in: scope)
    }

    static func rules(_ data: Data) {
        _ = RuleFileReader.read(yaml: text(data), file: "fuzz.yaml", sha256: "", kinds: nil, connectors: nil)
    }

    static func kinds(_ data: Data) {
        _ = try? KindCatalogue.parse(yaml: text(data), file: "fuzz.yaml")
    }

    static func connectors(_ data: Data) {
        var reader = ConnectorFileReader(file: "fuzz.yaml", fileURL: URL(fileURLWithPath: "/nonexistent/fuzz.yaml"),
                                         environment: [:])
        _ = reader.read(text: text(data))
    }

    static func configuration(_ data: Data) {
        _ = try? MailroomConfig.parse(yaml: text(data), file: "fuzz.yaml", baseDirectory: "/nonexistent")
    }
}
