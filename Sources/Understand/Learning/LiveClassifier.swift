import Foundation
import Logging
import Vocabulary

/// The offline classifier the Understand stage uses now, with the version it was trained from.
public struct LoadedClassifier: Sendable {
    public var classifier: KindClassifier?
    /// The examples' SHA-256 (``ExampleLibrary/examplesHash(directory:)``) the model was trained from: the
    /// model's version in the audit trail (`classifier_version` of every `understood` event). Nil without a model.
    public var version: String?

    public init(classifier: KindClassifier?, version: String?) {
        self.classifier = classifier
        self.version = version
    }

    /// Examples per kind the model learnt from.
    public var examplesPerKind: [String: Int] { classifier?.exampleCounts ?? [:] }
    public var examples: Int { examplesPerKind.values.reduce(0, +) }
}

/// The classifier in use, swapped whole when the examples change, so a running daemon learns from what people
/// add (`mailroom review … --add-example`) without a restart.
///
/// The Understand stage reads ``current`` once per message (a lock-protected value: a message is understood
/// by one model from start to end). ``refresh(audit:logger:)`` looks whether `rules/examples/` changed —
/// cheaply first (file names, sizes and modification times), then by the examples' hash — and if so trains on a
/// thread of its own, off the pipeline's path, and swaps the new model in; the old one serves until then. It is
/// audited as `classifier_retrained` (old → new version, examples per kind, seconds), or
/// `classifier_retrain_failed` (the old model stays).
public final class LiveClassifier: Sendable {
    /// Trains (or loads the cached model for) the examples in the first folder, caching in the second.
    public typealias Trainer = @Sendable (_ examples: URL, _ cache: URL) throws -> KindClassifier

    public let examplesDirectory: URL
    public let cacheDirectory: URL
    private let train: Trainer
    private let loaded: LockedBox<LoadedClassifier>
    private struct Watch: Sendable {
        /// The names, sizes and times of the examples when they were last looked at.
        var fingerprint: String?
        var busy = false
    }
    private let watch: LockedBox<Watch>

    /// Trains (or loads from the cache) now, on the calling thread: the daemon's start.
    public init(examplesDirectory: URL, cacheDirectory: URL, train: @escaping Trainer, logger: Logger) {
        self.examplesDirectory = examplesDirectory
        self.cacheDirectory = cacheDirectory
        self.train = train
        let fingerprint = Self.fingerprint(examplesDirectory)
        var first = LoadedClassifier(classifier: nil, version: nil)
        if FileManager.default.fileExists(atPath: examplesDirectory.path) {
            do {
                let version = try ExampleLibrary.examplesHash(directory: examplesDirectory)
                first = LoadedClassifier(classifier: try train(examplesDirectory, cacheDirectory), version: version)
            } catch {
                logger.warning("the offline classifier could not be trained from \(examplesDirectory.path): \(error); mail that no matcher recognises goes to review")
            }
        } else {
            logger.warning("no examples at \(examplesDirectory.path): mail that no matcher recognises goes to review")
        }
        loaded = LockedBox(first)
        watch = LockedBox(Watch(fingerprint: fingerprint))
    }

    /// A fixed model (tests, tools): `refresh` still looks at `examplesDirectory`.
    public init(_ loaded: LoadedClassifier, examplesDirectory: URL, cacheDirectory: URL, train: @escaping Trainer) {
        self.examplesDirectory = examplesDirectory
        self.cacheDirectory = cacheDirectory
        self.train = train
        self.loaded = LockedBox(loaded)
        watch = LockedBox(Watch(fingerprint: nil))
    }

    /// The model to understand the next message with.
    public var current: LoadedClassifier { loaded.value }

    public enum Refresh: Sendable, Equatable {
        /// The examples are as the model learnt them.
        case unchanged
        /// Another refresh is training.
        case busy
        case retrained(from: String?, to: String)
        case failed(String)
    }

    /// Looks whether the examples changed and, if so, trains a new model off the caller's path and swaps it in.
    /// Returns when that is done. Two refreshes never train at once (the second returns `.busy`).
    @discardableResult
    public func refresh(audit: (any AuditLogStore)?, logger: Logger) async -> Refresh {
        let claimed = watch.withLock { w -> Bool in
            if w.busy { return false }
            w.busy = true
            return true
        }
        guard claimed else { return .busy }
        defer { watch.withLock { $0.busy = false } }

        let directory = examplesDirectory
        let fingerprint = (try? await BlockingIO.run { Self.fingerprint(directory) }) ?? nil
        guard let fingerprint else { return .unchanged }  // no examples folder: keep what there is
        if watch.value.fingerprint == fingerprint { return .unchanged }
        let before = current
        let version: String
        do {
            version = try await BlockingIO.run { try ExampleLibrary.examplesHash(directory: directory) }
        } catch {
            return .unchanged  // vanished or unreadable between the two looks: the next look tells
        }
        if version == before.version {
            watch.withLock { $0.fingerprint = fingerprint }  // touched, not changed
            return .unchanged
        }

        logger.info("the examples in \(directory.path) changed: training the classifier in the background")
        let cache = cacheDirectory
        let train = self.train
        let started = ContinuousClock.now
        let result = LockedBox<Result<KindClassifier, any Error>?>(nil)
        await DedicatedThread.run(name: "mailroom-train") {
            result.value = Result { try train(directory, cache) }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = ((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 1000).rounded() / 1000
        watch.withLock { $0.fingerprint = fingerprint }

        switch result.value {
        case .success(let model)?:
            let after = LoadedClassifier(classifier: model, version: version)
            loaded.value = after
            logger.info("the classifier was retrained from \(after.examples) examples in \(seconds) s and is in use now",
                        metadata: ["old_version": "\(before.version ?? "none")", "new_version": "\(version)"])
            record(AuditDraft(messageID: nil, stage: "understand", actor: AuditActor.mailroom,
                              eventType: "classifier_retrained", details: [
                "old_version": .optional(before.version), "new_version": .string(version),
                "old_examples": .integer(before.examples), "new_examples": .integer(after.examples),
                "old_examples_per_kind": .object(before.examplesPerKind.mapValues { .integer($0) }),
                "new_examples_per_kind": .object(after.examplesPerKind.mapValues { .integer($0) }),
                "seconds": .number(seconds), "examples_directory": .string(directory.path),
            ]), in: audit, logger: logger)
            return .retrained(from: before.version, to: version)
        case .failure(let error)?:
            logger.warning("the classifier could not be retrained from \(directory.path): \(error); the model \(before.version ?? "none") stays in use")
            record(AuditDraft(messageID: nil, stage: "understand", actor: AuditActor.mailroom,
                              eventType: "classifier_retrain_failed", details: [
                "version_in_use": .optional(before.version), "examples_version": .string(version),
                "error": .string("\(error)"), "seconds": .number(seconds), "examples_directory": .string(directory.path),
            ]), in: audit, logger: logger)
            return .failed("\(error)")
        case nil:
            return .failed("the training thread ended without a result")
        }
    }

    private func record(_ draft: AuditDraft, in audit: (any AuditLogStore)?, logger: Logger) {
        do {
            _ = try audit?.appendAudit(draft)
        } catch {
            logger.error("could not record \(draft.eventType) in the audit trail: \(error)")
        }
    }

    /// Kind folder, file name, size and modification time of every file under `directory`, without reading
    /// them: what changes when an example is added, removed, renamed or edited. Nil when there is no folder.
    package static func fingerprint(_ directory: URL) -> String? {
        let fm = FileManager.default
        guard let kinds = try? ExampleLibrary.listing(directory) else { return nil }
        var lines: [String] = []
        for kind in kinds where !kind.hasPrefix("_") {
            let folder = directory.appendingPathComponent(kind)
            guard let names = try? ExampleLibrary.listing(folder) else { continue }  // a file, not a kind folder
            for name in names {
                let attributes = (try? fm.attributesOfItem(atPath: folder.appendingPathComponent(name).path)) ?? [:]
                let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                lines.append("\(kind)/\(name)\u{0}\(size)\u{0}\(modified)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
