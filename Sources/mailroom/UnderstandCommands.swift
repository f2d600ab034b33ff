import ArgumentParser
import Foundation
import Vocabulary
import Ingest
import Understand
import Daemon
import Parse

/// The kinds and the classifier as the configuration names them (rules.path).
enum RulesSetup {
    static func catalogue(_ config: MailroomConfig) throws -> KindCatalogue {
        try KindCatalogue.load(directory: config.rules.kindsDirectory)
    }

    static func classifier(_ config: MailroomConfig, catalogue: KindCatalogue) -> KindClassifier? {
        let examples = config.rules.examplesDirectory
        guard FileManager.default.fileExists(atPath: examples.path) else { return nil }
        let cache = config.classifierCacheDirectory
        do {
            return try ExampleLibrary.classifier(examplesDirectory: examples, cacheDirectory: cache,
                                                 cues: catalogue.cues)
        } catch {
            Terminal.note("mailroom: the classifier could not be trained from \(examples.path): \(describe(error))")
            return nil
        }
    }

    /// "person:NAME" from --by, else the login (behind sudo: the person who ran sudo).
    static func actor(_ by: String?) -> String { AuditActor.commandLine(by: by) }
}

struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Show what Mailroom understands of one mail or document (nothing is stored).",
        discussion: """
            FILE is a mail (.eml) or any bare document (PDF, XML e-invoice, DOCX, …), which is read as a \
            message with that one attachment. Prints the kind, the confidence, the method that decided, the \
            fields with where each was found, and the reasons a person would have to look at it. \
            --json prints {"kind", "confidence", "method", "fields": {NAME: VALUE}, "review": [reasons]} with \
            money as a decimal string; --explain adds every step and the classifier's deciding features.
            """)

    @OptionGroup var options: ConfigOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Show every step and the features that decided.") var explain = false
    @Argument(help: ArgumentHelp("A mail file or a document.", valueName: "file")) var file: String

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let catalogue = try RulesSetup.catalogue(config)
            let classifier = RulesSetup.classifier(config, catalogue: catalogue)
            let content: MessageContent
            do {
                content = try MessageContent.read(file: URL(fileURLWithPath: file))
            } catch {
                throw OperatorInputError(message: "cannot read \(file): \(FileProblem.describe(error))")
            }
            let understanding = await Understander(catalogue: catalogue, classifier: classifier).understand(content)
            let features = explain ? classifier?.explain(content.classifierInput, top: 12) ?? [] : []
            if json {
                var object = understanding.summaryJSON.objectValue ?? [:]
                if explain {
                    object["steps"] = .array(understanding.steps.map { s in
                        .object(["method": .string(s.method), "kind": .optional(s.kind), "note": .string(s.note),
                                 "confidence": s.confidence.map { .number($0) } ?? .null])
                    })
                    object["groundings"] = .object(understanding.groundings.mapValues {
                        .object(["location": .string($0.location), "excerpt": .string($0.excerpt)])
                    })
                    object["features"] = .array(features.map { .object(["feature": .string($0.feature), "weight": .number($0.weight)]) })
                }
                Terminal.out(JSONValue.object(object).canonicalJSON + "\n")
                return
            }
            Terminal.out(Self.text(understanding, content: content, file: file, steps: explain))
            if explain && !features.isEmpty {
                Terminal.out("\nFeatures that decided (classifier):\n" + features.map { String(format: "  %+.3f  %@\n", $0.weight, $0.feature) }.joined())
            }
        }
    }
}

extension ClassifyCommand {
    /// The understanding of one file as a person reads it: kind, confidence, method, the fields with where each
    /// was found, the review reasons (and every step when `steps`). Shared with `rules try`.
    static func text(_ understanding: Understanding, content: MessageContent, file: String, steps: Bool) -> String {
        var stored = StoredMessage(id: 0, contentSHA256: "", size: 0, state: understanding.review.isEmpty ? .understood : .review,
                                   source: "file", location: file, receivedAt: Date(), updatedAt: Date(),
                                   subject: content.message.subject, sender: content.senderAddresses.first)
        stored.understanding = understanding
        var text = ReviewReport.text(stored).components(separatedBy: "\nDecide:").first ?? ""
        // The store's header lines (message id, state, received) mean nothing for a file: name the file.
        let lines = text.components(separatedBy: "\n").dropFirst().filter { !$0.hasPrefix("  Received ") }
        text = "File:    \(file)\n" + lines.joined(separator: "\n")
        if !steps, let range = text.range(of: "\nSteps:\n") { text = String(text[..<range.lowerBound]) + "\n" }
        return text
    }
}

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure how well Mailroom understands labelled mail.",
        discussion: """
            DIR holds mails (or documents) in sub-folders named by kind, with an optional NAME.expected.json \
            beside a mail ({"fields": {NAME: VALUE}}). Prints accuracy, per-kind precision and recall, the \
            confusion matrix, and field precision (of values that passed validation and grounding) and recall. \
            --leave-one-company-out takes DIR/<company>/<kind>/ instead: for each company in turn the \
            classifier is trained on the other companies' mail (plus rules/examples with --with-examples) and \
            tested on the held-out company's, which is how it will do on mail from a company it has never \
            seen; it also prints per company how much business mail was dropped unseen, handled without a \
            person, or acted on as the wrong kind, and which field values came out exactly right. \
            --cross-validate K evaluates rules/examples itself: the classifier is trained on K-1 folds and \
            tested on the remaining one, K times (mail of one company on both sides: it flatters). \
            --learning-curve takes DIR/<company>/<kind>/ too: each company (or each --company) is held out, and \
            its first N mails (--steps, default 0,5,10,20; one of each kind in turn, by file name) are added to \
            the training set as corrected mails would be; the remaining mails of that company (the same for \
            every N) are tested, and a table shows accuracy, automation and exact field values per N. \
            --misses lists every expected field value that did not come out exactly, with what came out \
            instead (JSON: "field_misses").
            """)

    @OptionGroup var options: ConfigOptions
    @Flag(help: "Print JSON: {\"accuracy\", \"per_kind\", \"confusion\", \"fields\", …}.") var json = false
    @Option(name: .customLong("cross-validate"), help: ArgumentHelp("Evaluate rules/examples with K folds.", valueName: "k"))
    var crossValidate: Int?
    @Flag(name: .customLong("leave-one-company-out"), help: "DIR holds <company>/<kind>/ folders: hold each company out in turn.")
    var leaveOneCompanyOut = false
    @Flag(name: .customLong("with-examples"), help: "With --leave-one-company-out: also train on rules/examples (never tested).")
    var withExamples = false
    @Flag(help: "Also list every expected field value that did not come out exactly (expected, got).") var misses = false
    @Flag(name: .customLong("learning-curve"), help: "DIR holds <company>/<kind>/ folders: accuracy on a held-out company as its own mails are added.")
    var learningCurve = false
    @Option(name: .customLong("company"), help: ArgumentHelp("With --learning-curve: only this company (repeatable).", valueName: "name"))
    var companies: [String] = []
    @Option(name: .customLong("steps"), help: ArgumentHelp("With --learning-curve: how many own mails to add (default 0,5,10,20).", valueName: "n,n,…"))
    var steps: String = "0,5,10,20"
    @Argument(help: ArgumentHelp("The labelled folder (not with --cross-validate).", valueName: "dir")) var directory: String?

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let catalogue = try RulesSetup.catalogue(config)
            let progress = ProgressLine(enabled: !json)
            let report: EvaluationReport
            if learningCurve {
                guard let directory else { throw OperatorInputError(message: "name the corpus folder: DIR/<company>/<kind>/…") }
                let cases = try Evaluation.companyCases(directory: URL(fileURLWithPath: directory))
                let known = Set(cases.map(\.group))
                guard known.count >= 2 else {
                    throw OperatorInputError(message: "\(directory) holds \(known.count) company folder(s) with mail; --learning-curve needs at least 2")
                }
                for c in companies where !known.contains(c) {
                    throw OperatorInputError(message: "no company '\(c)' under \(directory) (there are: \(known.sorted().joined(separator: ", ")))")
                }
                let numbers = steps.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let parsed = numbers.compactMap { Int($0) }.filter { $0 >= 0 }
                guard !parsed.isEmpty, parsed.count == numbers.count else {
                    throw OperatorInputError(message: "--steps takes numbers of mails, e.g. 0,5,10,20")
                }
                let extra = withExamples ? try Evaluation.cases(directory: config.rules.examplesDirectory) : []
                let curve = Evaluation.learningCurve(cases, catalogue: catalogue, alsoTrainOn: extra,
                                                     companies: companies.isEmpty ? nil : companies, steps: parsed) { done, total in
                    progress.update("\(done)/\(total) trainings")
                }
                progress.finish()
                Terminal.out(json ? curve.json.canonicalJSON + "\n" : curve.text)
                return
            }
            if leaveOneCompanyOut {
                guard let directory else { throw OperatorInputError(message: "name the corpus folder: DIR/<company>/<kind>/…") }
                let cases = try Evaluation.companyCases(directory: URL(fileURLWithPath: directory))
                let companies = Set(cases.map(\.group))
                guard companies.count >= 2 else {
                    throw OperatorInputError(message: "\(directory) holds \(companies.count) company folder(s) with mail; "
                        + "--leave-one-company-out needs at least 2 (DIR/<company>/<kind>/…)")
                }
                let extra = withExamples ? try Evaluation.cases(directory: config.rules.examplesDirectory) : []
                report = Evaluation.leaveOneGroupOut(cases, catalogue: catalogue, alsoTrainOn: extra) { done, total in
                    progress.update("\(done)/\(total) mails")
                }
            } else if let k = crossValidate {
                guard k >= 2 else { throw OperatorInputError(message: "--cross-validate needs at least 2 folds") }
                let examples = config.rules.examplesDirectory
                let cases = try Evaluation.cases(directory: examples)
                guard !cases.isEmpty else { throw OperatorInputError(message: "no examples under \(examples.path)") }
                report = Evaluation.crossValidate(cases, catalogue: catalogue, folds: k) { done, total in
                    progress.update("\(done)/\(total) examples")
                }
            } else {
                guard let directory else { throw OperatorInputError(message: "name the labelled folder, or use --cross-validate K") }
                let cases = try Evaluation.cases(directory: URL(fileURLWithPath: directory))
                guard !cases.isEmpty else { throw OperatorInputError(message: "no mails in sub-folders of \(directory)") }
                let understander = Understander(catalogue: catalogue, classifier: RulesSetup.classifier(config, catalogue: catalogue))
                report = Evaluation.evaluate(cases, understander: understander) { done, total in progress.update("\(done)/\(total) mails") }
            }
            progress.finish()
            Terminal.out(json ? report.json.canonicalJSON + "\n" : report.text + (misses ? "\n" + report.missesText : ""))
        }
    }
}

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Messages that wait for a person: list, show, accept, correct, reject, reopen.",
        discussion: """
            A message goes to review when Mailroom is not sure enough of its kind, a check fails (the sums \
            do not add up, a bad IBAN), a value cannot be found in the mail (not grounded), or a required \
            field is missing. Every decision is recorded in the audit trail with who took it (--by NAME, \
            else the login behind sudo, else $USER).

            A message that was already decided or acted on (also one closed as `other`) can be corrected \
            too: `review correct ID …` reopens it first, or `review reopen ID` puts it back into review. \
            Actions already carried out are not undone; actions not carried out yet (waiting for approval, \
            queued, retrying, dead) are cancelled by correct, reject and reopen, so their approval requests \
            can no longer be approved. After the correction the message is decided again, and an action \
            intended again for the same intent has the same idempotency key, so it is not carried out twice.

            --add-example copies the mail (with the fields as accepted or corrected) into \
            <rules>/examples/<kind>/; a running daemon notices the change (rules.examples_check_seconds) and \
            retrains the classifier in the background, without a restart.
            """,
        subcommands: [ReviewListCommand.self, ReviewShowCommand.self, ReviewAcceptCommand.self, ReviewCorrectCommand.self,
                      ReviewRejectCommand.self, ReviewReopenCommand.self],
        defaultSubcommand: ReviewListCommand.self)
}

struct ReviewOptions: ParsableArguments {
    @OptionGroup var config: ConfigOptions
    @Option(help: ArgumentHelp("Who decides (default: $SUDO_USER, else $USER).", valueName: "name")) var by: String?

    func queue(needsCatalogue: Bool = false) throws -> (ReviewQueue, MailroomConfig) {
        let cfg = try config.load()
        let store = try config.openExistingStore(cfg)
        let catalogue: KindCatalogue? = needsCatalogue ? try RulesSetup.catalogue(cfg) : (try? RulesSetup.catalogue(cfg))
        return (ReviewQueue(store: store, catalogue: catalogue, spool: try Spool(directory: cfg.spool.path)), cfg)
    }
}

struct ReviewListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the messages in review, oldest first.")
    @OptionGroup var options: ReviewOptions
    @Flag(help: "One JSON object per message per line.") var json = false
    @Option(help: ArgumentHelp("At most this many.", valueName: "n")) var limit: Int?
    @Flag(help: "Show every column in full (no cell cut with …).") var wide = false

    func run() async throws {
        try await operatorCommand {
            let (queue, _) = try options.queue()
            let messages = try queue.pending(limit: limit)
            if json {
                for m in messages {
                    var o: [String: JSONValue] = ["id": .int(m.id), "subject": .optional(m.subject), "sender": .optional(m.sender),
                                                  "reason": .optional(m.flagReason), "kind": .optional(m.understanding?.kind ?? m.kind)]
                    if let u = m.understanding { o["understanding"] = u.summaryJSON }
                    Terminal.out(JSONValue.object(o).canonicalJSON + "\n")
                }
            } else if messages.isEmpty {
                Terminal.out("Nothing waits for review.\n")
            } else {
                Terminal.out(ReviewReport.table(messages, wide: wide))
            }
        }
    }
}

struct ReviewShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a message in review: reasons, fields and where each was found.")
    @OptionGroup var options: ReviewOptions
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "The message id.") var id: Int64

    func run() async throws {
        try await operatorCommand {
            let (queue, _) = try options.queue()
            guard let m = try queue.store.message(id: id) else { throw OperatorInputError(message: "there is no message \(id) in the store") }
            if json {
                let data = try JSONEncoder().encode(m.understanding)
                let u = try JSONValue.parse(data)
                Terminal.out(JSONValue.object(["id": .int(m.id), "state": .string(m.state.rawValue), "reason": .optional(m.flagReason),
                                               "understanding": u]).canonicalJSON + "\n")
            } else {
                Terminal.out(ReviewReport.text(m))
            }
        }
    }
}

struct ReviewAcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept what Mailroom understood; the message goes on to Decide.")
    @OptionGroup var options: ReviewOptions
    @Option(help: "A note for the audit trail.") var note: String?
    @Flag(name: .customLong("add-example"), help: "Also copy the mail into rules/examples/<kind>/ for the classifier.") var addExample = false
    @Argument(help: "Message ids.") var ids: [Int64]

    func run() async throws {
        try await operatorCommand {
            let (queue, config) = try options.queue()
            let actor = RulesSetup.actor(options.by)
            for id in ids {
                let u = try queue.accept(id, by: actor, note: note)
                Terminal.out("message \(id): accepted as \(u.kind) by \(actor) (review → understood)\n")
                if addExample {
                    let file = try queue.addExample(id, examplesDirectory: config.rules.examplesDirectory, by: actor)
                    Terminal.out("  example added: \(file.path)\n")
                }
            }
        }
    }
}

struct ReviewCorrectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct", abstract: "Correct fields (or the kind) and accept; also of a message already decided or acted on.",
        discussion: """
            mailroom review correct 12 gross_total="1.190,00 EUR" due_date=2026-12-06
            mailroom review correct 12 kind=purchase_order order_number=4500123456
            mailroom review correct 12 lines[0].quantity=250      (FIELD= removes a value)
            mailroom review correct 12 kind=invoice invoice_number=R-118 --add-example

            A message that is decided or acted (also one closed as `other`) is reopened first (audited as \
            review_reopened); it is then decided again. Actions already carried out are not undone, and one \
            intended again for the same intent is not carried out twice (same idempotency key); actions not \
            carried out yet are cancelled and decided afresh (new approval references).
            """)
    @OptionGroup var options: ReviewOptions
    @Flag(name: .customLong("add-example"), help: "Also copy the mail, with the corrected fields, into rules/examples/<kind>/.") var addExample = false
    @Argument(help: "The message id.") var id: Int64
    @Argument(help: ArgumentHelp("FIELD=VALUE …", valueName: "field=value")) var assignments: [String]

    func run() async throws {
        try await operatorCommand {
            guard !assignments.isEmpty else { throw OperatorInputError(message: "name at least one FIELD=VALUE") }
            let (queue, config) = try options.queue(needsCatalogue: true)
            let corrections = try assignments.map { try ReviewQueue.Correction(parsing: $0) }
            let actor = RulesSetup.actor(options.by)
            let state = try queue.store.message(id: id)?.state
            let (u, notes) = try queue.correct(id, corrections, by: actor)
            if let state, state != .review {
                Terminal.out("message \(id): reopened and corrected as \(u.kind) by \(actor) (\(state.rawValue) → review → understood); "
                    + "it is decided again, actions already carried out are not undone nor repeated\n")
            } else {
                Terminal.out("message \(id): corrected and accepted as \(u.kind) by \(actor) (review → understood)\n")
            }
            for note in notes { Terminal.out("  note: \(note)\n") }
            if addExample {
                let file = try queue.addExample(id, examplesDirectory: config.rules.examplesDirectory, by: actor)
                Terminal.out("  example added: \(file.path)\n")
            }
        }
    }
}

struct ReviewRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Nothing is to be done with this mail: close it (kind other, no action; its actions not carried out yet are cancelled).")
    @OptionGroup var options: ReviewOptions
    @Option(help: "Why, for the audit trail.") var reason: String?
    @Argument(help: "Message ids.") var ids: [Int64]

    func run() async throws {
        try await operatorCommand {
            let (queue, _) = try options.queue()
            let actor = RulesSetup.actor(options.by)
            for id in ids {
                try queue.reject(id, by: actor, reason: reason)
                Terminal.out("message \(id): rejected by \(actor); no action will be taken\n")
            }
        }
    }
}

struct ReviewReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Put a decided or acted message (also one closed as `other`) back into review.",
        discussion: """
            The message keeps what was understood; accept, correct or reject it as any message in review. \
            Actions already carried out are NOT undone (the output and the audit event review_reopened list \
            them); actions not carried out yet are cancelled (action_cancelled). After an accept or a \
            correction the message is decided again: an action intended again for \
            the same intent (rule, action, parameters) has the same idempotency key and is not carried out a \
            second time; a corrected value that changes an action's parameters makes it a new action.
            """)
    @OptionGroup var options: ReviewOptions
    @Option(help: "Why, for the audit trail.") var reason: String?
    @Argument(help: "Message ids.") var ids: [Int64]

    func run() async throws {
        try await operatorCommand {
            let (queue, _) = try options.queue()
            let actor = RulesSetup.actor(options.by)
            for id in ids {
                let state = try queue.store.message(id: id)?.state
                try queue.reopen(id, by: actor, reason: reason)
                Terminal.out("message \(id): reopened by \(actor) (\(state?.rawValue ?? "?") → review)\n")
                let entries = try queue.store.outboxEntries(messageID: id)
                if entries.isEmpty {
                    Terminal.out("  no action was decided for it\n")
                } else {
                    Terminal.out("  its actions are not undone:\n")
                    for e in entries {
                        Terminal.out("    #\(e.id) \(e.action.connector) \(e.action.action): \(e.state.rawValue)\n")
                    }
                }
                Terminal.out("  next: mailroom review correct \(id) FIELD=VALUE… | accept \(id) | reject \(id)\n")
            }
        }
    }
}
