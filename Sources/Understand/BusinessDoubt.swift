import Foundation
import Vocabulary
import Parse

/// Why a mail taken for a non-business kind (`other`, `auto_reply`) may be business after all: such a mail
/// triggers nothing, so taking a customer's order for `other` drops it silently. A non-business kind must be
/// as sure as a business kind, and a mail with business evidence goes to a person as "may be business:
/// X or Y" instead of onward unseen.
///
/// Evidence, weighed by how the kind was decided:
/// - **classifier**: below the kind's own `accept_confidence`; a business kind with a fair share of the
///   probability; a business kind's cue word (`cues:` in its kind file) in the subject, the sender's own
///   text or a document; a document attached (a PDF, spreadsheet, CSV, XML…, not a picture or a calendar
///   entry); an answer to a mail Mailroom sent;
/// - **rule** (a list header, bulk precedence, a delivery report — sure signs of machine mail): only an
///   attached document that carries a business cue, the classifier sure of a business kind whose cue the
///   subject carries (an e-bill sent through a mailing tool), or, for `other`, an answer to a mail Mailroom
///   sent.
///   A newsletter's "order now" does not hold it back; a customer's purchase order sent through a mailing
///   tool that adds List-Unsubscribe does.
package enum BusinessDoubt {
    /// A business kind holding at least this share of the classifier's probability is a doubt.
    package static let businessShare = 0.2
    /// For mail a header rule took for non-business: the classifier's share for a business kind that, with
    /// that kind's cue in the subject, holds it for a person.
    package static let ruleOverride = 0.6
    /// Documents with less text than this (a logo's alt text, an empty attachment) are no evidence.
    package static let documentMinimumCharacters = 40

    /// `prediction` is asked for only when it can matter (for a header-matched mail: when the subject carries a
    /// business cue), so machine mail costs no classification.
    package static func reasons(kind: KindDefinition, confidence: Double, byRule: Bool,
                                prediction predict: @autoclosure () -> KindPrediction?,
                                content: MessageContent, catalogue: KindCatalogue) -> [String] {
        let businessNames = Set(catalogue.kinds.filter(\.business).map(\.name))
        guard !businessNames.isEmpty else { return [] }
        func businessCues(in text: String) -> [String: [String]] {
            catalogue.cues.found(in: KindCueSet.Text(text)).filter { businessNames.contains($0.key) }
        }
        let input = content.classifierInput
        var evidence: [String] = []
        var candidates: [String: Double] = [:]

        func consider(_ kinds: some Sequence<String>, _ weight: Double) {
            for k in kinds where businessNames.contains(k) { candidates[k, default: 0] += weight }
        }

        let documents = content.documents.filter { isBusinessDocument($0) }
        var documentCues: [String: [String]] = [:]
        for doc in documents {
            documentCues.merge(businessCues(in: String(doc.text.prefix(ClassifierFeatures.maxDocumentCharacters)))) { $0 + $1 }
        }
        if !documentCues.isEmpty {
            evidence.append("an attached document reads like \(describe(documentCues))")
            consider(documentCues.keys, 1)
        }
        if kind.name != "auto_reply", let purpose = content.answersOurMail {
            evidence.append("it answers a mail Mailroom sent (\(purpose.replacingOccurrences(of: "_", with: " ")))")
            consider(businessNames, 0.1)
        }

        // Not for auto-replies: they repeat the subject of the mail they answer ("Abwesend: AW: Angebot …").
        let subjectCues = byRule && kind.name != "auto_reply" ? businessCues(in: input.subject) : [:]
        if !subjectCues.isEmpty, let prediction = predict(),
           let top = prediction.ranking.first(where: { businessNames.contains($0.kind) }), top.probability >= ruleOverride,
           let subjectCues = subjectCues[top.kind] {
            // Machine mail by its headers, but the classifier is sure it is business and the subject names it so:
            // an e-bill or an order sent through a mailing tool.
            evidence.append(String(format: "the classifier gives %@ %.0f%% and the subject says '%@'", top.kind,
                                   top.probability * 100, subjectCues.prefix(3).joined(separator: "', '")))
            consider([top.kind], 1)
        }
        if !byRule {
            if confidence < kind.acceptConfidence {
                evidence.append(String(format: "the classifier is only %.0f%% sure it is %@ (the kind asks for %.0f%%)",
                                       confidence * 100, kind.name, kind.acceptConfidence * 100))
            }
            if let prediction = predict() {
                for (k, p) in prediction.ranking where businessNames.contains(k) && p >= businessShare {
                    evidence.append(String(format: "the classifier gives %@ %.0f%%", k, p * 100))
                }
                for (k, p) in prediction.ranking where businessNames.contains(k) { candidates[k, default: 0] += p }
            }
            let ownCues = businessCues(in: input.subject + "\n" + String(input.body.prefix(ClassifierFeatures.maxBodyCharacters)))
            if !ownCues.isEmpty {
                evidence.append("it says \(describe(ownCues))")
                consider(ownCues.keys, 1)
            }
            if documentCues.isEmpty && !documents.isEmpty {
                let names = documents.map { $0.filename ?? $0.contentType }
                evidence.append("a document is attached (\(names.prefix(3).joined(separator: ", ")))")
            }
        }
        guard !evidence.isEmpty else { return [] }
        let ranked = candidates.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(2).map(\.key)
        let head = ranked.isEmpty ? "may be business" : "may be business: " + ranked.joined(separator: " or ")
        return ["\(head) — taken for \(kind.name), but " + evidence.joined(separator: "; ")]
    }

    /// A document a business mail would carry: text worth reading, not a picture, calendar entry, signature,
    /// contact card or a delivery report's copy of headers.
    package static func isBusinessDocument(_ doc: DocumentText) -> Bool {
        let type = doc.contentType.lowercased()
        if type.hasPrefix("image/") || type == "text/calendar" || type.hasPrefix("message/") || type == "text/rfc822-headers"
            || type.contains("pkcs7") || type.contains("pgp") || type == "text/vcard" || type == "text/x-vcard" {
            return false
        }
        if let name = doc.filename?.lowercased(), name.hasSuffix(".ics") || name.hasSuffix(".vcf") || name.hasSuffix(".asc") {
            return false
        }
        return doc.text.trimmingCharacters(in: .whitespacesAndNewlines).count >= documentMinimumCharacters || doc.needsOCR
    }

    private static func describe(_ found: [String: [String]]) -> String {
        found.keys.sorted().map { k in "\(k) ('" + found[k]!.prefix(3).joined(separator: "', '") + "')" }.joined(separator: ", ")
    }
}
