import Foundation
import Vocabulary
import CurlTransport

/// Why a model could not be asked or its answer not used, in words an operator can act on.
public enum GatewayError: Error, Sendable, Hashable, CustomStringConvertible {
    case configuration(String)
    /// The provider answered with an HTTP error that retrying will not fix (400, 401, 404, …).
    case rejected(provider: String, status: Int, message: String)
    /// Still failing after every attempt (429/503 with Retry-After, 5xx, time-outs, connection failures).
    case unavailable(provider: String, message: String)
    case invalidAnswer(String)
    case budgetReached(String)
    case paused(String)

    public var description: String {
        switch self {
        case .configuration(let m): return m
        case .rejected(let p, let status, let m): return "provider \(p) refused the request (HTTP \(status)): \(m)"
        case .unavailable(let p, let m): return "provider \(p) is unavailable: \(m)"
        case .invalidAnswer(let m): return "the answer does not fit the schema: \(m)"
        case .budgetReached(let m): return m
        case .paused(let m): return m
        }
    }
}

/// One chat completion: what was asked and how.
public struct ChatRequest: Sendable {
    public var system: String
    public var user: String
    /// Earlier turns (a repair round sends the first answer and the problems back).
    public var history: [(role: String, content: String)]
    /// Sent as `response_format: {type: json_schema}` when the provider supports it.
    public var schema: JSONValue?
    public var maxOutputTokens: Int

    public init(system: String, user: String, history: [(role: String, content: String)] = [], schema: JSONValue?, maxOutputTokens: Int = 512) {
        self.system = system
        self.user = user
        self.history = history
        self.schema = schema
        self.maxOutputTokens = maxOutputTokens
    }

    package var messages: [JSONValue] {
        var out: [JSONValue] = [.object(["role": "system", "content": .string(system)]),
                                .object(["role": "user", "content": .string(user)])]
        for turn in history { out.append(.object(["role": .string(turn.role), "content": .string(turn.content)])) }
        return out
    }

    /// The estimated input tokens (TokenEstimate) of the whole request.
    public var estimatedInputTokens: Int {
        TokenEstimate.tokens(messages: [system, user] + history.map(\.content))
            + (schema.map { TokenEstimate.tokens($0.canonicalJSON) } ?? 0)
    }
}

/// What came back.
public struct ChatAnswer: Sendable {
    public var content: String
    public var inputTokens: Int
    public var outputTokens: Int
    /// True when the provider reported usage; false when Mailroom estimated it.
    public var usageReported: Bool
    public var latencySeconds: Double
    public var attempts: Int
}

/// An OpenAI-compatible `POST {base_url}/chat/completions` client over the project's libcurl HTTPClient.
///
/// Retries: 429 and 503 wait for `Retry-After` (seconds or an HTTP date; capped at 60 s), other 5xx, time-outs
/// and connection failures back off exponentially (0.5 s, 1 s, 2 s … with ±20% jitter); at most
/// `max_attempts` attempts. Other 4xx answers are not retried.
public struct ChatCompletionsClient: Sendable {
    public var provider: ProviderSettings
    public var apiKey: String?
    package let http: HTTPClient
    /// Tests shorten the waits.
    package var backoffBase: Double = 0.5
    package var maxRetryAfter: Double = 60

    public init(provider: ProviderSettings, apiKey: String?, http: HTTPClient) {
        self.provider = provider
        self.apiKey = apiKey
        self.http = http
    }

    public func body(for request: ChatRequest) -> JSONValue {
        var body: [String: JSONValue] = [
            "model": .string(provider.model),
            "messages": .array(request.messages),
            "temperature": 0,
            "max_tokens": .integer(request.maxOutputTokens),
        ]
        if let schema = request.schema, provider.supportsJSONSchema {
            body["response_format"] = .object([
                "type": "json_schema",
                "json_schema": .object(["name": "understanding", "strict": true, "schema": schema]),
            ])
        }
        return .object(body)
    }

    public func complete(_ request: ChatRequest) async throws(GatewayError) -> ChatAnswer {
        let base = provider.baseURL.hasSuffix("/") ? String(provider.baseURL.dropLast()) : provider.baseURL
        guard let url = URL(string: base + "/chat/completions") else {
            throw .configuration("provider \(provider.name): base_url \(provider.baseURL) is not a URL")
        }
        var headers = [("Content-Type", "application/json"), ("Accept", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let payload = Data(body(for: request).canonicalJSON.utf8)
        let http = HTTPRequest(method: "POST", url: url, headers: headers, body: payload, timeoutSeconds: provider.timeoutSeconds)
        let started = ContinuousClock.now
        var lastProblem = ""
        for attempt in 1...max(1, provider.maxAttempts) {
            var wait: Double
            do {
                let response = try await self.http.send(http)
                switch response.status {
                case 200..<300:
                    return try read(response, request: request, started: started, attempts: attempt)
                case 429, 503:
                    lastProblem = "HTTP \(response.status)" + (response.header("Retry-After").map { " (Retry-After: \($0))" } ?? "")
                    wait = retryAfter(response.header("Retry-After")) ?? backoff(attempt)
                case 500..<600:
                    lastProblem = "HTTP \(response.status): \(snippet(response.body))"
                    wait = backoff(attempt)
                default:
                    throw GatewayError.rejected(provider: provider.name, status: response.status, message: snippet(response.body))
                }
            } catch let error as GatewayError {
                throw error
            } catch let error as HTTPError {
                switch error {
                case .refusedHost(let h): throw GatewayError.configuration("provider \(provider.name): host \(h) is not allowed")
                case .tls(let m): throw GatewayError.unavailable(provider: provider.name, message: "TLS: \(m)")
                case .timeout(let m): lastProblem = "timed out after \(provider.timeoutSeconds) s (\(m))"
                case .transport(let m): lastProblem = m
                }
                wait = backoff(attempt)
            } catch {
                lastProblem = "\(error)"
                wait = backoff(attempt)
            }
            if attempt < provider.maxAttempts {
                try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            }
        }
        throw .unavailable(provider: provider.name, message: "\(provider.maxAttempts) attempt(s) failed; last: \(lastProblem)")
    }

    package func read(_ response: HTTPResponse, request: ChatRequest, started: ContinuousClock.Instant, attempts: Int) throws(GatewayError) -> ChatAnswer {
        let latency = ContinuousClock.now - started
        let seconds = Double(latency.components.seconds) + Double(latency.components.attoseconds) / 1e18
        guard let json = try? JSONValue.parse(response.body),
              let choice = json["choices"]?.arrayValue?.first,
              let content = choice["message"]?["content"]?.stringValue else {
            throw .invalidAnswer("provider \(provider.name) sent no chat completion: \(snippet(response.body))")
        }
        let usage = json["usage"]
        let input = usage?["prompt_tokens"]?.intValue.map(Int.init)
        let output = usage?["completion_tokens"]?.intValue.map(Int.init)
        return ChatAnswer(content: content, inputTokens: input ?? request.estimatedInputTokens,
                          outputTokens: output ?? TokenEstimate.tokens(content), usageReported: input != nil && output != nil,
                          latencySeconds: seconds, attempts: attempts)
    }

    package func backoff(_ attempt: Int) -> Double {
        let base = backoffBase * pow(2, Double(attempt - 1))
        return base * Double.random(in: 0.8...1.2)
    }

    package func retryAfter(_ value: String?) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return min(maxRetryAfter, max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: value) { return min(maxRetryAfter, max(0, date.timeIntervalSinceNow)) }
        return nil
    }

    package func snippet(_ data: Data) -> String {
        String(decoding: data.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
    }
}

/// Pauses a provider after repeated failures (circuit breaker) and limits calls in flight per provider.
public actor ProviderHealth {
    package struct State {
        package var consecutiveFailures = 0
        package var pausedUntil: Date?
        package var inFlight = 0
        package var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private var states: [String: State] = [:]
    package let failuresBeforePause: Int
    package let pauseSeconds: Double
    package let clock: @Sendable () -> Date

    public init(failuresBeforePause: Int, pauseSeconds: Double, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.failuresBeforePause = failuresBeforePause
        self.pauseSeconds = pauseSeconds
        self.clock = clock
    }

    /// Non-nil when the provider is paused: until when.
    public func pausedUntil(_ provider: String) -> Date? {
        guard let until = states[provider]?.pausedUntil else { return nil }
        return until > clock() ? until : nil   // after the pause: one trial call (half-open)
    }

    public func recordSuccess(_ provider: String) {
        states[provider, default: State()].consecutiveFailures = 0
        states[provider, default: State()].pausedUntil = nil
    }

    /// Returns true when this failure paused the provider.
    @discardableResult
    public func recordFailure(_ provider: String) -> Bool {
        var s = states[provider, default: State()]
        s.consecutiveFailures += 1
        var paused = false
        if s.consecutiveFailures >= failuresBeforePause {
            s.pausedUntil = clock().addingTimeInterval(pauseSeconds)
            s.consecutiveFailures = failuresBeforePause - 1   // after the pause one more failure pauses again
            paused = true
        }
        states[provider] = s
        return paused
    }

    public func acquire(_ provider: String, limit: Int) async {
        if states[provider, default: State()].inFlight < limit {
            states[provider, default: State()].inFlight += 1
            return
        }
        await withCheckedContinuation { continuation in
            states[provider, default: State()].waiting.append(continuation)
        }
    }

    public func release(_ provider: String) {
        var s = states[provider, default: State()]
        if s.waiting.isEmpty {
            s.inFlight = max(0, s.inFlight - 1)
        } else {
            s.waiting.removeFirst().resume()   // the slot passes on
        }
        states[provider] = s
    }
}
