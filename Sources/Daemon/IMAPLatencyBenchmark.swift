import Crypto
import Foundation
import Logging
import Vocabulary
import Store
import Ingest

/// `mailroom bench imap`: delivers mails one by one into a folder (IMAP APPEND, as an MTA or another client
/// would) while an IMAP source watches it with IDLE, and measures for each the time from "the server
/// confirmed the delivery" to "Mailroom stored it durably" (spool fsync + store commit).
///
/// It runs against a scratch store and spool, never the configured ones; mails it delivers are left on the
/// server, flagged \Seen.
public struct IMAPLatencyBenchmark: Sendable {
    public var account: IMAPAccountSettings
    public var count: Int
    public var environment: [String: String]
    /// The longest wait for one mail to be stored before the benchmark gives up.
    public var perMailTimeout: Double = 30

    public init(account: IMAPAccountSettings, count: Int,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.account = account
        self.count = count
        self.environment = environment
    }

    public struct Result: Sendable, Codable {
        public var mails: Int
        public var stored: Int
        public var p50Seconds: Double
        public var p99Seconds: Double
        public var maxSeconds: Double
        public var meanSeconds: Double
        public var latencies: [Double]

        package enum CodingKeys: String, CodingKey {
            case mails, stored, p50Seconds = "p50_seconds", p99Seconds = "p99_seconds", maxSeconds = "max_seconds"
            case meanSeconds = "mean_seconds", latencies
        }

        public var text: String {
            String(format: "%d of %d mail(s) stored; arrival-to-stored latency p50 %.3f s, p99 %.3f s, max %.3f s, mean %.3f s",
                   stored, mails, p50Seconds, p99Seconds, maxSeconds, meanSeconds)
        }
    }

    public func run(progress: (Int) -> Void = { _ in }) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.path + "/mailroom-bench-imap-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let intake = Intake(store: try MailStore(path: scratch + "/mailroom.sqlite"),
                            spool: try Spool(directory: scratch + "/spool"))
        var logger = Logger(label: "mailroom.bench.imap")
        logger.logLevel = .warning
        var watched = account
        watched.folders = [account.folders.first ?? "INBOX"]
        watched.onStored = .init(flagSeen: true)
        let folder = watched.folders[0]
        let source = IMAPAccountSource(account: watched, intake: intake, logger: logger, environment: environment)
        let stored = LockedBox<[String: Date]>([:])
        let stop = StopFlag()
        let watching = Task.detached {
            await source.watch(stop: stop, onArrival: {}) { sha, at in stored.withLock { $0[sha] = at } }
        }
        defer { stop.set() }

        // Wait until the source idles (it first takes whatever is in the folder already).
        let sourceName = watched.sourceName(folder: folder)
        let ready = Date().addingTimeInterval(60)
        while try intake.store.sourceHealth().first(where: { $0.source == sourceName })?.state != .idle {
            if Date() > ready {
                let detail = try intake.store.sourceHealth().first { $0.source == sourceName }?.detail ?? "no contact"
                stop.set()
                await watching.value
                throw IngestError(message: "the IMAP source did not reach IDLE within 60 s: \(detail)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }

        let mailbox = IMAPMailbox(account: account, environment: environment)
        let run = UUID().uuidString.prefix(8)
        var latencies: [Double] = []
        for n in 1...count {
            let mail = Data("""
                From: Benchmark <bench@mailroom.invalid>\r
                To: \(account.user)\r
                Subject: Mailroom IMAP benchmark \(run) #\(n)\r
                Message-ID: <bench-\(run)-\(n)@mailroom.invalid>\r
                Date: \(MailDateText.rfc5322(Date()))\r
                \r
                Latency probe \(n) of \(count).\r

                """.utf8)
            let sha = IMAPFolderSync.hex(SHA256.hash(data: mail))
            try await mailbox.append(mail, to: folder)
            let delivered = Date()
            let deadline = delivered.addingTimeInterval(perMailTimeout)
            while stored.value[sha] == nil, Date() < deadline {
                try await Task.sleep(for: .milliseconds(2))
            }
            if let at = stored.value[sha] { latencies.append(max(0, at.timeIntervalSince(delivered))) }
            progress(n)
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...120)))
        }
        stop.set()
        await watching.value
        let sorted = latencies.sorted()
        func pct(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[max(0, min(sorted.count - 1, rank))]
        }
        return Result(mails: count, stored: latencies.count, p50Seconds: pct(50), p99Seconds: pct(99),
                      maxSeconds: sorted.last ?? .nan,
                      meanSeconds: sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count),
                      latencies: latencies)
    }


}
