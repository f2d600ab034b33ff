import Foundation
@testable import Vocabulary
@testable import Parse
@testable import Understand
import MailroomTesting

/// The repository's own folders (rules/, demo/), found from this file's place.
enum RepositoryFiles {
    static let root: URL = Repository.root
    static var kinds: URL { root.appendingPathComponent("rules/kinds") }
    static var demoMail: URL { root.appendingPathComponent("demo/Maildir/new") }

    /// Loaded once for all tests (compiling every pattern of every kind takes a moment).
    static let loaded: Result<KindCatalogue, RuleFileProblems> = Result { () throws(RuleFileProblems) in
        try KindCatalogue.load(directory: kinds)
    }
    static func catalogue() throws -> KindCatalogue { try loaded.get() }

    /// A demo mail by its number (1…) in demo/README.md.
    static func demo(_ number: Int) throws -> Data {
        let names = try FileManager.default.contentsOfDirectory(atPath: demoMail.path).filter { $0.contains(".M\(number)P") }
        guard let name = names.first else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: demoMail.appendingPathComponent(name))
    }
}

enum TestMail {
    static func make(from: String = "Jane Buyer <jane@customer.example>", subject: String, body: String,
                     headers: [String] = []) -> Data {
        var text = "From: \(from)\nTo: sales@brightwater-components.example\nSubject: \(subject)\n"
            + "Date: Mon, 23 Nov 2026 08:00:00 +0000\nMessage-ID: <t-\(abs(subject.hashValue))@customer.example>\n"
        for h in headers { text += h + "\n" }
        text += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n"
        return Data(text.utf8)
    }

    /// A small classifier trained from a handful of made-up texts per kind.
    static let classifier: KindClassifier = {
        let samples: [(String, String, String)] = [
            ("quote_request", "Request for quotation", "Please send us your best price and lead time for the following items, quote"),
            ("quote_request", "Anfrage Angebot", "Bitte senden Sie uns ein Angebot für folgende Positionen, Preis und Lieferzeit"),
            ("quote_request", "询价", "请报价以下产品，含税价及交货期"),
            ("invoice", "Invoice", "Please find attached our invoice. Amount due, payable by, IBAN, VAT"),
            ("invoice", "Rechnung", "anbei unsere Rechnung, zahlbar bis, Rechnungsbetrag, IBAN, USt"),
            ("support_ticket", "Bearing failure", "the bearings failed after 200 hours, please help, defect, replacement"),
            ("purchase_order", "Purchase order", "We hereby order the following items according to your quotation, PO number"),
            ("approval", "Re: approval needed", "Approved."),
            ("other", "Weekly newsletter", "news, events, read more, unsubscribe, webinar"),
            ("auto_reply", "Automatic reply", "I am out of the office until Monday"),
        ]
        return KindClassifier.train(samples.map { kind, subject, body in
            (kind: kind, input: MessageContent.read(raw: make(subject: subject, body: body)).classifierInput)
        })
    }()
}
