import Audit
import Foundation
import Logging
import ServiceLifecycle
import Vocabulary

extension MailroomConfig {
    /// The signing key and checkpoint folder of this configuration's store (`audit.checkpoints`, else beside it).
    public var auditAnchor: AuditAnchor { AuditAnchor.beside(storePath: store.path, folder: audit.checkpoints) }
}

/// Writes a signed checkpoint of the audit trail every `audit.checkpoint_minutes` while the daemon runs (and
/// `MailroomDaemon` one more at a clean stop, once the pipeline finished). Each is also logged at notice level,
/// so a log shipped elsewhere (journald, syslog) holds a copy outside the store too.
package struct AuditCheckpointWriter: Sendable {
    package let anchor: AuditAnchor
    package let store: any AuditLogStore
    package let logger: Logger

    package func write() async {
        let (anchor, store) = (self.anchor, self.store)
        do {
            let written = try await BlockingIO.run { try anchor.writeCheckpoint(store: store) }
            if case .written(let checkpoint) = written {
                logger.notice("audit checkpoint \(checkpoint.origin) \(checkpoint.summary)",
                              metadata: ["file": "\(anchor.latestPath)"])
            }
        } catch {
            logger.error("audit checkpoint not written: \(error)")
        }
    }
}

/// Does `work` every `interval` until the daemon shuts down (not once more after the shutdown began): the
/// audit checkpoints, the classifier's refresh from new examples.
package struct RepeatingService: Service {
    package let interval: Duration
    package let work: @Sendable () async -> Void

    package init(every interval: Duration, _ work: @escaping @Sendable () async -> Void) {
        self.interval = interval
        self.work = work
    }

    package func run() async throws {
        let stop = StopFlag()
        let bell = Doorbell()
        await withGracefulShutdownHandler {
            while !stop.isSet {
                await bell.wait(timeout: interval, unless: stop)
                if stop.isSet { break }
                await work()
            }
        } onGracefulShutdown: {
            stop.set()
            bell.ring()
        }
    }
}
