import Foundation

// TEMPORARY PLACEHOLDER — the `classifier` branch owns these names (CONTRACTS.md, "Classifier"). This file
// exists only so the understand branch compiles and its tests run before that branch is merged into main;
// it is deleted at the merge. The stand-in model is a plain multinomial naive Bayes over lower-cased words
// and character bigrams, with no calibration.

public struct ClassifierInput: Sendable {
    public var subject: String
    public var body: String
    public var documentTexts: [String]
    public var headers: [HeaderField]
    public var sender: String?

    public init(message: NormalisedMessage, documentTexts: [String]) {
        subject = message.subject ?? ""
        body = message.text
        self.documentTexts = documentTexts
        headers = message.headers
        sender = message.from.first?.address
    }
}

public struct KindPrediction: Sendable {
    public var kind: String
    public var confidence: Double
    public var ranking: [(kind: String, probability: Double)]
}

public struct FeatureContribution: Sendable {
    public var feature: String
    public var weight: Double
}

public struct KindClassifier: Sendable, Codable {
    public var kinds: [String]
    var counts: [String: [String: Double]]
    var totals: [String: Double]
    var priors: [String: Double]
    var vocabulary: Int

    static func features(_ input: ClassifierInput) -> [String] {
        let text = ([input.subject, input.subject, input.body] + input.documentTexts).joined(separator: " ").lowercased()
        var out: [String] = []
        var word = ""
        var previous: Character?
        for ch in text {
            if ch.isLetter || ch.isNumber {
                word.append(ch)
                if let p = previous, !(p.isASCII && ch.isASCII) { out.append(String([p, ch])) }
                previous = ch
            } else {
                if word.count > 1 { out.append(word) }
                word = ""
                previous = nil
            }
        }
        if word.count > 1 { out.append(word) }
        return out
    }

    public static func train(_ examples: [(kind: String, input: ClassifierInput)]) -> KindClassifier {
        var counts: [String: [String: Double]] = [:]
        var totals: [String: Double] = [:]
        var docs: [String: Double] = [:]
        var vocabulary: Set<String> = []
        for (kind, input) in examples {
            docs[kind, default: 0] += 1
            for f in features(input) {
                counts[kind, default: [:]][f, default: 0] += 1
                totals[kind, default: 0] += 1
                vocabulary.insert(f)
            }
        }
        let n = Double(examples.count)
        return KindClassifier(kinds: docs.keys.sorted(), counts: counts, totals: totals,
                              priors: docs.mapValues { $0 / max(n, 1) }, vocabulary: max(1, vocabulary.count))
    }

    public func predict(_ input: ClassifierInput) -> KindPrediction {
        let fs = Self.features(input)
        let known = Set(counts.values.flatMap(\.keys))
        var scores: [(String, Double)] = kinds.map { kind in
            var s = log(priors[kind] ?? 1e-9)
            let total = (totals[kind] ?? 0) + Double(vocabulary)
            // Words never seen in training say nothing about any kind.
            for f in fs where known.contains(f) { s += log(((counts[kind]?[f] ?? 0) + 1) / total) }
            return (kind, s)
        }
        guard let best = scores.map(\.1).max() else { return KindPrediction(kind: "unknown", confidence: 0, ranking: []) }
        let sum = scores.map { exp($0.1 - best) }.reduce(0, +)
        scores = scores.map { ($0.0, exp($0.1 - best) / sum) }.sorted { $0.1 > $1.1 }
        return KindPrediction(kind: scores[0].0, confidence: scores[0].1, ranking: scores.map { (kind: $0.0, probability: $0.1) })
    }

    public func explain(_ input: ClassifierInput, top: Int) -> [FeatureContribution] {
        let kind = predict(input).kind
        let total = (totals[kind] ?? 0) + Double(vocabulary)
        return Set(Self.features(input)).map { f in
            FeatureContribution(feature: f, weight: log(((counts[kind]?[f] ?? 0) + 1) / total))
        }.sorted { $0.weight > $1.weight }.prefix(top).map { $0 }
    }
}

public struct LabelledExample: Sendable {
    public var kind: String
    public var file: URL
    public var expectedFields: [String: FieldValue]?
}

public enum ExampleLibrary {
    public static func load(directory: URL) throws -> [LabelledExample] {
        let fm = FileManager.default
        var out: [LabelledExample] = []
        for kind in try fm.contentsOfDirectory(atPath: directory.path).sorted() where !kind.hasPrefix(".") {
            let folder = directory.appendingPathComponent(kind)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for name in try fm.contentsOfDirectory(atPath: folder.path).sorted()
            where !name.hasPrefix(".") && !name.hasSuffix(".expected.json") && !name.hasSuffix(".md") {
                let file = folder.appendingPathComponent(name)
                let expectedURL = folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected.json")
                var expected: [String: FieldValue]?
                if let data = try? Data(contentsOf: expectedURL),
                   let object = try? JSONValue(parsing: String(decoding: data, as: UTF8.self)).objectValue,
                   let fields = object["fields"]?.objectValue {
                    expected = fields.compactMapValues(PendingExpectedValue.fieldValue)
                }
                out.append(LabelledExample(kind: kind, file: file, expectedFields: expected))
            }
        }
        return out
    }

    public static func classifier(examplesDirectory: URL, cacheDirectory: URL) throws -> KindClassifier {
        let examples = try load(directory: examplesDirectory)
        return KindClassifier.train(examples.compactMap { example in
            guard let data = try? Data(contentsOf: example.file) else { return nil }
            let content = example.file.pathExtension == "eml"
                ? MessageContent.read(raw: data) : MessageContent.read(document: data, filename: example.file.lastPathComponent)
            return (example.kind, content.classifierInput)
        })
    }
}

enum PendingExpectedValue {
    static func fieldValue(_ json: JSONValue) -> FieldValue? {
        switch json {
        case .string(let s): return .text(s)
        case .bool(let b): return .bool(b)
        default:
            if let d = json.doubleValue { return .number(Decimal(d)) }
            return nil
        }
    }
}
