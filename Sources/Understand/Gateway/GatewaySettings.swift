import Foundation
import Vocabulary

/// `gateway:` — the language-model providers Understand may ask, and what they may cost.
///
/// ```yaml
/// gateway:
///   currency: USD
///   models: [local-small, cloud-large]      # cascade for mail whose kind is not known yet (cheapest first)
///   max_input_tokens: 3000                  # hard cap per call unless a kind sets its own
///   budget: {daily_tokens: 2000000, monthly_cost: 50}
///   providers:
///     - name: local-small
///       base_url: http://127.0.0.1:8081/v1
///       model: smollm2-135m
///       external: false
///       supports_json_schema: true
///     - name: cloud-large
///       base_url: https://api.example.com/v1
///       model: large-model
///       api_key_env: CLOUD_API_KEY
///       price_input_per_million: 0.27
///       price_output_per_million: 1.10
///       external: true                       # leaves the premises: personal data is redacted
///       allowed_data: redacted
///       budget: {daily_cost: 5}
/// ```
public struct GatewaySettings: Sendable, Equatable, Codable {
    public var providers: [ProviderSettings]
    /// The cascade (provider names, cheapest first) for mail whose kind is not known yet, and for kinds that
    /// list no `models:` of their own.
    public var models: [String]
    /// Hard cap on the estimated input tokens of one call, unless the kind sets `max_input_tokens`.
    public var maxInputTokens: Int
    /// Caps over all providers together.
    public var budget: BudgetSettings
    /// The currency the prices are in (only a label: Mailroom does not convert).
    public var currency: String
    /// Consecutive failed calls after which a provider is paused (circuit breaker).
    public var failuresBeforePause: Int
    /// How long a paused provider is left alone before one trial call.
    public var pauseSeconds: Double

    public init(providers: [ProviderSettings] = [], models: [String] = [], maxInputTokens: Int = 3000,
                budget: BudgetSettings = BudgetSettings(), currency: String = "USD", failuresBeforePause: Int = 3,
                pauseSeconds: Double = 60) {
        self.providers = providers
        self.models = models
        self.maxInputTokens = maxInputTokens
        self.budget = budget
        self.currency = currency
        self.failuresBeforePause = failuresBeforePause
        self.pauseSeconds = pauseSeconds
    }

    public func provider(named name: String) -> ProviderSettings? { providers.first { $0.name == name } }
}

/// What may be sent to a provider outside the premises.
public enum AllowedData: String, Sendable, Equatable, Codable, CaseIterable {
    /// Personal data (addresses, phone numbers, IBANs, card and ID numbers, names) replaced by placeholders.
    case redacted
    /// Everything as it is — only when the operator says so for this provider.
    case full
}

/// One OpenAI-compatible chat-completions endpoint and model.
public struct ProviderSettings: Sendable, Equatable, Codable {
    public var name: String
    /// Up to and including the API version, e.g. `https://api.example.com/v1` or `http://127.0.0.1:8080/v1`;
    /// Mailroom appends `/chat/completions`.
    public var baseURL: String
    public var model: String
    /// The environment variable holding the API key (sent as `Authorization: Bearer …`).
    public var apiKeyEnv: String?
    /// A file holding the API key (first line); relative to the configuration file.
    public var apiKeyFile: String?
    public var priceInputPerMillion: Double
    public var priceOutputPerMillion: Double
    /// True when the endpoint is outside the premises (the default, to be safe): data is redacted first.
    public var external: Bool
    public var allowedData: AllowedData
    /// Calls in flight at the same time.
    public var concurrency: Int
    public var timeoutSeconds: Double
    /// The endpoint enforces `response_format: {type: json_schema}` (llama.cpp's server, OpenAI, vLLM).
    public var supportsJSONSchema: Bool
    /// Attempts per call on 429/503, time-outs and connection failures (Retry-After is honoured).
    public var maxAttempts: Int
    public var budget: BudgetSettings
    /// `insecure_http: true`: plain http:// to a host that is not loopback, written out by the operator.
    public var insecureHTTP: Bool = false

    public init(name: String, baseURL: String, model: String, apiKeyEnv: String? = nil, apiKeyFile: String? = nil,
                priceInputPerMillion: Double = 0, priceOutputPerMillion: Double = 0, external: Bool = true,
                allowedData: AllowedData = .redacted, concurrency: Int = 2, timeoutSeconds: Double = 60,
                supportsJSONSchema: Bool = false, maxAttempts: Int = 3, budget: BudgetSettings = BudgetSettings()) {
        self.name = name
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.apiKeyFile = apiKeyFile
        self.priceInputPerMillion = priceInputPerMillion
        self.priceOutputPerMillion = priceOutputPerMillion
        self.external = external
        self.allowedData = allowedData
        self.concurrency = concurrency
        self.timeoutSeconds = timeoutSeconds
        self.supportsJSONSchema = supportsJSONSchema
        self.maxAttempts = maxAttempts
        self.budget = budget
    }

    /// True when personal data must be replaced before a call.
    public var redacts: Bool { external && allowedData == .redacted }

    /// The key from the environment or the file; nil when neither is configured. Throws when a configured
    /// source is missing (an operator error worth stopping for).
    public func apiKey(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let apiKeyEnv {
            guard let value = environment[apiKeyEnv], !value.isEmpty else {
                throw GatewayError.configuration("provider \(name): the environment variable \(apiKeyEnv) (api_key_env) is not set")
            }
            return value
        }
        if let apiKeyFile {
            guard let text = try? String(contentsOfFile: apiKeyFile, encoding: .utf8),
                  let line = text.split(whereSeparator: \.isNewline).first, !line.isEmpty else {
                throw GatewayError.configuration("provider \(name): cannot read the API key from \(apiKeyFile) (api_key_file)")
            }
            return line.trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

/// Daily and monthly caps; nil means no cap. Days and months are UTC.
public struct BudgetSettings: Sendable, Equatable, Codable {
    public var dailyTokens: Int?
    public var monthlyTokens: Int?
    public var dailyCost: Double?
    public var monthlyCost: Double?
    public init(dailyTokens: Int? = nil, monthlyTokens: Int? = nil, dailyCost: Double? = nil, monthlyCost: Double? = nil) {
        self.dailyTokens = dailyTokens
        self.monthlyTokens = monthlyTokens
        self.dailyCost = dailyCost
        self.monthlyCost = monthlyCost
    }
    public var isUnlimited: Bool { dailyTokens == nil && monthlyTokens == nil && dailyCost == nil && monthlyCost == nil }
}

// MARK: - Decoding with key checks

extension GatewaySettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case providers, models, maxInputTokens = "max_input_tokens", budget, currency
        case failuresBeforePause = "failures_before_pause", pauseSeconds = "pause_seconds"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        providers = try c.decodeIfPresent([ProviderSettings].self, forKey: .providers) ?? []
        models = try c.decodeIfPresent([String].self, forKey: .models) ?? []
        maxInputTokens = try c.decodeIfPresent(Int.self, forKey: .maxInputTokens) ?? 3000
        budget = try c.decodeIfPresent(BudgetSettings.self, forKey: .budget) ?? BudgetSettings()
        currency = try c.decodeIfPresent(String.self, forKey: .currency) ?? "USD"
        failuresBeforePause = try c.decodeIfPresent(Int.self, forKey: .failuresBeforePause) ?? 3
        pauseSeconds = try c.decodeIfPresent(Double.self, forKey: .pauseSeconds) ?? 60
        guard maxInputTokens > 0 else { throw c.problem(.maxInputTokens, "must be a number of tokens above zero") }
        guard failuresBeforePause > 0 else { throw c.problem(.failuresBeforePause, "must be 1 or more") }
        try c.requirePositive(pauseSeconds, .pauseSeconds)
        var seen: [String: Int] = [:]
        for (i, p) in providers.enumerated() {
            if let first = seen[p.name] {
                throw ConfigKeyProblem(path: c.codingPath + [CodingKeys.providers, ConfigKey(i), ConfigKey("name")], pointAtKey: false,
                                       message: "a second provider is named '\(p.name)' (the first is gateway.providers[\(first)]); names must be unique")
            }
            seen[p.name] = i
        }
        let names = providers.map(\.name)
        for (i, m) in models.enumerated() where !names.contains(m) {
            let hint = Suggestion.closest(to: m, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw ConfigKeyProblem(path: c.codingPath + [CodingKeys.models, ConfigKey(i)], pointAtKey: false,
                                   message: "'\(m)' is not a provider named in gateway.providers\(hint)")
        }
    }
}

extension ProviderSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case name, baseURL = "base_url", model, apiKeyEnv = "api_key_env", apiKeyFile = "api_key_file"
        case priceInputPerMillion = "price_input_per_million", priceOutputPerMillion = "price_output_per_million"
        case external, allowedData = "allowed_data", concurrency, timeoutSeconds = "timeout_seconds"
        case supportsJSONSchema = "supports_json_schema", maxAttempts = "max_attempts", budget
        case insecureHTTP = "insecure_http"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        baseURL = try c.decode(String.self, forKey: .baseURL)
        model = try c.decode(String.self, forKey: .model)
        apiKeyEnv = try c.decodeIfPresent(String.self, forKey: .apiKeyEnv)
        apiKeyFile = try c.decodeIfPresent(String.self, forKey: .apiKeyFile)
        priceInputPerMillion = try c.decodeIfPresent(Double.self, forKey: .priceInputPerMillion) ?? 0
        priceOutputPerMillion = try c.decodeIfPresent(Double.self, forKey: .priceOutputPerMillion) ?? 0
        external = try c.decodeIfPresent(Bool.self, forKey: .external) ?? true
        let allowed = try c.decodeIfPresent(String.self, forKey: .allowedData) ?? "redacted"
        concurrency = try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? 2
        timeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? 60
        supportsJSONSchema = try c.decodeIfPresent(Bool.self, forKey: .supportsJSONSchema) ?? false
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? 3
        budget = try c.decodeIfPresent(BudgetSettings.self, forKey: .budget) ?? BudgetSettings()
        try c.requireSourceName(name, .name)
        try c.requireNonEmpty(model, .model)
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil else {
            throw c.problem(.baseURL, "'\(baseURL)' is not an http(s) URL like https://api.example.com/v1")
        }
        // The API key and the mail's text go with every request.
        insecureHTTP = try c.decodeIfPresent(Bool.self, forKey: .insecureHTTP) ?? false
        if scheme == "http", !HostName.isLoopback(url.host ?? ""), !insecureHTTP {
            throw c.problem(.baseURL, "'\(baseURL)' is plain http:// to \(url.host ?? "?"): the API key and the mail's text would cross the network "
                            + "unencrypted; use https://, or — only where the network path is protected otherwise — add `insecure_http: true`")
        }
        guard let value = AllowedData(rawValue: allowed) else {
            throw c.problem(.allowedData, "'\(allowed)' is not allowed here: use redacted or full")
        }
        allowedData = value
        if apiKeyEnv != nil && apiKeyFile != nil {
            throw c.problem(.apiKeyFile, "give either api_key_env or api_key_file, not both")
        }
        guard priceInputPerMillion >= 0, priceOutputPerMillion >= 0 else {
            throw c.problem(priceInputPerMillion < 0 ? .priceInputPerMillion : .priceOutputPerMillion, "a price cannot be negative")
        }
        guard (1...64).contains(concurrency) else { throw c.problem(.concurrency, "must be between 1 and 64, not \(concurrency)") }
        try c.requirePositive(timeoutSeconds, .timeoutSeconds)
        guard (1...10).contains(maxAttempts) else { throw c.problem(.maxAttempts, "must be between 1 and 10, not \(maxAttempts)") }
    }
}

extension BudgetSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case dailyTokens = "daily_tokens", monthlyTokens = "monthly_tokens", dailyCost = "daily_cost", monthlyCost = "monthly_cost"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        dailyTokens = try c.decodeIfPresent(Int.self, forKey: .dailyTokens)
        monthlyTokens = try c.decodeIfPresent(Int.self, forKey: .monthlyTokens)
        dailyCost = try c.decodeIfPresent(Double.self, forKey: .dailyCost)
        monthlyCost = try c.decodeIfPresent(Double.self, forKey: .monthlyCost)
        for (value, key) in [(dailyTokens.map(Double.init), CodingKeys.dailyTokens), (monthlyTokens.map(Double.init), .monthlyTokens),
                             (dailyCost, .dailyCost), (monthlyCost, .monthlyCost)] {
            if let value, value < 0 || !value.isFinite { throw c.problem(key, "a cap cannot be negative") }
        }
    }
}
