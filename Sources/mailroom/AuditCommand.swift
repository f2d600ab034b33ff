import ArgumentParser
import Foundation
import Vocabulary
import Audit
import Daemon

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify, search and read the tamper-evident audit trail.",
        discussion: """
            Every step Mailroom takes is an event chained to the one before by its hash, and a leaf of a \
            Merkle tree (RFC 6962) whose signed checkpoints the daemon writes outside the store every \
            audit.checkpoint_minutes and at a clean stop. `audit verify` proves that nothing was edited, removed \
            or reordered, and that the trail still has the root of the latest signed checkpoint (a trail \
            rewritten and re-hashed from end to end has not). `audit prove MESSAGE` hands an auditor one \
            message's events with inclusion proofs, `audit consistency OLD NEW` proves the log only grew, \
            `audit check-proof` checks either with the public key alone (`audit key`).
            """,
        subcommands: [AuditVerifyCommand.self, AuditQueryCommand.self, AuditShowCommand.self, AuditHeadCommand.self,
                      AuditKeyCommand.self, AuditCheckpointCommand.self, AuditProveCommand.self,
                      AuditConsistencyCommand.self, AuditCheckProofCommand.self]
    )
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole chain, its Merkle leaves and the latest signed checkpoint. Exit 0 when intact; 1 naming the first problem otherwise.")

    @OptionGroup var options: ConfigOptions

    @Option(name: .customLong("expect-head"),
            help: ArgumentHelp("A head noted earlier (`audit head`): it must still be in the trail, unchanged.",
                               valueName: "seq:hash"))
    var expectHead: String?

    @Option(help: ArgumentHelp("A signed checkpoint to verify against (default: the latest one written, when "
                               + "there is one; `none` to skip).", valueName: "file"))
    var checkpoint: String?

    @Option(help: ArgumentHelp("The verifier key the checkpoint must be signed by, as `audit key` prints it "
                               + "(default: the store's own key).", valueName: "key"))
    var key: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let signed = try AuditCLI.checkpoint(checkpoint, key: key, config: config, required: false)
            var expected: AuditHead?
            if let expectHead {
                guard let head = AuditHead(expectHead) else {
                    throw OperatorInputError(message: "'\(expectHead)' is not a head: expected SEQUENCE:HASH as "
                        + "`mailroom audit head` prints it")
                }
                expected = head
            }
            let store = try options.openExistingStore(config)
            let result = AuditVerifier.verify(store: store, expectedHead: expected, checkpoint: signed)
            if signed == nil, checkpoint == nil, !json {
                Terminal.note("no signed checkpoint yet (the daemon writes them; `mailroom audit checkpoint` writes one now): "
                    + "a trail rewritten and re-hashed as a whole cannot be told from an intact one")
            }
            Terminal.out(json ? AuditReport.verificationJSON(result) : AuditReport.verification(result))
            if let problem = result.firstProblem {
                if json { Terminal.error("audit trail NOT intact: \(problem)") }
                throw ExitCode.failure
            }
        }
    }
}

struct AuditQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", abstract: "Find audit events; all filters combine. A table, --json or --csv.")

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Events of this message id.", valueName: "id")) var message: Int64?
    @Option(help: ArgumentHelp("Messages whose sender, as their events recorded it, contains this text.", valueName: "text"))
    var sender: String?
    @Option(help: ArgumentHelp("Messages of this kind, as their latest state event recorded it.", valueName: "kind"))
    var kind: String?
    @Option(help: ArgumentHelp("Events of this stage (ingest, parse, understand, decide, act, …).", valueName: "stage"))
    var stage: String?
    @Option(help: ArgumentHelp("Events by this actor (e.g. mailroom/0.1.0).", valueName: "actor")) var actor: String?
    @Option(help: ArgumentHelp("Events of this type (received, parsed, review, …).", valueName: "type")) var event: String?
    @Option(help: ArgumentHelp("Events at or after: an age (2h, 7d) or a UTC date.", valueName: "time")) var since: String?
    @Option(help: ArgumentHelp("Events before: an age (2h, 7d) or a UTC date.", valueName: "time")) var until: String?
    @Option(help: ArgumentHelp("Events whose details contain this text.", valueName: "text")) var text: String?
    @Flag(help: "Print a JSON array.") var json = false
    @Flag(help: "Print CSV (RFC 4180).") var csv = false
    @Flag(help: "Show every column in full (no cell cut with …).") var wide = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let filter = AuditFilter(messageID: message, sender: sender, kind: kind, stage: stage, actor: actor,
                                     eventType: event, since: try since.map { try OperatorTime.parse($0) },
                                     until: try until.map { try OperatorTime.parse($0) }, text: text)
            let store = try options.openExistingStore(config)
            let events = try store.auditEvents(matching: filter)
            if json {
                Terminal.out(AuditReport.jsonArray(events))
            } else if csv {
                Terminal.out(AuditReport.csv(events))
            } else if events.isEmpty {
                Terminal.out("No audit events match.\n")
            } else {
                Terminal.out(AuditReport.table(events, wide: wide))
            }
        }
    }
}

struct AuditShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One message's timeline: where it came from and every step taken.")

    @OptionGroup var options: ConfigOptions
    @Flag(help: "Print the timeline as JSON.") var json = false
    @Flag(help: "Show every column in full (no cell cut with …).") var wide = false
    @Argument(help: ArgumentHelp("The message id.", valueName: "message")) var message: Int64

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            guard let timeline = try AuditTimeline.load(store: store, messageID: message) else {
                throw OperatorInputError(message: "there is no message \(message) in the store")
            }
            Terminal.out(json ? AuditReport.timelineJSON(timeline) : AuditReport.timeline(timeline, wide: wide))
        }
    }
}

struct AuditHeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the last event as SEQUENCE:HASH, to note elsewhere for `audit verify --expect-head`.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            if let head = try store.auditHead() {
                Terminal.out("\(head)\n")
            } else {
                Terminal.note("the audit trail is empty")
            }
        }
    }
}

/// The checkpoint and key options shared by the anchoring commands.
enum AuditCLI {
    /// The verifier key: `--key` when given, else the store's own (its signing key file).
    static func verifierKey(_ text: String?, config: MailroomConfig) throws -> AuditVerifierKey? {
        if let text {
            guard let key = AuditVerifierKey(encoded: text) else {
                throw OperatorInputError(message: "'\(text)' is not a verifier key: expected NAME+HASH+KEY as `mailroom audit key` prints it")
            }
            return key
        }
        return try config.auditAnchor.signingKey(create: false)?.verifier
    }

    /// The checkpoint note to check against and its key: `--checkpoint FILE`, else the latest one written; nil
    /// when there is none (an error when `required`) or FILE is `none`.
    static func checkpoint(_ file: String?, key: String?, config: MailroomConfig,
                           required: Bool) throws -> (note: String, key: AuditVerifierKey)? {
        if file == "none" { return nil }
        let anchor = config.auditAnchor
        let note: String
        if let file {
            do {
                note = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw OperatorInputError(message: "cannot read the checkpoint \(file): \(FileProblem.describe(error))")
            }
        } else if let latest = anchor.latestNote() {
            note = latest
        } else {
            if required {
                throw OperatorInputError(message: "no checkpoint has been written yet (\(anchor.latestPath)); "
                    + "`mailroom audit checkpoint` writes one")
            }
            return nil
        }
        guard let verifier = try verifierKey(key, config: config) else {
            throw OperatorInputError(message: "there is no signing key at \(anchor.keyPath) to check the checkpoint "
                + "with; pass the key it was signed by with --key")
        }
        return (note, verifier)
    }
}

struct AuditKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the public key that signs the checkpoints (made at first need), for auditors to keep.",
        discussion: """
            The verifier key as C2SP signed-note writes it: NAME+HASH+BASE64. The private key is the file \
            audit-signing-key beside the store (mode 0600), outside the store: whoever rewrites the store \
            cannot sign a matching checkpoint without also reading that file.
            """)

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let anchor = config.auditAnchor
            guard let key = try anchor.signingKey(create: true) else { return }
            Terminal.out(key.verifier.encoded + "\n")
        }
    }
}

struct AuditCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign a checkpoint of the trail now (the daemon does it on its own) and print it.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let anchor = config.auditAnchor
            switch try anchor.writeCheckpoint(store: store) {
            case .written: Terminal.note("checkpoint written to \(anchor.latestPath)")
            case .unchanged: Terminal.note("the trail has not grown since the latest checkpoint")
            }
            Terminal.out(anchor.latestNote() ?? "")
        }
    }
}

struct AuditProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "One message's events with inclusion proofs against a signed checkpoint, as JSON for an auditor.",
        discussion: """
            The auditor checks it with `mailroom audit check-proof FILE --key KEY` without the rest of the \
            trail: each event's fields hash to its chain hash, whose leaf leads by O(log n) hashes to the \
            checkpoint's signed root. Events after the checkpoint are not in it: write one first.
            """)

    @OptionGroup var options: ConfigOptions
    @Option(help: ArgumentHelp("The checkpoint to prove against (default: the latest).", valueName: "file"))
    var checkpoint: String?
    @Argument(help: ArgumentHelp("The message id.", valueName: "message")) var message: Int64

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            guard try store.message(id: message) != nil else {
                throw OperatorInputError(message: "there is no message \(message) in the store")
            }
            guard let signed = try AuditCLI.checkpoint(checkpoint, key: nil, config: config, required: true) else { return }
            Terminal.out(try AuditProof.prove(messageID: message, store: store, checkpointNote: signed.note, key: signed.key))
            let size = try signed.key.verify(note: signed.note).size
            let later = try store.auditEvents(matching: AuditFilter(messageID: message, afterSequence: Int64(size))).count
            if later > 0 {
                Terminal.note("\(later) later event(s) of message \(message) are after the checkpoint (size \(size)) and not in "
                    + "the proof; `mailroom audit checkpoint` signs a newer one")
            }
        }
    }
}

struct AuditConsistencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency",
        abstract: "Prove that the log of size OLD only grew into the checkpoint of size NEW, as JSON for an auditor.")

    @OptionGroup var options: ConfigOptions
    @Argument(help: ArgumentHelp("The size of the older log (a checkpoint the auditor holds).", valueName: "old"))
    var old: UInt64
    @Argument(help: ArgumentHelp("The size of a written checkpoint (default: the latest).", valueName: "new"))
    var new: UInt64?

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            guard let latest = try AuditCLI.checkpoint(nil, key: nil, config: config, required: true) else { return }
            var note = latest.note
            if let new, try latest.key.verify(note: latest.note).size != new {
                guard let logged = config.auditAnchor.loggedCheckpoint(size: new, key: latest.key) else {
                    throw OperatorInputError(message: "no checkpoint of size \(new) was written (\(config.auditAnchor.logPath))")
                }
                note = logged.note
            }
            Terminal.out(try AuditProof.consistency(oldSize: old, store: store, checkpointNote: note, key: latest.key,
                                                    anchor: config.auditAnchor))
        }
    }
}

struct AuditCheckProofCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-proof",
        abstract: "Check a proof from `audit prove` or `audit consistency` with the public key alone; no store needed.",
        discussion: """
            Exit 0 when everything in the proof holds. With --state, keeps every checkpoint it accepted in \
            that file and refuses a checkpoint with another root for a size it has seen (a rewritten log), \
            and a consistency proof that starts from another root; the state advances to a larger checkpoint \
            only when a consistency proof from the last one comes with it.
            """)

    @Argument(help: ArgumentHelp("The proof (JSON); - for standard input.", valueName: "file")) var file: String
    @Option(help: ArgumentHelp("The verifier key, as `audit key` printed it.", valueName: "key")) var key: String
    @Option(help: ArgumentHelp("A file of the checkpoints seen before (created when missing).", valueName: "file"))
    var state: String?

    func run() async throws {
        try await operatorCommand {
            guard let verifier = AuditVerifierKey(encoded: key) else {
                throw OperatorInputError(message: "'\(key)' is not a verifier key: expected NAME+HASH+KEY as `mailroom audit key` prints it")
            }
            let text: String
            if file == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                do {
                    text = try String(contentsOfFile: file, encoding: .utf8)
                } catch {
                    throw OperatorInputError(message: "cannot read the proof \(file): \(FileProblem.describe(error))")
                }
            }
            let outcome = AuditProofCheck.check(bundle: text, key: verifier, statePath: state)
            var out = ""
            for line in outcome.verified { out += "ok: " + FixedWidthTable.clean(line) + "\n" }
            for line in outcome.notes { out += "note: " + FixedWidthTable.clean(line) + "\n" }
            for line in outcome.failures { out += "FAILED: " + FixedWidthTable.clean(line) + "\n" }
            Terminal.out(out)
            if !outcome.ok {
                Terminal.error("the proof does not hold: \(FixedWidthTable.clean(outcome.failures[0]))")
                throw ExitCode.failure
            }
        }
    }
}
