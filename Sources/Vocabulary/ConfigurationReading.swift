import Foundation
import Yams

/// Paths in configuration and rule files: `~` expands to the home folder, relative paths resolve against `base`.
public enum ConfigurationPaths {
    public static func absolute(_ path: String, base: String) -> String {
        var p = path
        if p == "~" || p.hasPrefix("~/") {
            p = NSHomeDirectory() + p.dropFirst()
        }
        if !p.hasPrefix("/") { p = (base as NSString).appendingPathComponent(p) }
        return (p as NSString).standardizingPath
    }
}

// MARK: - Errors

/// A configuration that cannot be used, with the place in the file and what to change.
public struct ConfigError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The key as a dotted path, e.g. `sources.maildir[0].poll_seconds`.
    public var keyPath: String?
    public var message: String

    public init(file: String, line: Int?, column: Int?, keyPath: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `/etc/mailroom/mailroom.yaml:14:9: sources.maildir[0]: unknown key 'pol_seconds'; did you mean 'poll_seconds'?`
    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return place + ": " + (keyPath.map { "\($0): " } ?? "") + message
    }

    public var errorDescription: String? { description }

    package static func fromYAML(_ error: YamlError, file: String) -> ConfigError {
        let problem = YAMLFileReader.syntaxProblem(error, file: file)
        return ConfigError(file: file, line: problem.line, column: problem.column, keyPath: nil, message: problem.message)
    }

    package static func fromDecoding(_ error: DecodingError, file: String, root: Node) -> ConfigError {
        switch error {
        case let .typeMismatch(type, context):
            let node = ConfigNodes.node(at: context.codingPath, in: root)
            let found = node.map(ConfigNodes.describe) ?? "something else"
            return ConfigError(file: file, node: node ?? ConfigNodes.deepest(at: context.codingPath, in: root),
                               keyPath: ConfigNodes.render(context.codingPath),
                               message: "must be \(describe(type)), found \(found)")
        case let .valueNotFound(type, context):
            let node = ConfigNodes.deepest(at: context.codingPath, in: root)
            return ConfigError(file: file, node: node, keyPath: ConfigNodes.render(context.codingPath),
                               message: "must be \(describe(type)), found nothing")
        case let .keyNotFound(key, context):
            let node = ConfigNodes.deepest(at: context.codingPath, in: root)
            return ConfigError(file: file, node: node, keyPath: ConfigNodes.render(context.codingPath),
                               message: "the key '\(key.stringValue)' is missing; it is required here")
        case let .dataCorrupted(context):
            let node = ConfigNodes.deepest(at: context.codingPath, in: root)
            let found = ConfigNodes.node(at: context.codingPath, in: root).map(ConfigNodes.describe)
            return ConfigError(file: file, node: node, keyPath: ConfigNodes.render(context.codingPath),
                               message: "cannot read this value" + (found.map { " (\($0))" } ?? "")
                                   + ": " + context.debugDescription)
        @unknown default:
            return ConfigError(file: file, line: nil, column: nil, keyPath: nil, message: "\(error)")
        }
    }

    package init(file: String, node: Node?, keyPath: String?, message: String) {
        self.init(file: file, line: node?.mark?.line, column: node?.mark?.column,
                  keyPath: keyPath?.isEmpty == true ? nil : keyPath, message: message)
    }

    package static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is Int64.Type: return "a whole number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Node.Mapping.Type: return "a mapping of keys to values"
        case is Node.Sequence.Type: return "a list (lines starting with '- ')"
        case is Node.Scalar.Type: return "a single value"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array<") || name.hasPrefix("[") { return "a list (lines starting with '- ')" }
            if name.hasSuffix("Settings") || name == "MailroomConfig" { return "a mapping of keys to values" }
            return name
        }
    }
}

/// Thrown from inside decoding; turned into a `ConfigError` with the place once the node tree is at hand.
package struct ConfigKeyProblem: Error {
    package var path: [CodingKey]
    /// Point at the key (unknown key) rather than at its value (bad value).
    package var pointAtKey: Bool
    package var message: String

    package init(path: [CodingKey], pointAtKey: Bool, message: String) {
        self.path = path
        self.pointAtKey = pointAtKey
        self.message = message
    }

    package func error(file: String, root: Node) -> ConfigError {
        let node = pointAtKey ? ConfigNodes.keyNode(at: path, in: root) : ConfigNodes.node(at: path, in: root)
        let keyPath = ConfigNodes.render(pointAtKey ? Array(path.dropLast()) : path)
        return ConfigError(file: file, node: node ?? ConfigNodes.deepest(at: path, in: root), keyPath: keyPath,
                           message: message)
    }
}

package struct ConfigKey: CodingKey {
    package var stringValue: String
    package var intValue: Int?
    package init(_ string: String) { stringValue = string; intValue = nil }
    package init(_ index: Int) { stringValue = "\(index)"; intValue = index }
    package init?(stringValue: String) { self.init(stringValue) }
    package init?(intValue: Int) { self.init(intValue) }
}

extension Decoder {
    /// A keyed container that first refuses keys outside `Key.allCases`, naming the closest allowed one.
    package func checkedContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let all = try container(keyedBy: ConfigKey.self)
        let allowed = Key.allCases.map(\.stringValue)
        for key in all.allKeys where !allowed.contains(key.stringValue) {
            let hint = Suggestion.closest(to: key.stringValue, among: allowed).map { "; did you mean '\($0)'?" }
                ?? "; allowed here: " + allowed.joined(separator: ", ")
            throw ConfigKeyProblem(path: codingPath + [key], pointAtKey: true,
                                   message: "unknown key '\(key.stringValue)'\(hint)")
        }
        return try container(keyedBy: type)
    }
}

extension KeyedDecodingContainer {
    package func problem(_ key: Key, _ message: String) -> ConfigKeyProblem {
        ConfigKeyProblem(path: codingPath + [key], pointAtKey: false, message: message)
    }

    package func requireNonEmpty(_ value: String, _ key: Key) throws {
        if value.trimmingCharacters(in: .whitespaces).isEmpty { throw problem(key, "must not be empty") }
    }

    package func requirePositive(_ value: Double, _ key: Key) throws {
        guard value > 0, value.isFinite else { throw problem(key, "must be a number of seconds above zero") }
    }

    package func requireSourceName(_ value: String, _ key: Key) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !value.isEmpty, value.unicodeScalars.allSatisfy(allowed.contains) else {
            throw problem(key, "'\(value)' is not a usable source name: use letters, digits, '-', '_' or '.'")
        }
    }
}

/// Finds YAML nodes by coding path, for the line:column of an error.
package enum ConfigNodes {
    package static func node(at path: [CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            guard let next = child(of: current, key) else { return nil }
            current = next
        }
        return current
    }

    /// The deepest node that exists along the path (for a missing key: the mapping that lacks it).
    package static func deepest(at path: [CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            guard let next = child(of: current, key) else { break }
            current = next
        }
        return current
    }

    /// The key node of the last path component (where an unknown key is written).
    package static func keyNode(at path: [CodingKey], in root: Node) -> Node? {
        guard let last = path.last, let parent = node(at: Array(path.dropLast()), in: root),
              case .mapping(let mapping) = parent else { return nil }
        return mapping.first { $0.key.string == last.stringValue }?.key
    }

    private static func child(of node: Node, _ key: CodingKey) -> Node? {
        switch node {
        case .mapping(let mapping):
            return mapping.first { $0.key.string == key.stringValue }?.value
        case .sequence(let sequence):
            guard let index = key.intValue ?? Int(key.stringValue), index >= 0, index < sequence.count else { return nil }
            return sequence[index]
        default:
            return nil
        }
    }

    package static func render(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue ?? (key.stringValue.hasPrefix("Index ") ? Int(key.stringValue.dropFirst(6)) : nil) {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }

    package static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// Words for a file-system error that an operator can act on.
public enum FileProblem {
    public static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            default: break
            }
        }
        return ns.localizedDescription
    }
}
