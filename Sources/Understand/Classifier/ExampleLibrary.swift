import Crypto
import Foundation
import Vocabulary
import Ingest
import Parse

/// One example a rule author collected: a mail or a bare document in `rules/examples/<kind>/`.
public struct LabelledExample: Sendable {
    /// The kind: the name of the folder the file lies in.
    public var kind: String
    public var file: URL
    /// The field values of `NAME.expected.json` beside the file, if there is one. The file holds
    /// `{"fields": {NAME: VALUE}}` in the FieldValue JSON form without types, so values come back as read:
    /// strings as `.text` (also money "1234.56" and dates "2026-11-23"), numbers as `.number`, booleans as
    /// `.bool`, arrays of objects as `.list`. Compare them with extracted values through `FieldValue.json`
    /// (``expectedJSON``), which is the same for `.money(1234.56)` and `.text("1234.56")`.
    public var expectedFields: [String: FieldValue]?

    public init(kind: String, file: URL, expectedFields: [String: FieldValue]?) {
        self.kind = kind
        self.file = file
        self.expectedFields = expectedFields
    }

    /// The expected fields in their JSON form, for comparing with `Understanding.fields.mapValues(\.json)`.
    public var expectedJSON: [String: JSONValue]? { expectedFields?.mapValues(\.json) }

    /// A mail file (`.eml`, or any file that looks like RFC 822) rather than a bare document.
    public var isMail: Bool { ExampleLibrary.isMailFile(file) }

    /// The example as a parsed message: a mail as it is, a bare document wrapped as a message with that one
    /// attachment (as the drop folder does).
    public func parsedMessage() throws -> ParsedMessage {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ExampleLibraryError(message: "cannot read the example \(file.path): \(FileProblem.describe(error))")
        }
        return ExampleLibrary.parsedMessage(data: data, filename: file.lastPathComponent, isMail: isMail)
    }

    /// What the classifier reads of this example.
    public func classifierInput() throws -> ClassifierInput {
        let parsed = try parsedMessage()
        return MessageContent.read(parsed: parsed).classifierInput
    }
}

public struct ExampleLibraryError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// The examples in `rules/examples/<kind>/` and the classifier trained from them (cached by their hash).
public enum ExampleLibrary {
    package static let expectedSuffix = ".expected.json"

    /// rules/examples/<kind>/*: mails (.eml) or bare documents; with their optional NAME.expected.json.
    /// Sorted by kind, then file name. Hidden files, folders starting with "_" (`__pycache__`) and files
    /// directly in `directory` (a generator script, a README) are not examples.
    public static func load(directory: URL) throws -> [LabelledExample] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExampleLibraryError(message: "there is no examples folder at \(directory.path): put example mails "
                + "in \(directory.path)/<kind>/ (one folder per kind, e.g. invoice/)")
        }
        var examples: [LabelledExample] = []
        for kind in try listing(directory) where !kind.hasPrefix("_") {
            let kindFolder = directory.appendingPathComponent(kind)
            guard fm.fileExists(atPath: kindFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let names = try listing(kindFolder)
            let nameSet = Set(names)
            for name in names where !name.hasSuffix(expectedSuffix) {
                let file = kindFolder.appendingPathComponent(name)
                guard fm.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let stem = (name as NSString).deletingPathExtension
                var expected: [String: FieldValue]?
                for candidate in [stem + expectedSuffix, name + expectedSuffix] where nameSet.contains(candidate) {
                    expected = try expectedFields(kindFolder.appendingPathComponent(candidate))
                    break
                }
                examples.append(LabelledExample(kind: kind, file: file, expectedFields: expected))
            }
        }
        return examples
    }

    /// Trains from the examples, or loads the cached model keyed by the examples' hash.
    public static func classifier(examplesDirectory: URL, cacheDirectory: URL, cues: KindCueSet = .none) throws -> KindClassifier {
        try classifierWithOrigin(examplesDirectory: examplesDirectory, cacheDirectory: cacheDirectory, cues: cues).classifier
    }

    /// Like ``classifier(examplesDirectory:cacheDirectory:)``, also telling whether the cache was used and
    /// where it is. `retrain` ignores an existing cache (it is rewritten).
    /// `cues` are the kinds' cue words (part of the cache key: editing them retrains).
    public static func classifierWithOrigin(examplesDirectory: URL, cacheDirectory: URL, cues: KindCueSet = .none,
                                            retrain: Bool = false) throws -> (classifier: KindClassifier,
                                                                              fromCache: Bool, cacheFile: URL) {
        let key = try examplesHash(directory: examplesDirectory, cues: cues)
        let cacheFile = cacheDirectory.appendingPathComponent("classifier-\(key).json")
        if !retrain, let data = try? Data(contentsOf: cacheFile),
           let model = try? JSONDecoder().decode(KindClassifier.self, from: data) {
            return (model, true, cacheFile)
        }
        let examples = try load(directory: examplesDirectory)
        guard !examples.isEmpty else {
            throw ExampleLibraryError(message: "\(examplesDirectory.path) holds no examples: put example mails in "
                + "\(examplesDirectory.path)/<kind>/")
        }
        let model = KindClassifier.train(try examples.map { (kind: $0.kind, input: try $0.classifierInput()) }, cues: cues)
        try writeCache(model, to: cacheFile)
        return (model, false, cacheFile)
    }

    /// SHA-256 (hex) over the model format version and every file in the kind folders: relative path and
    /// bytes, in sorted order. Any added, removed, renamed or edited example changes it.
    public static func examplesHash(directory: URL, cues: KindCueSet = .none) throws -> String {
        var hasher = SHA256()
        hasher.update(data: Data("mailroom-classifier-format-\(KindClassifier.formatVersion)\n".utf8))
        for (kind, phrases) in cues.declared.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Data("cues:\(kind)\u{0}\(phrases.joined(separator: "\u{0}"))\n".utf8))
        }
        hasher.update(data: Data("document-text:\(documentTextMethod)\n".utf8))
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExampleLibraryError(message: "there is no examples folder at \(directory.path)")
        }
        for kind in try listing(directory) where !kind.hasPrefix("_") {
            let folder = directory.appendingPathComponent(kind)
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for name in try listing(folder) {
                let file = folder.appendingPathComponent(name)
                guard fm.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let data: Data
                do { data = try Data(contentsOf: file) } catch {
                    throw ExampleLibraryError(message: "cannot read the example \(file.path): \(FileProblem.describe(error))")
                }
                hasher.update(data: Data("\(kind)/\(name)\u{0}\(data.count)\u{0}".utf8))
                hasher.update(data: data)
            }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Where the daemon and `mailroom train` keep the trained model for a configuration: a
    /// `classifier-cache` folder beside the store.
    public static func defaultCacheDirectory(storePath: String) -> URL {
        URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("classifier-cache")
    }

    // MARK: messages and documents

    package static func isMailFile(_ file: URL) -> Bool {
        let ext = file.pathExtension.lowercased()
        if ext == "eml" || ext == "msg822" { return true }
        if ["pdf", "xml", "docx", "xlsx", "csv", "txt", "html", "htm", "json", "odt", "ods", "doc", "xls"].contains(ext) {
            return false
        }
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return false }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: 4096)) ?? Data()
        return RFC822Sniffer.looksLikeMessage(prefix)
    }

    /// A mail parsed as it is, or a bare document wrapped as a message with that one attachment.
    package static func parsedMessage(data: Data, filename: String, isMail: Bool) -> ParsedMessage {
        if isMail { return MessageParser.parse(data) }
        let wrapped = DroppedFileMessage.make(fileName: filename, content: data,
                                              modified: Date(timeIntervalSince1970: 1_795_000_000),
                                              folderName: "examples", address: "examples@mailroom.invalid")
        return MessageParser.parse(wrapped)
    }

    /// Names the way attachment text is read for training (`MessageContent.read(parsed:)`, as at run time);
    /// part of the cache key, so switching it retrains.
    package static let documentTextMethod = "document-reader-v1"

    // MARK: files

    package static func listing(_ directory: URL) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { !$0.hasPrefix(".") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        } catch {
            throw ExampleLibraryError(message: "cannot list \(directory.path): \(FileProblem.describe(error))")
        }
    }

    package static func expectedFields(_ file: URL) throws -> [String: FieldValue] {
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(contentsOf: file))
        } catch {
            throw ExampleLibraryError(message: "\(file.path): not readable JSON: \(error)")
        }
        guard case .object(let fields)? = value["fields"] else {
            throw ExampleLibraryError(message: "\(file.path): expected {\"fields\": {NAME: VALUE, …}}")
        }
        var out: [String: FieldValue] = [:]
        for (name, json) in fields {
            guard let field = fieldValue(json) else {
                throw ExampleLibraryError(message: "\(file.path): field \(name) has a value that is no text, number, "
                    + "boolean or list of objects")
            }
            out[name] = field
        }
        return out
    }

    package static func fieldValue(_ json: JSONValue) -> FieldValue? {
        switch json {
        case .string(let s): return .text(s)
        case .int(let i): return .number(Decimal(i))
        case .number(let d):
            return .number(Decimal(string: String(d), locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(d))
        case .bool(let b): return .bool(b)
        case .array(let items):
            var rows: [[String: FieldValue]] = []
            for item in items {
                guard case .object(let members) = item else { return nil }
                var row: [String: FieldValue] = [:]
                for (k, v) in members {
                    guard let f = fieldValue(v) else { return nil }
                    row[k] = f
                }
                rows.append(row)
            }
            return .list(rows)
        case .null, .object: return nil
        }
    }

    package static func writeCache(_ model: KindClassifier, to file: URL) throws {
        let fm = FileManager.default
        let folder = file.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(model)
            let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
            try data.write(to: temporary)
            if fm.fileExists(atPath: file.path) { try fm.removeItem(at: file) }
            try fm.moveItem(at: temporary, to: file)
            // Older models of other example sets are of no further use.
            for name in try fm.contentsOfDirectory(atPath: folder.path)
            where name.hasPrefix("classifier-") && name.hasSuffix(".json") && name != file.lastPathComponent {
                try? fm.removeItem(at: folder.appendingPathComponent(name))
            }
        } catch {
            throw ExampleLibraryError(message: "cannot write the classifier cache \(file.path): \(FileProblem.describe(error))")
        }
    }
}

/// How the classifier does on a company whose mail it never saw, measured on the examples themselves: the
/// examples are grouped by the mailbox they arrived in (their To: domain, ``Evaluation/recipientGroup(_:)``),
/// and each group is predicted by a model trained on all the others. Same-company cross-validation flatters
/// (one company's mails resemble each other); this is the figure to trust.
public struct CompanyHoldOutSummary: Sendable, Codable, Hashable {
    public struct Company: Sendable, Codable, Hashable {
        public var examples: Int
        public var correct: Int
    }

    public var companies: [String: Company]
    public var examples: Int { companies.values.map(\.examples).reduce(0, +) }
    public var correct: Int { companies.values.map(\.correct).reduce(0, +) }
    public var accuracy: Double { examples == 0 ? 0 : Double(correct) / Double(examples) }

    /// Nil when the examples come from fewer than two mailboxes (nothing to hold out).
    public static func measure(_ examples: [LabelledExample], cues: KindCueSet) throws -> CompanyHoldOutSummary? {
        var groups: [String] = []
        var counts: [[String: Double]] = []
        for example in examples {
            let content = MessageContent.read(parsed: try example.parsedMessage())
            groups.append(Evaluation.recipientGroup(content))
            counts.append(ClassifierFeatures.counts(content.classifierInput, cues: cues))
        }
        guard Set(groups).count >= 2 else { return nil }
        let labels = examples.map(\.kind)
        let models = KindClassifier.trainLeavingOut(groups: groups, kinds: labels, counts: counts, cues: cues)
        var companies: [String: Company] = [:]
        for (group, model) in models {
            var company = Company(examples: 0, correct: 0)
            for i in labels.indices where groups[i] == group {
                company.examples += 1
                let scores = model.rawScores(ClassifierFeatures.vector(counts[i], index: model.vocabularyIndex))
                if model.kinds[SoftmaxRegression.argmax(scores)] == labels[i] { company.correct += 1 }
            }
            companies[group] = company
        }
        return CompanyHoldOutSummary(companies: companies)
    }
}
