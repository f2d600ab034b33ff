import Crypto
import Foundation
import Logging
import Vocabulary
import Ingest
import Parse

/// parsed → understood (or review). Reads what Parse stored (the normalised mail and its attachments' text),
/// decides the kind and extracts and validates its fields (`Understander`), and stores the Understanding. It
/// never parses raw bytes: that is Parse's job, done once.
///
/// A message goes to `review` when the Understanding has reasons (low confidence for a business kind, a
/// failed check, an ungrounded or missing required value, a scan without text): the reasons are the flag
/// reason. The audit event records the method that decided, the confidence, every step, the fields and
/// their values, where each was found, and the reasons.
///
/// Without a `kinds/` folder in the rules folder nothing can be understood: every message is recorded as
/// kind `unknown` by method `none` and moves on (no rule acts on an unknown kind); the daemon warns at start.
public struct UnderstandStage: PipelineStage {
    public let store: (any MessageStore)?
    /// The mails Mailroom sent, to tell an answer to one of them (business evidence for a mail that looks
    /// like `other`); nil: no such evidence.
    public var sentMail: (any SentMailStore)?
    public let understander: Understander?
    /// The classifier in use when there is one to follow (the daemon's): read once per message, so a model
    /// retrained in the background is used from the next message on; its version goes into the audit event.
    public let liveClassifier: LiveClassifier?
    /// Why there is no understander (no kinds declared), for the audit.
    public let unavailableReason: String
    /// The message budget: its time limits understanding one mail (checked between steps), and a mail Parse
    /// read over budget goes to a person with Parse's reasons (the model gateway is not asked about it).
    public var budget: MessageBudget = .standard
    public var name: String { "understand" }
    public var input: MessageState { .parsed }

    public init(store: any MessageStore, understander: Understander, liveClassifier: LiveClassifier? = nil) {
        self.store = store
        self.understander = understander
        self.liveClassifier = liveClassifier
        unavailableReason = ""
    }

    /// A stage that records every message as `unknown` with `reason` (no kinds are declared).
    public init(store: (any MessageStore)? = nil, unavailable reason: String = "no kinds are declared") {
        self.store = store
        understander = nil
        liveClassifier = nil
        unavailableReason = reason
    }

    /// Reads `rules/kinds/` and trains (or loads the cached) classifier from `rules/examples/`. A missing
    /// kinds folder gives the `unknown` stage (with a warning); kind files with mistakes throw all of them.
    public static func load(store: any MessageStore & SentMailStore, rulesDirectory: String, cacheDirectory: URL,
                            logger: Logger, gateway: ModelGateway? = nil) throws -> UnderstandStage {
        let kinds = URL(fileURLWithPath: rulesDirectory).appendingPathComponent("kinds")
        guard FileManager.default.fileExists(atPath: kinds.path) else {
            let reason = "no kinds are declared: \(kinds.path) does not exist (rules.path in the configuration)"
            logger.warning("\(reason); every message is recorded as kind 'unknown'")
            return UnderstandStage(store: store, unavailable: reason)
        }
        let catalogue = try KindCatalogue.load(directory: kinds)
        let examples = URL(fileURLWithPath: rulesDirectory).appendingPathComponent("examples")
        let live = LiveClassifier(examplesDirectory: examples, cacheDirectory: cacheDirectory, train: { examples, cache in
            try ExampleLibrary.classifier(examplesDirectory: examples, cacheDirectory: cache, cues: catalogue.cues)
        }, logger: logger)
        let classifier = live.current.classifier
        let summary = "understanding \(catalogue.kinds.count) kinds (\(catalogue.kinds.map(\.name).joined(separator: ", ")))"
            + (classifier.map { " with a classifier over \($0.kinds.count) kinds" } ?? " without a classifier")
        logger.info("\(summary)")
        if gateway != nil { logger.info("the model gateway is asked when the offline methods are not sure") }
        var stage = UnderstandStage(store: store, understander: Understander(catalogue: catalogue, classifier: classifier, gateway: gateway),
                                    liveClassifier: live)
        stage.sentMail = store
        return stage
    }

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        guard let understander, let store else {
            let overBudget = message.normalised?.overBudget ?? []
            let understanding = Understanding(kind: "unknown", confidence: 0, method: "none", review: overBudget,
                                              steps: [UnderstandingStep(method: "none", kind: nil, confidence: nil, note: unavailableReason)])
            if !overBudget.isEmpty {
                return .flag(.review, reason: Self.reviewReason(understanding),
                             update: MessageUpdate(kind: "unknown", understanding: understanding),
                             details: ["kind": "unknown", "method": "none", "over_budget": .array(overBudget.map { .string($0) }),
                                       "fields": .object([:])])
            }
            return StageOutcome(next: .understood, update: MessageUpdate(kind: "unknown", understanding: understanding),
                                details: ["kind": "unknown", "method": "none", "reason": .string(unavailableReason),
                                          "fields": .object([:])])
        }
        guard var content = try MessageContent.stored(message, in: store) else {
            return .flag(.failed, reason: "message \(message.id) has no parse result in the store (normalised message and "
                + "attachment text); `mailroom messages retry \(message.id)` parses it again")
        }
        if let sentMail { content.answersOurMail = try Self.answeredPurpose(content.message, in: sentMail) }
        var current = understander
        let model = liveClassifier?.current
        if let model { current.classifier = model.classifier }
        current.deadline = Deadline(seconds: budget.seconds)
        current.deadlineSeconds = budget.seconds
        var understanding: Understanding
        let overBudget = content.message.overBudget
        if overBudget.isEmpty {
            understanding = await current.understand(content, messageID: message.id)
        } else {
            // Read only in part: a person looks at it whatever a model would say, so none is asked.
            understanding = current.understandNow(content)
            understanding.review = overBudget + understanding.review.filter { !overBudget.contains($0) }
        }
        var details = Self.auditDetails(understanding, content: content)
        if let model { details["classifier_version"] = model.version.map(JSONValue.string) ?? .null }
        if let kindsSHA256 = current.catalogue.filesSHA256 { details["kinds_sha256"] = .string(kindsSHA256) }
        let update = MessageUpdate(kind: understanding.kind, understanding: understanding)
        if !understanding.review.isEmpty {
            return .flag(.review, reason: Self.reviewReason(understanding), update: update, details: details)
        }
        return StageOutcome(next: .understood, update: update, details: details)
    }

    /// The purpose of the mail of ours this one answers (In-Reply-To first, then References, newest first).
    package static func answeredPurpose(_ message: NormalisedMessage, in sent: any SentMailStore) throws -> String? {
        let ids = ([message.inReplyTo].compactMap { $0 } + message.references.reversed()).prefix(20)
        for id in ids {
            let bare = id.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
            if let record = try sent.sentMail(messageID: bare) ?? sent.sentMail(messageID: "<\(bare)>") { return record.purpose }
        }
        return nil
    }

    /// One line for `flag_reason`: what a person must look at.
    package static func reviewReason(_ u: Understanding) -> String {
        let head = u.kind == "unknown" ? "the kind could not be told" : "understood as \(u.kind) by \(u.method)"
        return head + ", but: " + u.review.joined(separator: "; ")
    }

    /// The audit event: method, confidence, every step, fields with values and where they were found.
    public static func auditDetails(_ u: Understanding, content: MessageContent?) -> [String: JSONValue] {
        var details: [String: JSONValue] = [
            "kind": .string(u.kind),
            "confidence": .number((u.confidence * 1000).rounded() / 1000),
            "method": .string(u.method),
            "field_names": .array(u.fields.keys.sorted().map { .string($0) }),
            "fields": .object(u.fields.mapValues(\.json)),
            "grounded_in": .object(u.groundings.mapValues { .string($0.location) }),
            "steps": .array(u.steps.map { step in
                var o: [String: JSONValue] = ["method": .string(step.method), "note": .string(step.note)]
                if let k = step.kind { o["kind"] = .string(k) }
                if let c = step.confidence { o["confidence"] = .number((c * 1000).rounded() / 1000) }
                return .object(o)
            }),
            "review": .array(u.review.map { .string($0) }),
        ]
        let signs = ManipulationSigns.recorded(in: u)
        if !signs.isEmpty { details["manipulation_signs"] = .array(signs.map { .string($0) }) }
        if let content {
            details["documents"] = .array(content.documents.map { doc in
                .object(["file": .string(doc.filename ?? doc.contentType), "method": .string(doc.method),
                         "characters": .int(Int64(doc.text.count)), "needs_ocr": .bool(doc.needsOCR)])
            })
        }
        return details
    }
}
