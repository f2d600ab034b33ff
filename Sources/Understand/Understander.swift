import Foundation
import Vocabulary
import Parse
import Patterns

/// Decides a message's kind and its fields, trying the cheapest sure method first:
///
/// 1. **rule matchers** declared in the kinds (`matchers:`), those of non-business kinds first — mailing
///    lists, bulk mail, bounces and auto-replies are recognised by their headers and never reach a guesser;
/// 2. **structured XML** — e-invoices (UBL, CII, ZUGFeRD 1.0; also embedded in a PDF/A-3) become kind
///    `invoice`, a UBL Order `purchase_order`, a UBL RequestForQuotation `quote_request` (see
///    `BusinessDocument`), with their fields from the XML;
/// 3. **the offline classifier** plus the kind's declared extractors;
/// 4. (issue 6) a language model through the model gateway.
///
/// Every value is then type-checked, checked by the kind's checks and grounded in the message's text. A
/// business kind below its `accept_confidence`, a failed check, an ungrounded or missing required value:
/// each adds a review reason, and a message with reasons goes to a person instead of onward.
public struct Understander: Sendable {
    public var catalogue: KindCatalogue
    public var classifier: KindClassifier?
    /// The language-model gateway: asked only when the methods above are not sure (nil = no model configured).
    public var gateway: ModelGateway?
    /// When understanding one mail must stop taking more (the message budget's time): checked between steps
    /// and between fields; a mail past it keeps what was found and goes to a person with the reason.
    public var deadline: Deadline = .never
    /// The seconds `deadline` was set from, for the reason.
    public var deadlineSeconds: Double = 0

    public init(catalogue: KindCatalogue, classifier: KindClassifier?, gateway: ModelGateway? = nil) {
        self.catalogue = catalogue
        self.classifier = classifier
        self.gateway = gateway
    }

    public func understand(_ content: MessageContent) async -> Understanding {
        await understand(content, messageID: nil)
    }

    /// The cheap methods first; the model gateway only when they left the kind or its fields unsure (the
    /// classifier's guess, or no method at all, with reasons for review). The gateway's answer then goes
    /// through exactly the same extraction of missing fields, validation and grounding as any other method.
    public func understand(_ content: MessageContent, messageID: Int64?) async -> Understanding {
        var local = understandNow(content)
        // A mail that tries to steer the automation is for a person; no model reads its instructions.
        guard let gateway, local.method == "classifier" || local.method == "none", !local.review.isEmpty,
              !ManipulationSigns.holds(local) else {
            return local
        }
        if let late = pastDeadline(before: "a language model was asked") {
            if !local.review.contains(where: { $0.hasPrefix("over budget: understanding") }) { local.review.append(late) }
            return local
        }
        let outcome = await gateway.run(content, catalogue: catalogue, prior: local,
                                        options: GatewayRunOptions(messageID: messageID))
        guard outcome.accepted, let kind = catalogue.kind(named: outcome.understanding.kind) else {
            // No model answer passed its checks (or a budget stopped the calls): the cheap methods' result,
            // with every model step recorded, and the budget stops as reasons for a person.
            var u = local
            u.steps = outcome.understanding.steps
            u.review += outcome.budgetStops.filter { !u.review.contains($0) }
            return u
        }
        let answered = outcome.understanding
        var review: [String] = []
        if kind.business && answered.confidence < kind.acceptConfidence {
            review.append(String(format: "the model is only %.0f%% sure this is %@ (the kind asks for %.0f%%)",
                                 Self.percentBelow(answered.confidence), kind.name, kind.acceptConfidence * 100))
        } else if !kind.business {
            review += BusinessDoubt.reasons(kind: kind, confidence: answered.confidence, byRule: false, prediction: nil,
                                            content: content, catalogue: catalogue)
        }
        let preset = answered.fields.mapValues { ExtractedValue(value: $0, grounding: nil, rowGroundings: [:], method: "model") }
        return finish(kind: kind, confidence: answered.confidence, method: "model", content: content,
                      sources: content.sourceTexts, preset: preset, steps: answered.steps, review: review)
    }

    /// The same, synchronously (for tools and tests that have no async context at hand).
    /// The review reason when the deadline passed before `what`.
    package func pastDeadline(before what: String) -> String? {
        guard deadline.isPast else { return nil }
        return "over budget: understanding the mail took longer than \(MessageBudget.figure(Int(deadlineSeconds.rounded()))) s"
            + " — stopped before \(what)"
    }

    public func understandNow(_ content: MessageContent) -> Understanding {
        ManipulationSigns.flag(understandCheaply(content), content: content)
    }

    /// Rules, structured data, the classifier: the cheap methods, before the manipulation check.
    private func understandCheaply(_ content: MessageContent) -> Understanding {
        var steps: [UnderstandingStep] = []
        var review: [String] = []
        let sources = content.sourceTexts
        if let late = pastDeadline(before: "the kind was told") {
            return Understanding(kind: "unknown", confidence: 0, method: "none", review: [late], steps: steps)
        }

        for doc in content.documents where doc.needsOCR {
            review.append("the attachment \(doc.filename ?? doc.contentType) has no text layer (a scan?): a person must read it")
        }

        // 1. Rule matchers: non-business kinds first (safety), then business kinds, each in file order.
        let ordered = catalogue.kinds.filter { !$0.business } + catalogue.kinds.filter(\.business)
        for kind in ordered {
            for matcher in kind.matchers {
                guard let evidence = Self.evaluate(matcher, content) else { continue }
                steps.append(UnderstandingStep(method: "rule:\(kind.name)/\(matcher.name)", kind: kind.name,
                                               confidence: matcher.confidence, note: "matched: \(evidence)"))
                var preset: [String: ExtractedValue] = [:]
                for (name, text) in matcher.set {
                    guard let field = kind.field(named: name),
                          let (value, _, _) = ValueReader.read(text, as: field.type, whole: true) else { continue }
                    preset[name] = ExtractedValue(value: value,
                                                  grounding: Grounding(location: "rule:\(kind.name)/\(matcher.name)", offset: nil, excerpt: evidence),
                                                  rowGroundings: [:], method: "rule")
                }
                if !kind.business {
                    review += BusinessDoubt.reasons(kind: kind, confidence: matcher.confidence, byRule: true,
                                                    prediction: classifier?.predict(content.classifierInput),
                                                    content: content, catalogue: catalogue)
                }
                return finish(kind: kind, confidence: matcher.confidence, method: "rule", content: content, sources: sources,
                              preset: preset, steps: steps, review: review)
            }
        }
        steps.append(UnderstandingStep(method: "rule", kind: nil, confidence: nil, note: "no matcher applies"))
        if let late = pastDeadline(before: "structured documents were read") {
            return Understanding(kind: "unknown", confidence: 0, method: "none", review: review + [late], steps: steps)
        }

        // 2. Structured data: an e-invoice, order or request for quotation in an XML attachment or embedded in a PDF.
        for (location, data, pdfText) in Self.xmlCandidates(content) {
            if deadline.isPast { break }
            guard let document = BusinessDocumentReader.read(xml: data) else { continue }
            let described = "\(document.syntax)\(document.guideline.map { " (\($0))" } ?? "") in \(location)"
            guard let kind = catalogue.kind(named: document.kind) else {
                steps.append(UnderstandingStep(method: "einvoice", kind: nil, confidence: nil,
                                               note: "\(described): no kind `\(document.kind)` in rules/kinds/, left to the other methods"))
                continue
            }
            var problems = document.problems
            if let pdfText, document.kind == "invoice" {
                let invoice = EInvoice(syntax: document.syntax, guideline: document.guideline, fields: document.fields, problems: [])
                problems += EInvoiceReader.disagreements(invoice, pdfText: pdfText)
            }
            let confidence = problems.isEmpty ? 0.99 : 0.9
            steps.append(UnderstandingStep(method: "einvoice", kind: kind.name, confidence: confidence, note: described))
            let xmlPlace = "xml:\(location)"
            var preset: [String: ExtractedValue] = [:]
            for (name, value) in document.fields {
                // The document type is told by the XML's root and type code, not written as a word.
                let stated = name == "document_type" ? Grounding(location: xmlPlace, offset: nil, excerpt: document.syntax) : nil
                let negated = document.amountsNegated
                preset[name] = ExtractedValue(
                    value: value, grounding: stated ?? Self.xmlGrounding(value, negated: negated, at: xmlPlace, sources: sources),
                    rowGroundings: Self.xmlRowGroundings(name, value, negated: negated, at: xmlPlace, sources: sources),
                    method: "einvoice")
            }
            let label = document.kind == "invoice" ? "e-invoice" : document.syntax
            review += problems.map { "\(label) \(location): \($0)" }
            // An invoice's XML is complete; an order or a request may leave out what the mail says (the contact).
            return finish(kind: kind, confidence: confidence, method: "einvoice", content: content, sources: sources,
                          preset: preset, steps: steps, review: review, extractMissing: document.kind != "invoice")
        }
        steps.append(UnderstandingStep(method: "einvoice", kind: nil, confidence: nil, note: "no e-invoice or other business document XML attached"))

        // 3. The offline classifier, then the kind's extractors.
        if let late = pastDeadline(before: "the classifier was asked") {
            return Understanding(kind: "unknown", confidence: 0, method: "none", review: review + [late], steps: steps)
        }
        guard let classifier else {
            steps.append(UnderstandingStep(method: "classifier", kind: nil, confidence: nil,
                                           note: "no classifier: rules/examples/ holds no examples to train from"))
            review.append("no method could tell the kind: no matcher applies and no classifier is trained (add examples under rules/examples/<kind>/)")
            return Understanding(kind: "unknown", confidence: 0, method: "none", review: review, steps: steps)
        }
        let prediction = classifier.predict(content.classifierInput)
        let runnerUp = prediction.ranking.dropFirst().first.map { String(format: "; next %@ %.2f", $0.kind, $0.probability) } ?? ""
        steps.append(UnderstandingStep(method: "classifier", kind: prediction.kind, confidence: prediction.confidence,
                                       note: String(format: "predicted %@ with %.2f", prediction.kind, prediction.confidence) + runnerUp))
        guard let predictedKind = catalogue.kind(named: prediction.kind) else {
            review.append("the classifier predicted '\(prediction.kind)', which no file in rules/kinds/ declares")
            return Understanding(kind: "unknown", confidence: prediction.confidence, method: "classifier", review: review, steps: steps)
        }
        // A mail that reads like a business kind but opens with one of that kind's `not_cues` is its mirror image
        // (a supplier's confirmation of *our* order, a remittance advice for an invoice we sent): not that kind.
        // It is taken for `other` and goes to a person, who can still change the kind.
        if predictedKind.business,
           let signs = catalogue.notCues.found(in: KindCueSet.Text(Self.opening(of: content.classifierInput)))[predictedKind.name],
           let other = catalogue.kind(named: "other"), !other.business {
            let probability = prediction.ranking.first { $0.kind == other.name }?.probability ?? 0
            steps.append(UnderstandingStep(method: "classifier", kind: other.name, confidence: probability,
                                           note: "reads like \(predictedKind.name), but its opening says '\(signs.prefix(3).joined(separator: "', '"))' "
                                               + "(not_cues in \(predictedKind.file))"))
            review.append("may be business: reads like \(predictedKind.name) (\(Int((prediction.confidence * 100).rounded(.down)))%), "
                          + "but it says '\(signs.prefix(3).joined(separator: "', '"))' — a sign that it is not one "
                          + "(not_cues in \(predictedKind.file)); taken for \(other.name)")
            return finish(kind: other, confidence: probability, method: "classifier", content: content, sources: sources,
                          preset: [:], steps: steps, review: review)
        }
        let kind = predictedKind
        if kind.business && prediction.confidence < kind.acceptConfidence {
            review.append(String(format: "the classifier is only %.0f%% sure this is %@ (the kind asks for %.0f%%)",
                                 Self.percentBelow(prediction.confidence), kind.name, kind.acceptConfidence * 100))
        } else if kind.business, let signs = catalogue.notCues.found(in: KindCueSet.Text(Self.opening(of: content.classifierInput)))[kind.name] {
            // Only without an `other` kind to take it for (see above).
            review.append("taken for \(kind.name), but it says '\(signs.prefix(3).joined(separator: "', '"))' — a sign that it is not one "
                          + "(not_cues in \(kind.file))")
        } else if kind.business, !kind.cues.isEmpty, Self.isReply(content.message),
                  catalogue.cues.found(in: KindCueSet.Text(Self.ownWords(of: content.classifierInput)))[kind.name] == nil {
            // A reply in a thread about an order or a quotation reads like one ("received, thanks, we will let you
            // know"): unless the sender's own words say what the kind says, a person looks.
            review.append("taken for \(kind.name) (\(Int(Self.percentBelow(prediction.confidence)))%), but this reply's own words hold "
                          + "none of its cue words (cues in \(kind.file)): it may only answer a mail about one")
        } else if !kind.business {
            review += BusinessDoubt.reasons(kind: kind, confidence: prediction.confidence, byRule: false,
                                            prediction: prediction, content: content, catalogue: catalogue)
        }
        // 4. The model gateway, when configured, follows in `understand(_:messageID:)`.
        return finish(kind: kind, confidence: prediction.confidence, method: "classifier", content: content, sources: sources,
                      preset: [:], steps: steps, review: review)
    }

    /// A reply: it names the mail it answers, or its subject begins with a reply prefix in some language.
    package static func isReply(_ message: NormalisedMessage) -> Bool {
        message.inReplyTo != nil || !message.references.isEmpty || replyPrefix.contains(message.subject ?? "")
    }

    static let replyPrefix = TextPattern(known: #"(?i)^\s*(?:re|aw|r|sv|vs|antw|antwort|rif|réf|res|odp|vá|ynt|回复|答复|回覆|答覆)\s*(?:\[\d+\])?\s*[:：]"#)

    /// What the sender wrote in this mail: the body without quoted history and its documents (not the subject,
    /// which a reply inherits from the thread).
    package static func ownWords(of input: ClassifierInput) -> String {
        ([input.body] + input.documentTexts.map { String($0.prefix(20_000)) }).joined(separator: "\n")
    }

    /// A confidence below a threshold as a whole percentage, rounded down: 0.8997 under 0.9 reads "89%", never
    /// "only 90% sure (the kind asks for 90%)".
    package static func percentBelow(_ confidence: Double) -> Double {
        (confidence * 100).rounded(.down)
    }

    /// Where a mail says what it is: its subject and the first lines of its text and of each document (a
    /// reminder's closing "send us the remittance advice" does not make it a remittance advice).
    package static func opening(of input: ClassifierInput) -> String {
        ([input.subject, String(input.body.prefix(Self.openingCharacters))] + input.documentTexts.map { String($0.prefix(Self.openingCharacters)) })
            .joined(separator: "\n")
    }
    package static let openingCharacters = 400

    /// Extracts (unless the fields came complete), validates and grounds.
    package func finish(kind: KindDefinition, confidence: Double, method: String, content: MessageContent, sources: [SourceText],
                preset: [String: ExtractedValue], steps: [UnderstandingStep], review: [String],
                extractMissing: Bool = true) -> Understanding {
        var steps = steps
        var review = review
        let extracted = extractMissing ? FieldExtraction.extract(kind: kind, from: content, preset: preset, deadline: deadline) : preset
        if let late = pastDeadline(before: "every field was extracted and checked") { review.append(late) }
        var givenGroundings: [String: Grounding] = [:]
        for (name, e) in extracted {
            if let g = e.grounding { givenGroundings[name] = g }
            givenGroundings.merge(e.rowGroundings) { a, _ in a }
        }
        if extractMissing && !kind.fields.isEmpty {
            let found = extracted.keys.sorted()
            steps.append(UnderstandingStep(method: "extractors", kind: kind.name, confidence: nil,
                                           note: found.isEmpty ? "no field found" : "found " + found.map { "\($0) (\(extracted[$0]!.method))" }.joined(separator: ", ")))
        }
        let result = UnderstandingValidator.validate(kind: kind, fields: extracted.mapValues(\.value), groundings: givenGroundings,
                                                     sources: sources)
        if !kind.business {
            // Nothing acts on non-business kinds; their fields are informative and never hold a mail back.
            if !result.problems.isEmpty {
                steps.append(UnderstandingStep(method: "validation", kind: kind.name, confidence: nil,
                                               note: "ignored for a non-business kind: " + result.problems.joined(separator: "; ")))
            }
        } else {
            review += result.problems
        }
        steps.append(UnderstandingStep(method: "validation", kind: kind.name, confidence: nil,
                                       note: "\(result.fields.count) field(s) valid, \(result.groundings.count) grounded"
                                           + (review.isEmpty ? "" : ", \(review.count) reason(s) for review")))
        return Understanding(kind: kind.name, confidence: confidence, method: method, fields: result.fields,
                             groundings: result.groundings, review: review, steps: steps)
    }

    /// The text that made every `when` condition true (joined), or nil when the matcher does not apply.
    package static func evaluate(_ matcher: KindMatcher, _ content: MessageContent) -> String? {
        var evidence: [String] = []
        for condition in matcher.when {
            guard let e = condition.evaluate(content) else { return nil }
            evidence.append(Self.describe(condition) + " " + String(e.prefix(80)))
        }
        for condition in matcher.unless where condition.evaluate(content) != nil { return nil }
        return evidence.joined(separator: "; ")
    }

    package static func describe(_ condition: MatchCondition) -> String {
        switch condition.subject {
        case .header(let name): return name + ":"
        case .sender: return "sender"
        case .senderDomain: return "sender domain"
        case .subject: return "subject"
        case .body: return "body"
        case .attachment: return "attachment"
        }
    }

    /// Amounts from structured XML that the text search cannot ground (a credit note's negated amount, a negative
    /// or three-place amount as the XML writes it) are grounded at the XML's place by the number as written there.
    package static func xmlGrounding(_ value: FieldValue, negated: Bool, at place: String, sources: [SourceText]) -> Grounding? {
        let written: String
        switch value {
        case .money(let d, _): written = FieldValue.decimalString(negated ? -d : d)
        case .number(let d): written = FieldValue.decimalString(negated ? -d : d, minimumFractionDigits: 0)
        default: return nil
        }
        guard Grounder.ground(value, type: .money, in: sources) == nil else { return nil }
        return Grounding(location: place, offset: nil, excerpt: written)
    }

    /// The same for each amount and quantity in a list's rows, keyed "lines[0].quantity".
    package static func xmlRowGroundings(_ name: String, _ value: FieldValue, negated: Bool, at place: String,
                                         sources: [SourceText]) -> [String: Grounding] {
        guard case .list(let rows) = value else { return [:] }
        var out: [String: Grounding] = [:]
        for (i, row) in rows.enumerated() {
            for (item, v) in row {
                // Unit prices are never negated.
                if let g = xmlGrounding(v, negated: negated && item != "unit_price", at: place, sources: sources) {
                    out["\(name)[\(i)].\(item)"] = g
                }
            }
        }
        return out
    }

    /// XML attachments and files embedded in PDFs, with the PDF's text for comparison.
    package static func xmlCandidates(_ content: MessageContent) -> [(String, Data, String?)] {
        var out: [(String, Data, String?)] = []
        for (i, info) in content.message.attachments.enumerated() {
            let name = info.filename ?? "part \(info.part)"
            let lower = name.lowercased()
            if info.contentType.hasSuffix("xml") || lower.hasSuffix(".xml"), i < content.documents.count, let xml = content.documents[i].xml {
                // A PDF sent alongside carries the same invoice for people: compare against its text.
                let pdf = content.documents.first { $0.contentType == "application/pdf" && !$0.text.isEmpty }?.text
                out.append(("attachment:\(name)", xml, pdf))
            }
        }
        for doc in content.documents {
            for file in doc.embeddedFiles where file.name.lowercased().hasSuffix(".xml") {
                out.append(("attachment:\(doc.filename ?? "PDF")/\(file.name)", file.data, doc.text))
            }
        }
        return out
    }
}
