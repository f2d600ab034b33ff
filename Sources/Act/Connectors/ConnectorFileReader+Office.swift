import Foundation
import Yams
import Vocabulary

/// Reading helpers the office connectors (mailbox, file, exec, webform) share.
extension ConnectorFileReader {
    /// A path from the connector file: absolute, or relative to the folder the connector file is in.
    package func path(relativeToConnectorFile text: String) -> URL {
        if text.hasPrefix("/") { return URL(fileURLWithPath: text).standardizedFileURL }
        return fileURL.deletingLastPathComponent().appendingPathComponent(text).standardizedFileURL
    }

    /// A nested mapping (`login:`, `form:`, …) as a reader of its own keys, reporting unknown keys with the
    /// section's name. Nil when the key is absent.
    package mutating func section(_ key: String, knownKeys: [String]) -> ConnectorSection? {
        guard let n = node(key) else { return nil }
        guard let m = n.mapping else {
            problem(n, "`\(key)` must be a mapping of keys (\(knownKeys.joined(separator: ", ")))")
            return nil
        }
        var values: [String: Node] = [:]
        for (k, v) in m {
            guard let name = k.string else { problem(k, "keys must be plain words"); continue }
            if !knownKeys.contains(name) {
                let guess = Suggestion.closest(to: name, among: knownKeys)
                problem(k, "unknown key '\(name)' in `\(key)`",
                        suggestion: guess.map { "did you mean '\($0)'?" } ?? "known keys: \(knownKeys.joined(separator: ", "))")
                continue
            }
            values[name] = v
        }
        return ConnectorSection(name: key, node: n, values: values)
    }

    /// A text value of a section.
    package mutating func string(_ key: String, in section: ConnectorSection?) -> String? {
        guard let n = section?.values[key] else { return nil }
        guard let s = n.scalar?.string else { problem(n, "`\(section!.name).\(key)` must be a text value"); return nil }
        return s
    }

    package mutating func requiredString(_ key: String, in section: ConnectorSection?, example: String) -> String? {
        if let s = string(key, in: section) { return s }
        if section?.values[key] == nil {
            problem(section?.node, "`\(section?.name ?? "?").\(key)` is missing", suggestion: "add `\(key): \(example)`")
        }
        return nil
    }

    /// A text value that must be a valid regular expression.
    package mutating func regex(_ key: String, in section: ConnectorSection?) -> String? {
        guard let s = string(key, in: section) else { return nil }
        if (try? NSRegularExpression(pattern: s)) == nil {
            problem(section?.values[key], "`\(section?.name ?? "?").\(key)` is not a valid regular expression: \(s)")
            return nil
        }
        return s
    }
}

/// A nested mapping of a connector file.
package struct ConnectorSection {
    package let name: String
    package let node: Node
    package let values: [String: Node]
}

/// Placeholders a connector fills in itself, in file names and page addresses: `{key}` (the idempotency key),
/// `{date}` (UTC, 2026-11-23), `{year}`, `{month}`, `{connector}`.
package enum ConnectorPlaceholders {
    package static func fill(_ text: String, key: String, connector: String, now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        let year = String(format: "%04d", c.year ?? 0), month = String(format: "%02d", c.month ?? 0)
        let day = String(format: "%02d", c.day ?? 0)
        return text.replacingOccurrences(of: "{key}", with: key)
            .replacingOccurrences(of: "{idempotency_key}", with: key)
            .replacingOccurrences(of: "{date}", with: "\(year)-\(month)-\(day)")
            .replacingOccurrences(of: "{year}", with: year)
            .replacingOccurrences(of: "{month}", with: month)
            .replacingOccurrences(of: "{connector}", with: connector)
    }
}

extension JSONValue {
    /// The value as one line of text for a CSV cell, a form field or a command line: text as it is, numbers
    /// without a needless ".0", null as empty, lists and objects as JSON.
    package var plainText: String {
        switch self {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let d):
            if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
            return canonicalJSON
        case .array, .object: return canonicalJSON
        }
    }
}
