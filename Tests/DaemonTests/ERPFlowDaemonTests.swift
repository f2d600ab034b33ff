import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Act
@testable import CurlTransport
import MailroomTesting

/// A deployment of the real `mailroom` binary in a scratch folder: its own mailroom.yaml, the shipped kinds,
/// examples, catalogue and rule files (rules/quotes.yaml, rules/invoices.yaml as they are in git), and
/// connectors pointing at test servers. Mail is delivered into its Maildir's new/.
struct FlowDeployment {
    let scratch: IngestScratch
    var root: String { scratch.root }
    var config: String { scratch.path("mailroom.yaml") }

    init(_ label: String, ruleFiles: [String], connectors: [String: String], extraRules: [String: String] = [:]) throws {
        scratch = try IngestScratch(label)
        _ = try scratch.makeMaildir()
        let fm = FileManager.default
        let repoRules = MailroomProcess.root.appendingPathComponent("rules")
        try fm.createDirectory(atPath: scratch.path("rules"), withIntermediateDirectories: true)
        for item in ["kinds", "examples", "catalogue.csv"] + ruleFiles {
            try fm.copyItem(at: repoRules.appendingPathComponent(item), to: URL(fileURLWithPath: scratch.path("rules/\(item)")))
        }
        for (name, text) in extraRules { try scratch.write(text, to: "rules/\(name)") }
        for (name, text) in connectors { try scratch.write(text, to: "connectors/\(name)") }
        try scratch.write("""
            store:
              path: state/mailroom.sqlite
            spool:
              path: state/spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
                  poll_seconds: 1
            pipeline:
              workers: 1
            rules:
              path: rules
              connectors: connectors
              max_attempts: 4
              first_retry_seconds: 1
              max_retry_seconds: 5
              outbox_poll_seconds: 1
            log:
              level: info
            """, to: "mailroom.yaml")
    }

    /// A Tryton connector file (JSON-RPC, password from a file beside it).
    static func erpConnector(port: Int) -> [String: String] {
        ["erp.yaml": """
            type: tryton
            url: http://127.0.0.1:\(port)
            database: mailroom
            username: admin
            password_file: tryton-password
            timeout_seconds: 60
            """, "tryton-password": "admin\n"]
    }

    func deliver(_ mail: String, as name: String) throws {
        // Written in tmp/ and renamed into new/, as a delivery agent does.
        try scratch.write(mail.replacingOccurrences(of: "\n", with: "\r\n"), to: "Maildir/tmp/\(name)")
        try FileManager.default.moveItem(atPath: scratch.path("Maildir/tmp/\(name)"), toPath: scratch.path("Maildir/new/\(name)"))
    }

    func store() throws -> MailStore { try MailStore(path: scratch.path("state/mailroom.sqlite")) }

    func message(subjectContaining text: String) throws -> StoredMessage? {
        guard FileManager.default.fileExists(atPath: scratch.path("state/mailroom.sqlite")) else { return nil }
        return try store().messages(matching: MessageFilter()).first { ($0.subject ?? "").contains(text) }
    }

    func daemon(environment: [String: String] = [:], label: String = "daemon") throws -> MailroomProcess {
        try MailroomProcess.start(["run", "--config", config], in: root, label: label, environment: environment)
    }

    func cli(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await MailroomProcess.run(arguments + ["--config", config], in: root, timeout: .seconds(120))
    }

    func remove() { scratch.remove() }
}

/// Polls `body` until it gives a value, or fails the test after `timeout`.
func eventually<T>(_ what: String, timeout: Duration = .seconds(240), daemon: MailroomProcess? = nil,
                   _ body: () async throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if let value = try await body() { return value }
        if let daemon, !daemon.process.isRunning {
            throw TestServerError(message: "the daemon ended (\(daemon.process.terminationStatus)) while waiting for \(what): \(daemon.stderr.suffix(3000))")
        }
        try await Task.sleep(for: .milliseconds(500))
    }
    throw TestServerError(message: "timed out waiting for \(what)" + (daemon.map { ": \($0.stderr.suffix(3000))" } ?? ""))
}

/// Stops a daemon: SIGTERM (it exits 0 when done), SIGKILL if it does not.
func stopDaemon(_ daemon: MailroomProcess) async {
    guard daemon.process.isRunning else { return }
    daemon.signal(SIGTERM)
    if !(await daemon.waitForExit(timeout: .seconds(40))) {
        daemon.signal(SIGKILL)
        _ = await daemon.waitForExit(timeout: .seconds(10))
    }
}

enum FlowMails {
    static func quote(from: String, company: String, reference: String, lines: [String], id: String) -> String {
        """
        From: Purchasing <\(from)>
        To: sales@brightwater.example
        Subject: Request for quotation \(reference)
        Date: Mon, 23 Nov 2026 08:00:00 +0000
        Message-ID: <\(id)>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Dear sales team,

        please send us your quotation for the following items:

        \(lines.map { "  " + $0 }.joined(separator: "\n"))

        Our reference: \(reference)
        Delivery date: 15.12.2026

        Kind regards
        Purchasing department
        \(company)

        """
    }

    static let acme = quote(from: "purchasing@acme.example", company: "Acme Industries Ltd", reference: "RFQ-2026-311", lines: [
        "1  PMP-100      Centrifugal pump CP-100          2 pcs",
        "2  VLV-BALL-50  Kugelhahn DN50 Edelstahl         4 pcs",
        "3  GAU-PRS-63   Pressure gauge 63 mm             10 pcs",
    ], id: "rfq-311@acme.example")

    static let unmatched = quote(from: "einkauf@hansa-anlagen.example", company: "Hansa Anlagenbau GmbH", reference: "RFQ-2026-312", lines: [
        "1  PMP-250      Centrifugal pump CP-250          1 pcs",
        "2  XQZ-77       Unicorn saddle deluxe            3 pcs",
    ], id: "rfq-312@hansa-anlagen.example")

    static let newCustomer = quote(from: "einkauf@nordwind-pumpen.example", company: "Nordwind Pumpen GmbH", reference: "RFQ-2026-313", lines: [
        "1  PMP-SUB      Submersible pump SP-40           3 pcs",
        "2  FLT-Y-50     Y-strainer DN50                  6 pcs",
    ], id: "rfq-313@nordwind-pumpen.example")

    /// A supplier's mail with the invoice attached (base64).
    static func invoice(number: String, attachment: Data, filename: String, contentType: String) -> String {
        let b64 = attachment.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        return """
            From: Buchhaltung <rechnung@supplier.example>
            To: office@brightwater.example
            Subject: Rechnung \(number)
            Date: Tue, 24 Nov 2026 09:00:00 +0000
            Message-ID: <\(number)@supplier.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            Sehr geehrte Damen und Herren,
            anbei unsere Rechnung \(number).

            --b1
            Content-Type: \(contentType); name="\(filename)"
            Content-Disposition: attachment; filename="\(filename)"
            Content-Transfer-Encoding: base64

            \(b64)
            --b1--

            """
    }
}

/// Reads what Tryton holds, as a person would check it.
struct TrytonView {
    let erp: TrytonConnector

    func sales(reference: String) async throws -> [JSONValue] {
        try await erp.searchRead("sale.sale", [["reference", "=", .string(reference)]],
                                 fields: ["id", "party", "state", "untaxed_amount", "total_amount", "currency", "comment"], limit: 10)
    }

    /// (product code, quantity, unit price) of each line.
    func lines(ofSale id: Int64) async throws -> [(String, Double, Double)] {
        let lines = try await erp.searchRead("sale.line", [["sale", "=", .int(id)]], fields: ["product", "quantity", "unit_price"], limit: 50)
        var out: [(String, Double, Double)] = []
        for line in lines {
            let productID = try #require(line["product"]?.intValue)
            let code = try await erp.searchRead("product.product", [["id", "=", .int(productID)]], fields: ["code"]).first?["code"]?.stringValue
            out.append((code ?? "?", TrytonValue.number(line["quantity"]) ?? .nan, TrytonValue.number(line["unit_price"]) ?? .nan))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    func party(email: String) async throws -> Int64? {
        try await erp.searchRead("party.contact_mechanism", [["type", "=", "email"], ["value", "=", .string(email)]], fields: ["party"]).first?["party"]?.intValue
    }

    func parties(named name: String) async throws -> Int {
        try await erp.searchRead("party.party", [["name", "=", .string(name)]], fields: ["id"], limit: 10).count
    }
}

/// Issue 7's end-to-end checks with the daemon as a process and a real Tryton: quote request → quotation →
/// approval → confirmed; e-invoices → draft supplier invoices with the XML's totals; the daemon killed
/// between "sent" and "recorded" does nothing twice (Tryton and http).
@Suite("daemon end to end with a real Tryton", .serverLogsOnFailure, .serialized)
struct ERPFlowDaemonTests {
    @Test("quote request mail → priced quotation in Tryton waiting for approval → approve → confirmed; unmatched line → review; audit complete")
    func quoteToConfirmedQuotation() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let tryton = try TrytonTestServer()
        let view = TrytonView(erp: try tryton.connector())
        let d = try FlowDeployment("quote-flow", ruleFiles: ["quotes.yaml", "invoices.yaml"],
                                   connectors: FlowDeployment.erpConnector(port: tryton.port))
        defer { d.remove() }
        let check = try await d.cli(["rules", "check"])
        #expect(check.status == 0, "rules check: \(check.stdout) \(check.stderr)")

        try d.deliver(FlowMails.acme, as: "1795000001.M1P1.test")
        try d.deliver(FlowMails.unmatched, as: "1795000002.M2P1.test")
        let daemon = try d.daemon()

        // The quotation: the right customer, lines and prices from the catalogue, the total; not confirmed.
        let sale = try await eventually("the quotation RFQ-2026-311 in Tryton", daemon: daemon) {
            try await view.sales(reference: "RFQ-2026-311").first { $0["state"]?.stringValue == "quotation" }
        }
        let saleID = try #require(sale["id"]?.intValue)
        let acme = try await view.party(email: "purchasing@acme.example")
        #expect(acme != nil && sale["party"]?.intValue == acme)
        let lines = try await view.lines(ofSale: saleID)
        #expect(lines.map(\.0) == ["GAU-PRS-63", "PMP-100", "VLV-BALL-50"])
        #expect(lines.map(\.1) == [10, 2, 4])
        #expect(lines.map(\.2) == [18.9, 1250, 112])
        #expect(TrytonValue.number(sale["untaxed_amount"]) == 3137)
        #expect(TrytonValue.number(sale["total_amount"]) == 3137)

        // The confirmation waits for sales' approval.
        let approvals = try await eventually("the approval of confirm_quotation", daemon: daemon) { () -> String? in
            let out = try await d.cli(["approvals", "list"])
            return out.stdout.contains("confirm_quotation") ? out.stdout : nil
        }
        let reference = try #require(approvals.firstMatch(of: /APR-[0-9]+-[A-Z0-9]{4}/).map { String($0.output) })
        try await Task.sleep(for: .seconds(2))
        #expect(try await view.sales(reference: "RFQ-2026-311").first?["state"] == "quotation", "confirmed before approval")

        // The request with an unknown line waits in review, the line named; no quotation for it.
        let held = try await eventually("the unmatched request in review", daemon: daemon) {
            try d.message(subjectContaining: "RFQ-2026-312").flatMap { $0.state == .review ? $0 : nil }
        }
        let reason = held.flagReason ?? ""
        #expect(reason.contains("line 2 '3 × Unicorn saddle deluxe'"), "\(reason)")
        #expect(!reason.contains("line 1"), "\(reason)")
        #expect(try await view.sales(reference: "RFQ-2026-312").isEmpty)
        #expect(try d.store().outboxEntries(messageID: held.id).isEmpty)

        // Approve as a person, from the command line; the daemon's outbox worker confirms.
        let approve = try await d.cli(["approve", reference, "--by", "anna"])
        #expect(approve.status == 0, "approve: \(approve.stdout) \(approve.stderr)")
        let confirmed = try await eventually("the quotation confirmed in Tryton", daemon: daemon) {
            try await view.sales(reference: "RFQ-2026-311").first { ["confirmed", "processing"].contains($0["state"]?.stringValue ?? "") }
        }
        #expect(confirmed["id"]?.intValue == saleID)
        #expect(try await view.sales(reference: "RFQ-2026-311").count == 1)
        await stopDaemon(daemon)
        #expect(daemon.process.terminationStatus == 0, "\(daemon.stderr.suffix(2000))")

        // The audit shows every step and verifies.
        let verify = try await d.cli(["audit", "verify"])
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
        let message = try #require(try d.message(subjectContaining: "RFQ-2026-311"))
        let events = try d.store().auditEvents(matching: AuditFilter(messageID: message.id))
        let types = events.map(\.eventType)
        for step in ["received", "parsed", "understood", "decided", "action_enqueued", "action_done", "action_approved"] {
            #expect(types.contains(step), "no \(step) in \(types)")
        }
        let decided = try #require(events.first { $0.eventType == "decided" }?.detailsValue)
        let quoteLines = decided["quote"]?["lines"]?.arrayValue ?? []
        #expect(quoteLines.count == 3)
        #expect(quoteLines.allSatisfy { $0["confidence"]?.doubleValue != nil && $0["matched_by"]?.stringValue == "sku" })
        #expect(decided["rule_files"]?.arrayValue?.contains { $0["file"]?.stringValue?.hasSuffix("catalogue.csv") == true } == true)
        let approved = try #require(events.first { $0.eventType == "action_approved" })
        #expect(approved.actor.hasPrefix("person:anna via operator:"), "\(approved.actor)")
        let done = events.filter { $0.eventType == "action_done" }.compactMap { $0.detailsValue?["action"]?.stringValue }
        #expect(done == ["find_or_create_party", "create_quotation", "confirm_quotation"])
        let created = try #require(events.first { $0.eventType == "action_done" && $0.detailsValue?["action"] == "create_quotation" }?.detailsValue)
        #expect(created["captured"]?["quotation_id"]?.intValue == saleID)
        #expect(created["request"]?["values"]?["lines"] != nil)
        // Both approval and confirmation come after the quotation was created.
        let sequence = { (t: String, a: String?) in events.first { $0.eventType == t && (a == nil || $0.detailsValue?["action"]?.stringValue == a) }?.sequence ?? -1 }
        #expect(sequence("action_done", "create_quotation") < sequence("action_approved", nil))
        #expect(sequence("action_approved", nil) < sequence("action_done", "confirm_quotation"))
    }

    static func xmlTotals(_ xml: String, net: String, tax: String, gross: String) -> (Double, Double, Double)? {
        func value(_ tag: String) -> Double? {
            guard let r = xml.range(of: "<\(tag)( [^>]*)?>[0-9.]+</", options: .regularExpression) else { return nil }
            let inner = String(xml[r]).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            return Double(inner.replacingOccurrences(of: "</", with: ""))
        }
        guard let n = value(net), let t = value(tax), let g = value(gross) else { return nil }
        return (n, t, g)
    }

    /// The invoice XML of a mail, read independently of Mailroom (Python's email package; the XML attached, or
    /// embedded in an attached PDF's Flate stream, as Factur-X does).
    static func invoiceXML(ofMail path: String) throws -> String {
        let script = #"""
            import email, re, sys, zlib
            from email import policy
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
            for part in m.walk():
                name = (part.get_filename() or '').lower()
                data = part.get_payload(decode=True)
                if not data: continue
                if name.endswith('.xml'):
                    sys.stdout.write(data.decode('utf-8')); sys.exit(0)
                if name.endswith('.pdf'):
                    for s in re.finditer(rb'stream\r?\n(.*?)\r?\nendstream', data, re.S):
                        try: x = zlib.decompress(s.group(1))
                        except Exception: x = s.group(1)
                        if b'CrossIndustryInvoice' in x:
                            sys.stdout.write(x.decode('utf-8')); sys.exit(0)
            sys.exit(1)
            """#
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mr-xml-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, path]
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let text = try String(contentsOf: out, encoding: .utf8)
        guard text.contains("Invoice") else { throw TestServerError(message: "no invoice XML found in \(path)") }
        return text
    }

    @Test("e-invoice mails (XRechnung UBL XML, Factur-X PDF) → draft supplier invoices in Tryton with the XML's totals")
    func eInvoicesBecomeDraftSupplierInvoices() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        // Two of the demo mailbox's supplier invoices: an XRechnung (UBL 2.1 XML attached) and a Factur-X PDF
        // (CII XML embedded, reverse charge).
        let demo = MailroomProcess.root.appendingPathComponent("demo/Maildir/new")
        let ublMail = demo.appendingPathComponent("1794563053.M15P1.demo").path
        let facturxMail = demo.appendingPathComponent("1795771016.M36P1.demo").path
        let ublXML = try Self.invoiceXML(ofMail: ublMail)
        let ciiXML = try Self.invoiceXML(ofMail: facturxMail)
        #expect(ublXML.contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"))
        #expect(ciiXML.contains("CrossIndustryInvoice"))
        let ublTotals = try #require(Self.xmlTotals(ublXML, net: "cbc:TaxExclusiveAmount", tax: "cbc:TaxAmount", gross: "cbc:PayableAmount"))
        let ciiTotals = try #require(Self.xmlTotals(ciiXML, net: "ram:TaxBasisTotalAmount", tax: "ram:TaxTotalAmount", gross: "ram:GrandTotalAmount"))
        let ublNumber = try #require(ublXML.firstMatch(of: /<cbc:ID>([^<]+)<\/cbc:ID>/).map { String($0.1) })
        let ciiNumber = try #require(ciiXML.firstMatch(of: /<rsm:ExchangedDocument>\s*<ram:ID>([^<]+)<\/ram:ID>/).map { String($0.1) })

        let tryton = try TrytonTestServer()
        let erp = try tryton.connector()
        let d = try FlowDeployment("einvoice-flow", ruleFiles: ["quotes.yaml", "invoices.yaml"],
                                   connectors: FlowDeployment.erpConnector(port: tryton.port))
        defer { d.remove() }
        for (i, mail) in [ublMail, facturxMail].enumerated() {
            try FileManager.default.copyItem(atPath: mail, toPath: d.scratch.path("Maildir/new/179500001\(i).M\(i)P1.test"))
        }
        let daemon = try d.daemon()
        for (number, totals, format) in [(ublNumber, ublTotals, "UBL"), (ciiNumber, ciiTotals, "Factur-X")] {
            let invoice = try await eventually("the \(format) invoice \(number) in Tryton", daemon: daemon) {
                try await erp.searchRead("account.invoice", [["reference", "=", .string(number)]],
                                         fields: ["id", "type", "state", "untaxed_amount", "tax_amount", "total_amount", "party"]).first
            }
            #expect(invoice["type"] == "in", "\(format)")
            #expect(invoice["state"] == "draft", "\(format)")
            #expect(TrytonValue.number(invoice["untaxed_amount"]) == totals.0, "\(format) net")
            #expect(TrytonValue.number(invoice["tax_amount"]) == totals.1, "\(format) tax")
            #expect(TrytonValue.number(invoice["total_amount"]) == totals.2, "\(format) gross")
            #expect(try await erp.searchRead("account.invoice", [["reference", "=", .string(number)]], fields: ["id"], limit: 5).count == 1)
        }
        await stopDaemon(daemon)
        let verify = try await d.cli(["audit", "verify"])
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
    }

    @Test("killed between Tryton's create and the record (party, then quotation), restarted: one party, one quotation")
    func exactlyOnceWithTryton() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let tryton = try TrytonTestServer()
        let view = TrytonView(erp: try tryton.connector())
        let d = try FlowDeployment("tryton-once", ruleFiles: ["quotes.yaml"], connectors: FlowDeployment.erpConnector(port: tryton.port))
        defer { d.remove() }
        try d.deliver(FlowMails.newCustomer, as: "1795000021.M1P1.test")

        // 1: dies right after Tryton created the party, before Mailroom recorded it.
        let first = try d.daemon(environment: ["MAILROOM_FAILPOINT": "after-send:erp"], label: "first")
        #expect(await first.waitForExit(timeout: .seconds(240)))
        #expect(first.process.terminationStatus == 86, "\(first.stderr.suffix(2000))")
        #expect(first.stderr.contains("fail point after-send:erp"))
        #expect(try await view.parties(named: "Nordwind Pumpen GmbH") == 1)
        #expect(try await view.sales(reference: "RFQ-2026-313").isEmpty)

        // 2: finds the party it made (no second one), creates the quotation, dies before recording it.
        let second = try d.daemon(environment: ["MAILROOM_FAILPOINT": "after-send:erp"], label: "second")
        #expect(await second.waitForExit(timeout: .seconds(240)))
        #expect(second.process.terminationStatus == 86, "\(second.stderr.suffix(2000))")
        #expect(try await view.sales(reference: "RFQ-2026-313").count == 1)

        // 3: no fail point; the quotation is found, not made again; the confirmation waits for approval.
        let third = try d.daemon(label: "third")
        let store = try d.store()
        let message = try #require(try d.message(subjectContaining: "RFQ-2026-313"))
        _ = try await eventually("the quotation recorded, the confirmation waiting for approval", daemon: third) { () -> Bool? in
            let entries = try store.outboxEntries(messageID: message.id)
            let recorded = entries.contains { $0.action.action == "create_quotation" && $0.state == .done }
            let waiting = entries.contains { $0.action.action == "confirm_quotation" && $0.state == .awaitingApproval }
            return recorded && waiting ? true : nil
        }
        await stopDaemon(third)
        #expect(try await view.parties(named: "Nordwind Pumpen GmbH") == 1)
        let sales = try await view.sales(reference: "RFQ-2026-313")
        #expect(sales.count == 1)
        let entries = try store.outboxEntries(messageID: message.id)
        let quotation = try #require(entries.first { $0.action.action == "create_quotation" })
        #expect(quotation.state == .done)
        #expect(quotation.result?["found_earlier_result"] == true, "the quotation was not found as the earlier result")
        #expect(entries.first { $0.action.action == "find_or_create_party" }?.result?["found_earlier_result"] == true)
        #expect(quotation.result.flatMap { $0["captured"]?["quotation_id"]?.intValue } == sales.first?["id"]?.intValue)
        let verify = try await d.cli(["audit", "verify"])
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
    }

    @Test("killed between the http request and the record, restarted: the target got exactly one request")
    func exactlyOnceWithHTTP() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let hook = try LocalHTTPServer()
        let d = try FlowDeployment("http-once", ruleFiles: [], connectors: ["hook.yaml": """
            type: http
            base_url: \(hook.base)
            # The target answers GET /hook/lookup?key=K with the record made for key K (404 when none): after a
            # crash the connector asks before sending again.
            lookup_url: /hook/lookup?key={idempotency_key}
            timeout_seconds: 10
            """], extraRules: ["notify.yaml": """
            rules:
              - name: tell the hook about quote requests
                when: kind == "quote_request"
                actions:
                  - connector: hook
                    action: request
                    params:
                      path: /hook
                      body: {subject: "{{ subject }}", total: "{{ quote.total }}", lines: "{{ len(quote.lines) }}"}
                      capture: {hook_id: /id}
            """])
        defer { d.remove() }
        try d.deliver(FlowMails.acme, as: "1795000031.M1P1.test")

        let first = try d.daemon(environment: ["MAILROOM_FAILPOINT": "after-send:hook"], label: "first")
        #expect(await first.waitForExit(timeout: .seconds(240)))
        #expect(first.process.terminationStatus == 86, "\(first.stderr.suffix(2000))")
        let client = HTTPClient(allowedHosts: ["127.0.0.1"])
        let count = { () async throws -> JSONValue in try JSONValue.parse(try await client.send(HTTPRequest(url: hook.url("/hook/count"))).body) }
        #expect(try await count()["requests"] == 1)

        let second = try d.daemon(label: "second")
        let message = try #require(try d.message(subjectContaining: "RFQ-2026-311"))
        let store = try d.store()
        let done = try await eventually("the hook action done", daemon: second) {
            try store.outboxEntries(messageID: message.id).first { $0.state == .done }
        }
        await stopDaemon(second)
        #expect(try await count()["requests"] == 1, "the action was carried out twice")
        #expect(try await count()["created"] == 1)
        #expect(done.result.flatMap { $0["captured"]?["hook_id"]?.intValue } == 101)
        let events = try store.auditEvents(matching: AuditFilter(messageID: message.id, eventType: "action_done"))
        #expect(events.count == 1)
        #expect(events.first?.detailsValue?["found_earlier_result"] == true)
    }
}
