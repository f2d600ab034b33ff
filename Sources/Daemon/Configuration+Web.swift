import Foundation
import Vocabulary

extension MailroomConfig {
    /// `web:` — the auditors' and reviewers' web UI, served by the daemon (WebUI target). Absent: no UI.
    public struct WebSettings: Sendable, Equatable, Codable {
        /// Where the UI listens: `HOST:PORT`. Loopback by default; anything else is the operator's explicit choice.
        public var listen: ListenAddress
        /// PEM files for HTTPS; both or neither. Without them the UI speaks plain HTTP (fine on loopback or
        /// behind a reverse proxy that terminates TLS).
        public var tlsCertificate: String?
        public var tlsKey: String?
        /// Hours a login lasts without activity.
        public var sessionHours: Double
        public init(listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 8025), tlsCertificate: String? = nil,
                    tlsKey: String? = nil, sessionHours: Double = 8) {
            self.listen = listen
            self.tlsCertificate = tlsCertificate
            self.tlsKey = tlsKey
            self.sessionHours = sessionHours
        }
    }

    /// `metrics:` — `/metrics`, `/healthz` and `/readyz` on a listener of their own, without the UI.
    /// Absent: they are served by the web UI's listener when there is one.
    public struct MetricsSettings: Sendable, Equatable, Codable {
        public var listen: ListenAddress
        public init(listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 9325)) { self.listen = listen }
    }

    /// A `HOST:PORT` a listener binds (`[::1]:8025` for IPv6).
    public struct ListenAddress: Sendable, Equatable, Codable, CustomStringConvertible {
        public var host: String
        public var port: Int
        public init(host: String, port: Int) { self.host = host; self.port = port }

        /// Parses `HOST:PORT`; nil with a reason when it is not one.
        public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressProblem> {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let colon = trimmed.lastIndex(of: ":") else {
                return .failure(ListenAddressProblem(text: text, reason: "it has no port; write HOST:PORT, e.g. 127.0.0.1:8025"))
            }
            var host = String(trimmed[..<colon])
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else {
                return .failure(ListenAddressProblem(text: text, reason: "it has no host; write 127.0.0.1:PORT for this machine only"))
            }
            guard let port = Int(trimmed[trimmed.index(after: colon)...]), (1...65535).contains(port) else {
                return .failure(ListenAddressProblem(text: text, reason: "the port must be a number from 1 to 65535"))
            }
            return .success(ListenAddress(host: host, port: port))
        }

        /// True for 127.0.0.0/8, ::1 and `localhost`: reachable from this machine only.
        public var isLoopback: Bool {
            host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }

        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

        public init(from decoder: Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            switch ListenAddress.parse(text) {
            case .success(let address): self = address
            case .failure(let problem):
                throw ConfigKeyProblem(path: decoder.codingPath, pointAtKey: false, message: problem.description)
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(description)
        }
    }

    public struct ListenAddressProblem: Error, CustomStringConvertible, Sendable {
        public var text: String
        public var reason: String
        public var description: String { "'\(text)' is not a listen address: \(reason)" }
    }
}

extension MailroomConfig.WebSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case listen, tlsCertificate = "tls_certificate", tlsKey = "tls_key", sessionHours = "session_hours"
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        listen = try c.decodeIfPresent(MailroomConfig.ListenAddress.self, forKey: .listen)
            ?? MailroomConfig.ListenAddress(host: "127.0.0.1", port: 8025)
        tlsCertificate = try c.decodeIfPresent(String.self, forKey: .tlsCertificate)
        tlsKey = try c.decodeIfPresent(String.self, forKey: .tlsKey)
        sessionHours = try c.decodeIfPresent(Double.self, forKey: .sessionHours) ?? 8
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw c.problem(tlsCertificate == nil ? .tlsKey : .tlsCertificate,
                            "HTTPS needs both tls_certificate and tls_key (PEM files); write both or neither")
        }
        guard sessionHours > 0, sessionHours <= 24 * 30 else {
            throw c.problem(.sessionHours, "must be more than 0 and at most 720 hours, not \(sessionHours)")
        }
    }
}

extension MailroomConfig.MetricsSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable { case listen }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        listen = try c.decodeIfPresent(MailroomConfig.ListenAddress.self, forKey: .listen)
            ?? MailroomConfig.ListenAddress(host: "127.0.0.1", port: 9325)
    }
}
