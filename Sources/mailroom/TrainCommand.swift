import ArgumentParser
import Foundation
import Understand
import Daemon

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the offline classifier from rules/examples/<kind>/ and cache the model.",
        discussion: """
            Reads every example mail (or bare document) in <rules>/examples/<kind>/, trains the classifier, \
            writes the model to the cache (keyed by the examples' SHA-256, so the daemon loads it instead of \
            training again), and prints how many examples each kind has and the leave-one-company-out accuracy \
            of the classifier alone: the examples are grouped by the mailbox they arrived in (their To: domain), \
            and each company's examples are predicted by a model trained on the other companies' — how it will do \
            on mail from a company it has never seen. The 5-fold cross-validated accuracy (companies mixed) \
            follows; it flatters.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("The rules folder holding examples/ (default: rules.path of the configuration).",
                                            valueName: "dir"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp(
        "Where the trained model is cached (default: classifier-cache/ beside the configured store).",
        valueName: "dir"))
    var cache: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let rulesDirectory = URL(fileURLWithPath: rules ?? config.rules.path)
            let examplesDirectory = rulesDirectory.appendingPathComponent("examples")
            let cacheDirectory = cache.map { URL(fileURLWithPath: $0) } ?? config.classifierCacheDirectory
            let examples = try ExampleLibrary.load(directory: examplesDirectory)
            let started = ContinuousClock.now
            let catalogue = try KindCatalogue.load(directory: rulesDirectory.appendingPathComponent("kinds"))
            let cues = catalogue.cues
            let result = try ExampleLibrary.classifierWithOrigin(examplesDirectory: examplesDirectory,
                                                                 cacheDirectory: cacheDirectory, cues: cues, retrain: true)
            let holdOut = try CompanyHoldOutSummary.measure(examples, cues: cues)
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let report = TrainingReport(examplesDirectory: examplesDirectory.path, examples: examples,
                                        classifier: result.classifier, cacheFile: result.cacheFile.path,
                                        seconds: seconds, companyHoldOut: holdOut)
            Terminal.out(json ? OperatorJSON.encode(report) : report.text)
        }
    }
}

/// What `mailroom train` prints.
struct TrainingReport: Encodable {
    struct KindLine: Encodable {
        var examples: Int
        var withExpectedFields: Int
        var crossValidatedCorrect: Int?
        enum CodingKeys: String, CodingKey {
            case examples, withExpectedFields = "with_expected_fields", crossValidatedCorrect = "cross_validated_correct"
        }
    }

    var examplesDirectory: String
    var total: Int
    var perKind: [String: KindLine]
    var crossValidation: CrossValidationSummary?
    var crossValidatedAccuracy: Double?
    var temperature: Double
    var features: Int
    var cacheFile: String
    var seconds: Double
    /// Leave-one-company-out over the examples (by the mailbox each arrived in): the figure to trust.
    var companyHoldOut: CompanyHoldOutSummary?

    enum CodingKeys: String, CodingKey {
        case examplesDirectory = "examples_directory", total = "examples", perKind = "per_kind"
        case crossValidation = "cross_validation", crossValidatedAccuracy = "cross_validated_accuracy"
        case temperature, features, cacheFile = "cache_file", seconds, companyHoldOut = "leave_one_company_out"
    }

    init(examplesDirectory: String, examples: [LabelledExample], classifier: KindClassifier, cacheFile: String,
         seconds: Double, companyHoldOut: CompanyHoldOutSummary? = nil) {
        self.companyHoldOut = companyHoldOut
        self.examplesDirectory = examplesDirectory
        total = examples.count
        var perKind: [String: KindLine] = [:]
        for example in examples {
            var line = perKind[example.kind] ?? KindLine(examples: 0, withExpectedFields: 0, crossValidatedCorrect: nil)
            line.examples += 1
            if example.expectedFields != nil { line.withExpectedFields += 1 }
            perKind[example.kind] = line
        }
        if let cv = classifier.crossValidation {
            for (kind, predicted) in cv.confusion { perKind[kind]?.crossValidatedCorrect = predicted[kind] ?? 0 }
        }
        self.perKind = perKind
        crossValidation = classifier.crossValidation
        crossValidatedAccuracy = classifier.crossValidation?.accuracy
        temperature = classifier.temperature
        features = classifier.vocabulary.count
        self.cacheFile = cacheFile
        self.seconds = (seconds * 1000).rounded() / 1000
    }

    var text: String {
        var out = "Trained the classifier from \(examplesDirectory): \(total) examples, \(perKind.count) kinds, "
            + "\(features) features, in \(String(format: "%.2f", seconds)) s.\n\n"
        let width = max(4, perKind.keys.map(\.count).max() ?? 4)
        out += "kind".padding(toLength: width, withPad: " ", startingAt: 0) + "  examples  expected.json  held-out correct\n"
        for kind in perKind.keys.sorted() {
            let line = perKind[kind]!
            let correct = line.crossValidatedCorrect.map { "\($0)/\(line.examples)" } ?? "-"
            out += kind.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: 2 + max(0, 8 - String(line.examples).count)) + "\(line.examples)"
                + String(repeating: " ", count: 2 + max(0, 13 - String(line.withExpectedFields).count))
                + "\(line.withExpectedFields)"
                + String(repeating: " ", count: 2 + max(0, 16 - correct.count)) + correct + "\n"
        }
        out += "\n"
        if let h = companyHoldOut {
            out += "Leave-one-company-out accuracy (classifier alone; each company's examples predicted by a model trained on the "
                + "others', companies told apart by the mailbox each example arrived in): "
                + String(format: "%.1f%%", h.accuracy * 100) + " (\(h.correct)/\(h.examples) over \(h.companies.count) companies)\n"
            out += "  " + h.companies.keys.sorted().map { k in
                let c = h.companies[k]!
                return "\(k) \(c.correct)/\(c.examples)"
            }.joined(separator: ", ") + "\n"
        } else {
            out += "The examples come from one mailbox: there is no other company to hold out, so only the "
                + "same-company figure below exists, and it flatters.\n"
        }
        if let cv = crossValidation {
            out += "\(cv.folds)-fold cross-validated accuracy (classifier alone, all companies mixed): "
                + String(format: "%.1f%%", cv.accuracy * 100) + " (\(cv.correct)/\(cv.examples))\n"
            var mistakes: [String] = []
            for kind in cv.confusion.keys.sorted() {
                for (predicted, count) in cv.confusion[kind]!.sorted(by: { $0.key < $1.key }) where predicted != kind {
                    mistakes.append("\(count) × \(kind) taken for \(predicted)")
                }
            }
            if !mistakes.isEmpty { out += "Held-out mistakes: " + mistakes.joined(separator: "; ") + "\n" }
        } else {
            out += "Too few examples for a 5-fold cross-validation (at least 10 are needed).\n"
        }
        out += "Calibration temperature: " + String(format: "%.3f", temperature) + "\n"
        out += "Model cached at \(cacheFile)\n"
        return out
    }
}
