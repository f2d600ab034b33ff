import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import Daemon

/// The `metrics:` listener: `/metrics`, `/healthz` and `/readyz` only — no UI, no login — on their own address,
/// run by `mailroom run` beside the pipeline (`MailroomDaemon.serve(extraServices:)`).
public struct MetricsListener: Service {
    public let settings: MailroomConfig.MetricsSettings
    public let endpoints: HealthEndpoints
    public let logger: Logger

    public init(settings: MailroomConfig.MetricsSettings, endpoints: HealthEndpoints, logger: Logger) {
        self.settings = settings
        self.endpoints = endpoints
        self.logger = logger
    }

    /// The listener for `daemon.serve(extraServices:)` when `metrics:` is configured; none otherwise.
    public static func services(for daemon: MailroomDaemon, registry: PrometheusCollectorRegistry)
        -> [ServiceGroupConfiguration.ServiceConfiguration] {
        services(for: daemon, endpoints: HealthEndpoints(daemon: daemon, registry: registry))
    }

    /// The same with endpoints shared with the web UI's listener (one collector per registry).
    public static func services(for daemon: MailroomDaemon, endpoints: HealthEndpoints)
        -> [ServiceGroupConfiguration.ServiceConfiguration] {
        guard let settings = daemon.config.metrics else { return [] }
        let listener = MetricsListener(settings: settings, endpoints: endpoints, logger: daemon.logger)
        // A listener that fails (a port in use) stops the daemon gracefully — what was started is finished — and
        // the error is what `mailroom run` reports.
        return [.init(service: listener, successTerminationBehavior: .gracefullyShutdownGroup,
                      failureTerminationBehavior: .gracefullyShutdownGroup, serviceName: "metrics")]
    }

    public func run() async throws {
        let router = Router()
        HealthRoutes.add(to: router, endpoints: endpoints)
        let address = settings.listen
        let logger = self.logger
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port)),
            onServerRunning: { _ in logger.info("metrics and health listening on http://\(address)/metrics") },
            logger: logger)
        do {
            try await application.run()
        } catch {
            throw MetricsListenerError(address: address, underlying: error)
        }
    }
}

/// The metrics listener could not listen (or stopped with an error); names the setting to change.
public struct MetricsListenerError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var address: MailroomConfig.ListenAddress
    public var reason: String

    init(address: MailroomConfig.ListenAddress, underlying: any Error) {
        self.address = address
        let text = "\(underlying)"
        if text.lowercased().contains("address already in use") {
            reason = "the port is in use by another program (address already in use); choose another port for metrics.listen"
        } else if text.lowercased().contains("permission denied") {
            reason = "permission denied (ports below 1024 need privileges); choose a port above 1024 for metrics.listen"
        } else {
            reason = text
        }
    }

    public var description: String { "metrics.listen \(address): cannot listen: \(reason)" }
    public var errorDescription: String? { description }
}
