import Foundation
import Hummingbird
import HummingbirdTLS
import HummingbirdCore
import HTTPTypes
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import Daemon
import Store
import Vocabulary

/// What pages read: the configuration and the store (through its interfaces; the UI holds no business logic).
public struct WebEnvironment: Sendable {
    public let config: MailroomConfig
    public let store: MailStore
    public let logger: Logger
    public init(config: MailroomConfig, store: MailStore, logger: Logger) {
        self.config = config
        self.store = store
        self.logger = logger
    }
}

/// The web UI's listener: a Hummingbird application bound to `web.listen`, HTTPS when `web.tls_certificate`
/// and `web.tls_key` are set. Plain HTTP on an address other than loopback starts with a warning: it is meant
/// for a reverse proxy on the same host or network that terminates TLS (then session cookies are not marked
/// Secure, and failed logins are counted per proxy address). `mailroom run` hands it to the daemon's
/// service group.
public struct WebServer: Service {
    private let application: any Service
    public let settings: MailroomConfig.WebSettings
    private let logger: Logger

    /// `pages`: more routes to mount (search, review queue …), added after the built-in ones.
    /// `onListening`: called with the bound port once the server accepts connections (port 0 picks one).
    public init(settings: MailroomConfig.WebSettings, environment: WebEnvironment,
                throttle: LoginThrottlePolicy = .standard,
                pages: [any WebPages] = [],
                health: HealthEndpoints? = nil,
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) throws {
        self.settings = settings
        self.logger = environment.logger
        let secure = settings.tlsCertificate != nil
        let accounts = WebAccounts(store: environment.store, sessionHours: settings.sessionHours, throttle: throttle)
        var templates = LoginPage.templates.merging(OverviewPage.templates) { a, _ in a }
        for page in pages { templates.merge(page.templates) { a, _ in a } }
        let renderer = try WebRenderer(templates: templates)

        let router = Router(context: WebRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(accounts: accounts))
        // Browsers ask for it on their own; no icon, and no redirect to the login page (that would hand out a
        // new login token behind the form's back).
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("static/mailroom.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: WebLayout.stylesheet)))
        }
        LoginPage.add(to: router, accounts: accounts, renderer: renderer, secureCookies: secure)
        OverviewPage(environment: environment).add(to: router, renderer: renderer)
        // /metrics, /healthz and /readyz here when they have no listener of their own (public paths: no login).
        if let health { HealthRoutes.add(to: router, endpoints: health) }
        for page in pages { page.add(to: router, renderer: renderer, environment: environment) }

        let server: HTTPServerBuilder
        if let certificate = settings.tlsCertificate, let key = settings.tlsKey {
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
                let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
                let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(privateKey))
                server = try .tls(tlsConfiguration: tls)
            } catch {
                throw WebServerError(message: "web: cannot use tls_certificate \(certificate) and tls_key \(key): \(error)")
            }
        } else {
            if !settings.listen.isLoopback {
                environment.logger.warning("web.listen \(settings.listen) is not loopback and has no TLS: the UI speaks plain HTTP; put a reverse proxy that terminates HTTPS in front of it, or set web.tls_certificate and web.tls_key")
            }
            server = .http1()
        }
        let logger = environment.logger
        let listen = settings.listen
        application = Application(
            router: router, server: server,
            configuration: ApplicationConfiguration(address: .hostname(listen.host, port: listen.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? listen.port
                logger.info("web UI listening on \(secure ? "https" : "http")://\(listen.host.contains(":") ? "[\(listen.host)]" : listen.host):\(port)/")
                await onListening(port)
            },
            logger: logger)
    }

    public func run() async throws {
        do {
            try await application.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw WebServerError(message: "web.listen \(settings.listen): the address is already in use (another program listens there); choose another port under web: listen")
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL || error.errnoCode == EACCES {
            throw WebServerError(message: "web.listen \(settings.listen): cannot listen there (\(error)); fix web: listen")
        } catch {
            if "\(error)".contains("Address already in use") {
                throw WebServerError(message: "web.listen \(settings.listen): the address is already in use (another program listens there); choose another port under web: listen")
            }
            throw error
        }
    }
}

extension WebServer {
    /// The listeners `mailroom run` adds to the daemon's services: the web UI when `web:` is configured, with
    /// `/metrics` and health when `health` is given (they have no listener of their own).
    public static func services(config: MailroomConfig, environment: WebEnvironment,
                                health: HealthEndpoints? = nil) throws -> [ServiceGroupConfiguration.ServiceConfiguration] {
        guard let web = config.web else { return [] }
        return [.init(service: try WebServer(settings: web, environment: environment,
                                           pages: [SearchPages(), MessagePages(), ReviewPages(), AdminPages()], health: health),
                      serviceName: "web")]
    }
}

public struct WebServerError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// A set of pages another file adds to the server (the search, message and review pages).
public protocol WebPages: Sendable {
    /// Template name → Mustache text; each inherits `layout`.
    var templates: [String: String] { get }
    func add(to router: Router<WebRequestContext>, renderer: WebRenderer, environment: WebEnvironment)
}
