import Foundation
import Vocabulary
import Decide

/// `type: tryton` — the Tryton ERP over JSON-RPC (user and password; logs in again when the session
/// expired) or REST (a user application key; Tryton 7.4+).
///
/// Connector file keys: `url` (e.g. http://erp.example.com:8000), `database`, `protocol` (`json-rpc`, the
/// default, or `rest`), for json-rpc `username` and `password_env|password_file`, for rest
/// `key_env|key_file`; `company` (id, default 1), `allowed_hosts`, `timeout_seconds`, `rate_limit_per_second`.
///
/// Exactly once: every record Mailroom creates carries the outbox's idempotency key in its `comment`
/// (attachments: `description`), and `earlierResult` searches for it before anything is created again.
public struct TrytonConnector: Connector {
    public let name: String
    public var type: String { "tryton" }
    public let backend: any TrytonBackend
    public let company: Int64

    public init(name: String, rpc: TrytonRPC, company: Int64 = 1) {
        self.init(name: name, backend: rpc, company: company)
    }

    public init(name: String, backend: any TrytonBackend, company: Int64 = 1) {
        self.name = name
        self.backend = backend
        self.company = company
    }

    public var actions: [ConnectorActionSpec] {
        [
            ConnectorActionSpec(name: "find_or_create_party", requiredParameters: ["name"],
                                optionalParameters: ["email", "vat_id", "street", "postal_code", "city"],
                                summary: "find the party by VAT id or e-mail, or create it; captures party_id"),
            ConnectorActionSpec(name: "create_quotation", requiredParameters: ["party_id", "lines"],
                                optionalParameters: ["reference", "description", "delivery_date", "quote", "currency", "total"],
                                summary: "a sale with lines {sku (the product code) | description, quantity, unit_price (else the list price)}; currency: ISO code; total: the untaxed total it must come to; state quotation unless quote: false; captures quotation_id, quotation_number, total, untaxed_total"),
            ConnectorActionSpec(name: "confirm_quotation", requiredParameters: ["quotation_id"],
                                summary: "confirm a quotation (after approval)"),
            ConnectorActionSpec(name: "create_lead", requiredParameters: ["description"],
                                optionalParameters: ["party_id", "amount", "reference"],
                                summary: "a sale opportunity (lead); captures lead_id"),
            ConnectorActionSpec(name: "create_supplier_invoice", requiredParameters: ["party_id", "invoice_number", "gross_total"],
                                optionalParameters: ["issue_date", "net_total", "tax_total", "currency", "lines"],
                                summary: "a draft supplier invoice; Tryton's totals must match the understood ones; captures invoice_id"),
            ConnectorActionSpec(name: "create_customer_invoice", requiredParameters: ["party_id", "gross_total"],
                                optionalParameters: ["invoice_number", "issue_date", "net_total", "tax_total", "currency", "lines"],
                                summary: "a draft customer invoice; totals must match; captures invoice_id"),
            ConnectorActionSpec(name: "attach_original", requiredParameters: ["model", "record_id", "data_base64"],
                                optionalParameters: ["filename"],
                                summary: "attach the original mail (base64) to a record; captures attachment_id"),
        ]
    }

    package static func read(name: String, from reader: inout ConnectorFileReader) -> TrytonConnector? {
        let url = reader.url("url", required: true, example: "http://erp.example.com:8000")
        let database = reader.requiredString("database", example: "tryton")
        let protocolNode = reader.node("protocol")
        let protocolName = reader.string("protocol") ?? "json-rpc"
        let company = Int64(reader.int("company", default: 1))
        let transport = reader.transportSettings(defaultHost: url?.host)
        switch protocolName {
        case "rest":
            let key = reader.secret("key", required: true)
            for unused in ["username", "password_env", "password_file"] where reader.node(unused) != nil {
                reader.problem(reader.node(unused), "`\(unused)` is for protocol json-rpc; REST authenticates with the application key alone")
            }
            guard let url, let database, let key else { return nil }
            return TrytonConnector(name: name, backend: TrytonREST(baseURL: url, database: database, key: key, transport: transport),
                                   company: company)
        case "json-rpc", "jsonrpc":
            let username = reader.requiredString("username", example: "mailroom")
            let password = reader.secret("password", required: true)
            for unused in ["key_env", "key_file"] where reader.node(unused) != nil {
                reader.problem(reader.node(unused), "`\(unused)` is for protocol rest", suggestion: "add `protocol: rest`, or remove it")
            }
            guard let url, let database, let username, let password else { return nil }
            return TrytonConnector(name: name, rpc: TrytonRPC(baseURL: url, database: database, username: username,
                                                              password: password, transport: transport), company: company)
        default:
            reader.problem(protocolNode, "unknown Tryton protocol '\(protocolName)'", suggestion: "write `protocol: json-rpc` (user and password) or `protocol: rest` (application key)")
            return nil
        }
    }

    package var context: JSONValue { ["company": .int(company)] }

    package func button(_ model: String, _ method: String, _ id: Int64) async throws {
        try await backend.button(model, method, id: id, context: context)
    }

    package func searchRead(_ model: String, _ domain: JSONValue, fields: [String], limit: Int = 1) async throws -> [JSONValue] {
        try await backend.searchRead(model, domain: domain, fields: fields, limit: limit, context: context)
    }

    package func create(_ model: String, _ values: [String: JSONValue]) async throws -> Int64 {
        try await backend.create(model, values: values, context: context)
    }

    package static func keyNote(_ key: String) -> String { "Mailroom idempotency key: \(key)" }

    // MARK: - Connector

    public func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        let p = action.action.parameters
        let key = action.idempotencyKey
        switch action.action.action {
        case "find_or_create_party": return try await findOrCreateParty(p)
        case "create_quotation": return try await createQuotation(p, key: key)
        case "confirm_quotation": return try await confirmQuotation(p)
        case "create_lead": return try await createLead(p, key: key)
        case "create_supplier_invoice": return try await createInvoice(p, key: key, type: "in")
        case "create_customer_invoice": return try await createInvoice(p, key: key, type: "out")
        case "attach_original": return try await attachOriginal(p, key: key)
        default:
            throw ConnectorError.permanent("connector \(name) has no action '\(action.action.action)'; it offers: \(actions.map(\.name).joined(separator: ", "))")
        }
    }

    public func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        let key = action.idempotencyKey
        let note: JSONValue = .string("%\(TrytonConnector.keyNote(key))%")
        switch action.action.action {
        case "find_or_create_party":
            guard let id = try await findParty(action.action.parameters) else { return nil }
            return ConnectorResult(captured: ["party_id": .int(id), "created": false], foundEarlierResult: true)
        case "create_quotation":
            guard let sale = try await searchRead("sale.sale", [["comment", "ilike", note]], fields: ["id", "number", "state", "total_amount", "untaxed_amount"]).first,
                  let id = sale["id"]?.intValue else { return nil }
            return ConnectorResult(captured: quotationCaptured(sale, id: id), response: ["found": sale], foundEarlierResult: true)
        case "confirm_quotation":
            guard let id = TrytonConnector.id(action.action.parameters["quotation_id"]),
                  let sale = try await searchRead("sale.sale", [["id", "=", .int(id)]], fields: ["id", "state"]).first,
                  let state = sale["state"]?.stringValue, ["confirmed", "processing", "done"].contains(state) else { return nil }
            return ConnectorResult(captured: ["quotation_id": .int(id), "state": .string(state)], foundEarlierResult: true)
        case "create_lead":
            guard let lead = try await searchRead("sale.opportunity", [["comment", "ilike", note]], fields: ["id"]).first,
                  let id = lead["id"]?.intValue else { return nil }
            return ConnectorResult(captured: ["lead_id": .int(id)], foundEarlierResult: true)
        case "create_supplier_invoice", "create_customer_invoice":
            guard let invoice = try await searchRead("account.invoice", [["comment", "ilike", note]],
                                                     fields: ["id", "untaxed_amount", "tax_amount", "total_amount"]).first,
                  let id = invoice["id"]?.intValue else { return nil }
            return ConnectorResult(captured: invoiceCaptured(invoice, id: id), foundEarlierResult: true)
        case "attach_original":
            guard let a = try await searchRead("ir.attachment", [["description", "ilike", note]], fields: ["id"]).first,
                  let id = a["id"]?.intValue else { return nil }
            return ConnectorResult(captured: ["attachment_id": .int(id)], foundEarlierResult: true)
        default:
            return nil
        }
    }

    package static func id(_ v: JSONValue?) -> Int64? {
        if let i = v?.intValue { return i }
        if let s = v?.stringValue { return Int64(s) }
        return nil
    }

    // MARK: - Parties

    package func findParty(_ p: [String: JSONValue]) async throws -> Int64? {
        if let vat = p["vat_id"]?.stringValue?.replacingOccurrences(of: " ", with: "").uppercased(), !vat.isEmpty {
            if let hit = try await searchRead("party.identifier", [["code", "=", .string(vat)]], fields: ["party"]).first,
               let party = hit["party"]?.intValue { return party }
        }
        if let email = p["email"]?.stringValue?.trimmingCharacters(in: .whitespaces), !email.isEmpty {
            if let hit = try await searchRead("party.contact_mechanism", [["type", "=", "email"], ["value", "ilike", .string(email)]],
                                              fields: ["party"]).first,
               let party = hit["party"]?.intValue { return party }
        }
        return nil
    }

    package func findOrCreateParty(_ p: [String: JSONValue]) async throws -> ConnectorResult {
        if let id = try await findParty(p) {
            return ConnectorResult(captured: ["party_id": .int(id), "created": false],
                                   request: ["action": "find_or_create_party", "email": p["email"] ?? .null, "vat_id": p["vat_id"] ?? .null],
                                   response: ["party_id": .int(id), "found": true])
        }
        guard let name = p["name"]?.stringValue, !name.isEmpty else {
            throw ConnectorError.permanent("find_or_create_party: no party with that e-mail or VAT id, and no `name` to create one")
        }
        var values: [String: JSONValue] = ["name": .string(name)]
        if let email = p["email"]?.stringValue, !email.isEmpty {
            values["contact_mechanisms"] = [["create", [["type": "email", "value": .string(email)]]]]
        }
        if let vat = p["vat_id"]?.stringValue, !vat.isEmpty {
            values["identifiers"] = [["create", [["code": .string(vat.replacingOccurrences(of: " ", with: "").uppercased())]]]]
        }
        var address: [String: JSONValue] = [:]
        for k in ["street", "postal_code", "city"] { if let v = p[k]?.stringValue { address[k] = .string(v) } }
        values["addresses"] = [["create", [.object(address)]]]
        let id = try await create("party.party", values)
        return ConnectorResult(captured: ["party_id": .int(id), "created": true],
                               request: ["action": "find_or_create_party", "values": .object(values)],
                               response: ["party_id": .int(id), "created": true])
    }

    package func address(of party: Int64) async throws -> Int64 {
        if let a = try await searchRead("party.address", [["party", "=", .int(party)]], fields: ["id"]).first, let id = a["id"]?.intValue {
            return id
        }
        return try await create("party.address", ["party": .int(party)])
    }

    // MARK: - Sales

    package struct ProductMatch { var id: Int64; var unit: Int64; var price: Double?; var name: String }

    package func product(sku: String?, description: String?) async throws -> ProductMatch? {
        let fields = ["id", "default_uom", "list_price", "rec_name"]
        var hit: JSONValue?
        if let sku, !sku.isEmpty {
            // A SKU (from the catalogue) names exactly one product: no guessing by name when Tryton lacks it.
            hit = try await searchRead("product.product", [["code", "=", .string(sku)]], fields: fields).first
            if hit == nil { return nil }
        }
        if hit == nil, let description, !description.isEmpty {
            hit = try await searchRead("product.product", [["name", "ilike", .string("%\(description)%")]], fields: fields).first
        }
        guard let hit, let id = hit["id"]?.intValue, let unit = hit["default_uom"]?.intValue else { return nil }
        return ProductMatch(id: id, unit: unit, price: TrytonValue.number(hit["list_price"]), name: hit["rec_name"]?.stringValue ?? "")
    }

    package func createQuotation(_ p: [String: JSONValue], key: String) async throws -> ConnectorResult {
        guard let party = TrytonConnector.id(p["party_id"]) else { throw ConnectorError.permanent("create_quotation needs `party_id`") }
        guard let lines = p["lines"]?.arrayValue, !lines.isEmpty else { throw ConnectorError.permanent("create_quotation needs `lines`") }
        var lineValues: [JSONValue] = []
        for (i, line) in lines.enumerated() {
            let sku = line["sku"]?.stringValue ?? line["product_code"]?.stringValue
            let description = line["description"]?.stringValue ?? line["name"]?.stringValue
            guard let quantity = TrytonValue.parameterNumber(line["quantity"]), quantity > 0 else {
                throw ConnectorError.permanent("create_quotation: line \(i + 1) has no positive quantity")
            }
            guard let product = try await product(sku: sku, description: description) else {
                if let sku, !sku.isEmpty {
                    throw ConnectorError.permanent("create_quotation: line \(i + 1): Tryton has no product with the code \(sku); add it there (or correct the SKU in rules/catalogue.csv)")
                }
                throw ConnectorError.permanent("create_quotation: line \(i + 1): no product named like '\(description ?? "")'")
            }
            let price = TrytonValue.parameterNumber(line["unit_price"]) ?? product.price ?? 0
            var v: [String: JSONValue] = ["type": "line", "product": .int(product.id), "quantity": .number(quantity),
                                          "unit": .int(product.unit), "unit_price": TrytonValue.decimal(price, places: 4)]
            v["description"] = .string(description ?? product.name)
            lineValues.append(.object(v))
        }
        let addressID = try await address(of: party)
        var values: [String: JSONValue] = [
            "party": .int(party), "invoice_address": .int(addressID), "shipment_address": .int(addressID),
            "comment": .string(TrytonConnector.keyNote(key)), "lines": [["create", .array(lineValues)]],
        ]
        if let r = p["reference"]?.stringValue { values["reference"] = .string(r) }
        if let d = p["description"]?.stringValue { values["description"] = .string(d) }
        if let d = p["delivery_date"]?.stringValue, let date = TrytonValue.date(d) { values["sale_date"] = date }
        if let code = p["currency"]?.stringValue?.uppercased(), !code.isEmpty {
            guard let currency = try await searchRead("currency.currency", [["code", "=", .string(code)]], fields: ["id"]).first?["id"]?.intValue else {
                throw ConnectorError.permanent("create_quotation: Tryton has no currency \(code)")
            }
            values["currency"] = .int(currency)
        }
        let id = try await create("sale.sale", values)
        if let expected = TrytonValue.parameterNumber(p["total"]) {
            // The draft must come to the total Mailroom priced (catalogue prices × quantities); else the
            // catalogue and Tryton disagree (units, rounding) and nobody should send this quotation.
            let draft = try await searchRead("sale.sale", [["id", "=", .int(id)]], fields: ["untaxed_amount"]).first
            let untaxed = TrytonValue.number(draft?["untaxed_amount"]) ?? .nan
            guard abs(untaxed - expected) < 0.005 else {
                try? await backend.delete("sale.sale", id: id, context: context)
                throw ConnectorError.permanent("create_quotation: Tryton computes an untaxed total of \(untaxed) but the quote comes to \(expected); the draft was removed, check the catalogue's prices and units against Tryton's products")
            }
        }
        if p["quote"]?.boolValue ?? true {
            try await button("sale.sale", "quote", id)
        }
        let sale = try await searchRead("sale.sale", [["id", "=", .int(id)]], fields: ["id", "number", "state", "total_amount", "untaxed_amount"]).first ?? [:]
        return ConnectorResult(captured: quotationCaptured(sale, id: id),
                               request: ["action": "create_quotation", "values": .object(values)], response: sale)
    }

    package func quotationCaptured(_ sale: JSONValue, id: Int64) -> [String: JSONValue] {
        var c: [String: JSONValue] = ["quotation_id": .int(id)]
        if let n = sale["number"]?.stringValue { c["quotation_number"] = .string(n) }
        if let s = sale["state"]?.stringValue { c["state"] = .string(s) }
        if let t = TrytonValue.number(sale["total_amount"]) { c["total"] = .number(t) }
        if let t = TrytonValue.number(sale["untaxed_amount"]) { c["untaxed_total"] = .number(t) }
        return c
    }

    package func confirmQuotation(_ p: [String: JSONValue]) async throws -> ConnectorResult {
        guard let id = TrytonConnector.id(p["quotation_id"]) else { throw ConnectorError.permanent("confirm_quotation needs `quotation_id`") }
        guard let sale = try await searchRead("sale.sale", [["id", "=", .int(id)]], fields: ["state"]).first,
              let state = sale["state"]?.stringValue else {
            throw ConnectorError.permanent("confirm_quotation: no sale \(id)")
        }
        if state == "draft" { try await button("sale.sale", "quote", id) }
        if state == "draft" || state == "quotation" { try await button("sale.sale", "confirm", id) }
        let after = try await searchRead("sale.sale", [["id", "=", .int(id)]], fields: ["state", "number"]).first ?? [:]
        return ConnectorResult(captured: ["quotation_id": .int(id), "state": after["state"] ?? .null],
                               request: ["action": "confirm_quotation", "quotation_id": .int(id)], response: after)
    }

    // MARK: - Leads

    package func createLead(_ p: [String: JSONValue], key: String) async throws -> ConnectorResult {
        guard let description = p["description"]?.stringValue else { throw ConnectorError.permanent("create_lead needs `description`") }
        var values: [String: JSONValue] = ["description": .string(description), "comment": .string(TrytonConnector.keyNote(key))]
        if let party = TrytonConnector.id(p["party_id"]) { values["party"] = .int(party) }
        if let amount = TrytonValue.parameterNumber(p["amount"]) { values["amount"] = TrytonValue.decimal(amount) }
        if let r = p["reference"]?.stringValue { values["reference"] = .string(r) }
        let id = try await create("sale.opportunity", values)
        return ConnectorResult(captured: ["lead_id": .int(id)], request: ["action": "create_lead", "values": .object(values)],
                               response: ["lead_id": .int(id)])
    }

    // MARK: - Invoices

    package func createInvoice(_ p: [String: JSONValue], key: String, type: String) async throws -> ConnectorResult {
        let what = type == "in" ? "create_supplier_invoice" : "create_customer_invoice"
        guard let party = TrytonConnector.id(p["party_id"]) else { throw ConnectorError.permanent("\(what) needs `party_id`") }
        guard let gross = TrytonValue.parameterNumber(p["gross_total"]) else { throw ConnectorError.permanent("\(what) needs `gross_total`") }
        let tax = TrytonValue.parameterNumber(p["tax_total"]) ?? 0
        let net = TrytonValue.parameterNumber(p["net_total"]) ?? (gross - tax)
        guard abs(net + tax - gross) < 0.005 else {
            throw ConnectorError.permanent("\(what): net \(net) + tax \(tax) ≠ gross \(gross)")
        }
        let kind = type == "in" ? "payable" : "receivable"
        let lineKind = type == "in" ? "expense" : "revenue"
        guard let account = try await searchRead("account.account", [[.string("type.\(kind)"), "=", true], ["party_required", "=", true]], fields: ["id"]).first?["id"]?.intValue,
              let lineAccount = try await searchRead("account.account", [[.string("type.\(lineKind)"), "=", true]], fields: ["id"]).first?["id"]?.intValue,
              let journal = try await searchRead("account.journal", [["type", "=", .string(lineKind)]], fields: ["id"]).first?["id"]?.intValue else {
            throw ConnectorError.permanent("\(what): Tryton has no \(kind)/\(lineKind) account or \(lineKind) journal; set up the chart of accounts")
        }
        // The tax whose rate matches tax/net (none when there is no tax).
        var taxID: Int64?
        if tax > 0.004 {
            guard net > 0 else { throw ConnectorError.permanent("\(what): tax without a net amount") }
            let rate = tax / net
            let taxes = try await searchRead("account.tax", [["type", "=", "percentage"], ["parent", "=", .null]], fields: ["id", "rate"], limit: 50)
            taxID = taxes.min { abs((TrytonValue.number($0["rate"]) ?? 9) - rate) < abs((TrytonValue.number($1["rate"]) ?? 9) - rate) }
                .flatMap { abs((TrytonValue.number($0["rate"]) ?? 9) - rate) < 0.005 ? $0["id"]?.intValue : nil }
            guard taxID != nil else {
                throw ConnectorError.permanent("\(what): no Tryton tax with rate \(String(format: "%.2f", rate * 100)) %")
            }
        }
        var lines: [JSONValue] = []
        let given = p["lines"]?.arrayValue ?? []
        for line in given {
            let quantity = TrytonValue.parameterNumber(line["quantity"]) ?? 1
            let lineTotal = TrytonValue.parameterNumber(line["line_total"])
            guard let unitPrice = TrytonValue.parameterNumber(line["unit_price"]) ?? lineTotal.map({ $0 / quantity }) else {
                throw ConnectorError.permanent("\(what): a line has neither unit_price nor line_total")
            }
            lines.append(invoiceLine(description: line["description"]?.stringValue ?? "", quantity: quantity, unitPrice: unitPrice,
                                     account: lineAccount, tax: taxID))
        }
        if lines.isEmpty {
            lines.append(invoiceLine(description: p["description"]?.stringValue ?? "Invoice \(p["invoice_number"]?.stringValue ?? "")",
                                     quantity: 1, unitPrice: net, account: lineAccount, tax: taxID))
        }
        let addressID = try await address(of: party)
        var values: [String: JSONValue] = [
            "type": .string(type), "party": .int(party), "invoice_address": .int(addressID), "account": .int(account),
            "journal": .int(journal), "comment": .string(TrytonConnector.keyNote(key)), "lines": [["create", .array(lines)]],
        ]
        if let n = p["invoice_number"]?.stringValue { values["reference"] = .string(n) }
        if let d = p["issue_date"]?.stringValue, let date = TrytonValue.date(d) { values["invoice_date"] = date }
        let id = try await create("account.invoice", values)
        let invoice = try await searchRead("account.invoice", [["id", "=", .int(id)]], fields: ["id", "untaxed_amount", "tax_amount", "total_amount"]).first ?? [:]
        let erpNet = TrytonValue.number(invoice["untaxed_amount"]) ?? .nan
        let erpTax = TrytonValue.number(invoice["tax_amount"]) ?? .nan
        let erpGross = TrytonValue.number(invoice["total_amount"]) ?? .nan
        guard abs(erpNet - net) < 0.005, abs(erpTax - tax) < 0.005, abs(erpGross - gross) < 0.005 else {
            try? await backend.delete("account.invoice", id: id, context: context)
            throw ConnectorError.permanent("\(what): Tryton computes net \(erpNet), tax \(erpTax), gross \(erpGross) but the invoice says net \(net), tax \(tax), gross \(gross); the draft was removed, check the lines and tax rate")
        }
        return ConnectorResult(captured: invoiceCaptured(invoice, id: id),
                               request: ["action": .string(what), "values": .object(values)], response: invoice)
    }

    package func invoiceLine(description: String, quantity: Double, unitPrice: Double, account: Int64, tax: Int64?) -> JSONValue {
        var v: [String: JSONValue] = ["type": "line", "description": .string(description), "quantity": .number(quantity),
                                      "unit_price": TrytonValue.decimal(unitPrice, places: 4), "account": .int(account)]
        if let tax { v["taxes"] = [["add", [.int(tax)]]] }
        return .object(v)
    }

    package func invoiceCaptured(_ invoice: JSONValue, id: Int64) -> [String: JSONValue] {
        var c: [String: JSONValue] = ["invoice_id": .int(id)]
        if let t = TrytonValue.number(invoice["total_amount"]) { c["total"] = .number(t) }
        if let t = TrytonValue.number(invoice["untaxed_amount"]) { c["net_total"] = .number(t) }
        if let t = TrytonValue.number(invoice["tax_amount"]) { c["tax_total"] = .number(t) }
        return c
    }

    // MARK: - Attachments

    package func attachOriginal(_ p: [String: JSONValue], key: String) async throws -> ConnectorResult {
        guard let model = p["model"]?.stringValue, let record = TrytonConnector.id(p["record_id"]),
              let b64 = p["data_base64"]?.stringValue, let data = Data(base64Encoded: b64) else {
            throw ConnectorError.permanent("attach_original needs `model`, `record_id` and `data_base64`")
        }
        let filename = p["filename"]?.stringValue ?? "original.eml"
        let values: [String: JSONValue] = ["name": .string(filename), "resource": .string("\(model),\(record)"),
                                           "type": "data", "data": TrytonValue.bytes(data),
                                           "description": .string(TrytonConnector.keyNote(key))]
        let id = try await create("ir.attachment", values)
        return ConnectorResult(captured: ["attachment_id": .int(id)],
                               request: ["action": "attach_original", "resource": .string("\(model),\(record)"),
                                         "filename": .string(filename), "bytes": .int(Int64(data.count))],
                               response: ["attachment_id": .int(id)])
    }
}
