import Crypto
import Foundation
import Logging
import Vocabulary
import LibEtpan

/// Takes the new mail of one IMAP folder, never losing or repeating a message.
///
/// Identity: source `imap:<account>/<folder>`, location `<UIDVALIDITY>:<UID>`. The checkpoint is the highest
/// UID whose mail is stored *and* whose on-stored action (flag, keyword, move) was done. A pass:
/// 1. SELECT; if UIDVALIDITY differs from the checkpoint's, the folder was renumbered: start over at UID 0
///    (the mail is fetched again and recognised by its content hash, so nothing is stored twice);
/// 2. list the UIDs above the checkpoint with their sizes;
/// 3. for each: fetch it in pieces of `fetch_chunk_bytes` (`BODY.PEEK[]<offset.length>`, never setting
///    \Seen), streaming a large mail to a spool temporary file, and record it (spool fsync + store commit);
/// 4. only then the on-stored action for the batch, then the checkpoint.
/// A crash after 3 finds the location known on the next pass: it is not stored again, only acknowledged.
package final class IMAPFolderSync {
    package let account: IMAPAccountSettings
    package let folder: String
    package let source: String
    package let intake: Intake
    package let logger: Logger
    package private(set) var selection: IMAPSession.Selection?
    /// How many messages are acknowledged at a time (bounds what a crash makes us redo).
    package static let batchSize = 25

    package init(account: IMAPAccountSettings, folder: String, intake: Intake, logger: Logger) {
        self.account = account
        self.folder = folder
        self.source = account.sourceName(folder: folder)
        self.intake = intake
        var logger = logger
        logger[metadataKey: "source"] = "\(source)"
        self.logger = logger
    }

    package struct Pass: Sendable {
        package var tally = IngestTally()
        /// Messages still on the server above the checkpoint (stop requested, or a failure).
        package var lag = 0
        /// (content SHA-256, stored at) of every message stored or recognised in this pass.
        package var arrivals: [(sha256: String, at: Date)] = []
    }

    /// SELECTs the folder and checks UIDVALIDITY against the checkpoint.
    package func select(_ session: IMAPSession) throws -> IMAPSession.Selection {
        let sel = try session.select(folder)
        let store = intake.store
        let checkpoint = try store.imapCheckpoint(source: source)
        if checkpoint?.uidValidity != sel.uidValidity {
            if let checkpoint {
                logger.warning("UIDVALIDITY changed from \(checkpoint.uidValidity) to \(sel.uidValidity): the server renumbered the folder; taking its mail again, recognising what is already stored by content")
            }
            try store.resetIMAPCheckpoint(source: source, uidValidity: sel.uidValidity, previous: checkpoint, actor: intake.actor)
        }
        selection = sel
        return sel
    }

    /// Takes every message above the checkpoint. `onStored` runs after each new message is committed.
    package func takeNew(_ session: IMAPSession, stop: StopFlag, onStored: (Int64) -> Void) throws -> Pass {
        guard let sel = selection else { throw IMAPProtocolError(kind: .protocolError, operation: "take new mail", detail: "folder not selected") }
        let store = intake.store
        let checkpoint = try store.imapCheckpoint(source: source)
        let after = checkpoint?.highestUID ?? 0
        let pending = try session.messages(after: after)
        var pass = Pass()
        pass.lag = pending.count
        var index = 0
        while index < pending.count {
            if stop.isSet { break }
            let batch = Array(pending[index..<min(index + IMAPFolderSync.batchSize, pending.count)])
            var acknowledged: [UInt32] = []
            for message in batch {
                if stop.isSet { break }
                let location = "\(sel.uidValidity):\(message.uid)"
                do {
                    let (outcome, sha, bytes) = try take(message, location: location, session: session)
                    pass.tally.count(outcome, bytes: bytes)
                    if let sha { pass.arrivals.append((sha, Date())) }
                    if case .stored(let id) = outcome { onStored(id) }
                    acknowledged.append(message.uid)
                } catch let error as IMAPProtocolError where error.kind == .gone {
                    // Deleted or moved by someone else between the listing and the fetch: nothing to take.
                    logger.info("UID \(message.uid) vanished before it was fetched; skipping it")
                    acknowledged.append(message.uid)
                }
            }
            guard !acknowledged.isEmpty else { break }
            try acknowledge(acknowledged, session: session)
            try store.advanceIMAPCheckpoint(source: source, uidValidity: sel.uidValidity,
                                            highestUID: acknowledged.max()!, highestModSeq: sel.highestModSeq)
            pass.lag -= acknowledged.count
            index += acknowledged.count
            if acknowledged.count < batch.count { break }  // stopped mid-batch
        }
        if pass.tally.stored + pass.tally.duplicates > 0 {
            logger.info("took \(pass.tally.stored) new mail(s), \(pass.tally.duplicates) duplicate(s)")
        }
        return pass
    }

    /// Fetches and records one message; returns the outcome, its hash (nil when already known) and its size.
    private func take(_ message: IMAPSession.MessageSize, location: String, session: IMAPSession) throws
        -> (Intake.Outcome, String?, Int) {
        if try intake.store.isKnown(source: source, location: location) {
            return (.alreadyKnown, nil, 0)
        }
        let chunk = account.fetchChunkBytes
        if message.size >= 0 && message.size <= chunk {
            let data = try session.fetchPart(uid: message.uid, offset: 0, length: chunk)
            let outcome = try intake.receive(data, source: source, location: location)
            return (outcome, IMAPFolderSync.hex(SHA256.hash(data: data)), data.count)
        }
        // Large: stream piece by piece into a temporary file beside the spool, then let the spool take it.
        let temp = intake.spool.directory + "/tmp/imap.\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: nil),
              let handle = FileHandle(forWritingAtPath: temp) else {
            throw SpoolError(message: "cannot create a temporary file \(temp) to stream UID \(message.uid) into")
        }
        defer { unlink(temp) }
        var offset = 0
        var hasher = SHA256()
        do {
            defer { try? handle.close() }
            while true {
                let part = try session.fetchPart(uid: message.uid, offset: offset, length: chunk)
                if !part.isEmpty {
                    try handle.write(contentsOf: part)
                    hasher.update(data: part)
                    offset += part.count
                }
                if part.count < chunk { break }
            }
        }
        let outcome = try intake.receive(contentsOf: URL(fileURLWithPath: temp), source: source, location: location)
        return (outcome, IMAPFolderSync.hex(hasher.finalize()), offset)
    }

    /// The configured on-stored action for these UIDs: flags and keyword first, then the move.
    private func acknowledge(_ uids: [UInt32], session: IMAPSession) throws {
        let on = account.onStored
        if on.leave { return }
        var flags: [IMAPSession.Flag] = []
        if on.flagSeen { flags.append(.seen) }
        if let keyword = on.keyword { flags.append(.keyword(keyword)) }
        if !flags.isEmpty { try session.addFlags(flags, uids: uids) }
        if let target = on.moveTo { try session.move(uids: uids, to: target) }
    }

    package static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
