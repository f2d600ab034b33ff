import Foundation
import Vocabulary
import Parse

/// How well Understand does on labelled mail: `mailroom eval DIR` (DIR/<kind>/* with optional
/// NAME.expected.json) and `mailroom eval --cross-validate K` over rules/examples.
public struct EvaluationReport: Sendable {
    public struct KindScore: Sendable { public var precision: Double; public var recall: Double; public var support: Int }
    public struct FieldScore: Sendable { public var precision: Double; public var recall: Double; public var support: Int; public var correct: Int; public var predicted: Int }

    public var messages: Int
    public var accuracy: Double
    public var perKind: [String: KindScore]
    /// confusion[true kind][predicted kind] = count.
    public var confusion: [String: [String: Int]]
    /// Per field (over mails with expected values): precision of grounded values, recall.
    public var fields: [String: FieldScore]
    public var fieldPrecision: Double
    public var fieldRecall: Double
    /// Mails sent to review (any reason).
    public var reviewed: Int
    /// Mails whose true kind is a business kind.
    public var businessMails = 0
    /// Business mails taken for a non-business kind and let through without review: dropped unseen.
    public var silentlyDropped = 0
    /// Business mails understood as the right kind with every required field valid and not held for review:
    /// handled without a person.
    public var automated = 0
    /// Mails taken for a wrong business kind and let through without review (actions on the wrong kind).
    public var wrongKindActed = 0
    /// Mails whose true kind is not a business kind, and of those the ones held for review.
    public var nonBusinessMails = 0
    public var nonBusinessHeld = 0
    /// Per "kind.field" (over mails of that true kind with an expected value): how many were exactly right.
    public var exactFields: [String: FieldScore] = [:]
    /// Per group (the company in a leave-one-company-out run): its own figures.
    public var groups: [String: GroupScore] = [:]
    /// Every mail as it was understood: file, true kind, predicted kind, confidence, method, the review reasons.
    public var outcomes: [Outcome] = []

    public struct Outcome: Sendable {
        public var file: String, expected: String, predicted: String, confidence: Double, method: String, review: [String]
    }

    /// Business mails dropped unseen and mails acted on as the wrong business kind: file, true, predicted.
    public var unseenMistakes: [(file: String, expected: String, predicted: String)] = []

    public struct GroupScore: Sendable {
        public var messages = 0, correct = 0, businessMails = 0, silentlyDropped = 0, automated = 0, wrongKindActed = 0, reviewed = 0
    }

    /// Automated business mails over all business mails.
    public var automationRate: Double { businessMails == 0 ? 0 : Double(automated) / Double(businessMails) }
    /// Non-business mails taken for a business kind and let through without review: the costliest error
    /// (it would trigger actions).
    public var businessFalsePositives: Int
    /// Non-business mails given a business kind but held in review (no action without a person).
    public var businessGuessesHeld: Int = 0
    /// Per method, how many mails it decided.
    public var methods: [String: Int]
    /// The mails predicted wrongly: file, true kind, predicted kind.
    public var mistakes: [(file: String, expected: String, predicted: String)]
    /// Grounded field values that differ from the expected ones: file, field, expected, found.
    public var fieldMistakes: [(file: String, field: String, expected: String, found: String)] = []
    /// Every expected value that was not exactly right (grounded or not, also when the kind was wrong):
    /// file (company/kind/name), "kind.field", expected, what came out ("-" for nothing; "kind K" when the
    /// mail was taken for another kind). `mailroom eval --misses` lists them.
    public var fieldMisses: [(file: String, field: String, expected: String, found: String)] = []

    public var json: JSONValue {
        .object([
            "messages": .integer(messages),
            "accuracy": .number(Self.round(accuracy)),
            "per_kind": .object(perKind.mapValues { .object(["precision": .number(Self.round($0.precision)), "recall": .number(Self.round($0.recall)),
                                                             "support": .integer($0.support)]) }),
            "confusion": .object(confusion.mapValues { .object($0.mapValues { .integer($0) }) }),
            "fields": .object(fields.mapValues { .object(["precision": .number(Self.round($0.precision)), "recall": .number(Self.round($0.recall)),
                                                          "support": .integer($0.support)]) }),
            "field_precision": .number(Self.round(fieldPrecision)),
            "field_recall": .number(Self.round(fieldRecall)),
            "reviewed": .integer(reviewed),
            "business_false_positives": .integer(businessFalsePositives),
            "business_guesses_held_for_review": .integer(businessGuessesHeld),
            "methods": .object(methods.mapValues { .integer($0) }),
            "business_mails": .integer(businessMails),
            "business_silently_dropped": .integer(silentlyDropped),
            "automated": .integer(automated),
            "automation_rate": .number(Self.round(automationRate)),
            "wrong_kind_acted_without_review": .integer(wrongKindActed),
            "non_business_mails": .integer(nonBusinessMails),
            "non_business_held_for_review": .integer(nonBusinessHeld),
            "exact_fields": .object(exactFields.mapValues { .object(["exact": .integer($0.correct), "support": .integer($0.support),
                                                                    "rate": .number(Self.round($0.recall))]) }),
            "groups": .object(groups.mapValues { g in .object([
                "messages": .integer(g.messages), "accuracy": .number(Self.round(g.messages == 0 ? 0 : Double(g.correct) / Double(g.messages))),
                "business_mails": .integer(g.businessMails), "business_silently_dropped": .integer(g.silentlyDropped),
                "automated": .integer(g.automated), "wrong_kind_acted_without_review": .integer(g.wrongKindActed),
                "reviewed": .integer(g.reviewed)]) }),
            "outcomes": .array(outcomes.map { .object(["file": .string($0.file), "expected": .string($0.expected),
                                                       "predicted": .string($0.predicted), "confidence": .number(Self.round($0.confidence)),
                                                       "method": .string($0.method), "review": .array($0.review.map { .string($0) })]) }),
            "unseen_mistakes": .array(unseenMistakes.map { .object(["file": .string($0.file), "expected": .string($0.expected), "predicted": .string($0.predicted)]) }),
            "mistakes": .array(mistakes.map { .object(["file": .string($0.file), "expected": .string($0.expected), "predicted": .string($0.predicted)]) }),
            "field_misses": .array(fieldMisses.map { .object(["file": .string($0.file), "field": .string($0.field),
                                                              "expected": .string($0.expected), "found": .string($0.found)]) }),
            "field_mistakes": .array(fieldMistakes.map { .object(["file": .string($0.file), "field": .string($0.field),
                                                                   "expected": .string($0.expected), "found": .string($0.found)]) }),
        ])
    }

    package static func round(_ d: Double) -> Double { (d * 10000).rounded() / 10000 }

    /// The report as a person reads it.
    public var text: String {
        var out = String(format: "%d mails, accuracy %.1f%%, %d sent to review; non-business mails taken for business: %d let through, %d held for review\n",
                         messages, accuracy * 100, reviewed, businessFalsePositives, businessGuessesHeld)
        out += String(format: "Business mail: %d; silently dropped: %d; handled without a person: %d (%.1f%%); wrong kind acted on without review: %d\n",
                      businessMails, silentlyDropped, automated, automationRate * 100, wrongKindActed)
        out += String(format: "Non-business mail: %d; held for review: %d\n", nonBusinessMails, nonBusinessHeld)
        if !groups.isEmpty {
            out += "\n" + FixedWidthTable(header: ["COMPANY", "MAILS", "ACCURACY", "BUSINESS", "DROPPED", "AUTOMATED", "WRONG ACTED", "REVIEWED"],
                                          rows: groups.keys.sorted().map { k in
                                              let g = groups[k]!
                                              return [k, String(g.messages), String(format: "%.1f%%", g.messages == 0 ? 0 : 100 * Double(g.correct) / Double(g.messages)),
                                                      String(g.businessMails), String(g.silentlyDropped),
                                                      String(format: "%d (%.0f%%)", g.automated, g.businessMails == 0 ? 0 : 100 * Double(g.automated) / Double(g.businessMails)),
                                                      String(g.wrongKindActed), String(g.reviewed)]
                                          }, rightAligned: Set(1...7), maxWidths: Array(repeating: nil, count: 8)).render()
        }
        out += "Methods: " + methods.keys.sorted().map { "\($0) \(methods[$0]!)" }.joined(separator: ", ") + "\n\n"
        let kinds = Set(perKind.keys).union(confusion.keys).union(confusion.values.flatMap(\.keys)).sorted()
        out += FixedWidthTable(header: ["KIND", "PRECISION", "RECALL", "SUPPORT"],
                               rows: kinds.map { k in
                                   let s = perKind[k]
                                   return [k, s.map { String(format: "%.3f", $0.precision) } ?? "-", s.map { String(format: "%.3f", $0.recall) } ?? "-",
                                           String(s?.support ?? 0)]
                               }, rightAligned: [1, 2, 3], maxWidths: [nil, nil, nil, nil]).render()
        out += "\nConfusion (rows: true kind, columns: predicted)\n"
        out += FixedWidthTable(header: ["TRUE \\ PREDICTED"] + kinds,
                               rows: kinds.map { t in [t] + kinds.map { p in String(confusion[t]?[p] ?? 0) } },
                               rightAligned: Set(1...max(1, kinds.count)), maxWidths: Array(repeating: nil, count: kinds.count + 1)).render()
        if !fields.isEmpty {
            out += String(format: "\nFields (grounded values): precision %.1f%%, recall %.1f%%\n", fieldPrecision * 100, fieldRecall * 100)
            out += FixedWidthTable(header: ["FIELD", "PRECISION", "RECALL", "SUPPORT"],
                                   rows: fields.keys.sorted().map { f in
                                       let s = fields[f]!
                                       return [f, String(format: "%.3f", s.precision), String(format: "%.3f", s.recall), String(s.support)]
                                   }, rightAligned: [1, 2, 3], maxWidths: [nil, nil, nil, nil]).render()
        }
        if !exactFields.isEmpty {
            out += "\nExact values by kind (right kind and exactly the expected value, over mails that state it)\n"
            out += FixedWidthTable(header: ["KIND.FIELD", "EXACT", "OF", "RATE"],
                                   rows: exactFields.keys.sorted().map { f in
                                       let s = exactFields[f]!
                                       return [f, String(s.correct), String(s.support), String(format: "%.1f%%", s.recall * 100)]
                                   }, rightAligned: [1, 2, 3], maxWidths: [nil, nil, nil, nil]).render()
        }
        if !unseenMistakes.isEmpty {
            out += "\nBusiness mail dropped unseen or acted on as the wrong kind:\n"
                + unseenMistakes.map { "  \($0.file): \($0.expected) taken for \($0.predicted)\n" }.joined()
        }
        if !mistakes.isEmpty {
            out += "\nMistakes:\n" + mistakes.map { "  \($0.file): \($0.expected) taken for \($0.predicted)\n" }.joined()
        }
        if !fieldMistakes.isEmpty {
            out += "\nWrong field values (grounded, but not the expected ones):\n"
                + fieldMistakes.map { "  \($0.file): \($0.field) = \($0.found), expected \($0.expected)\n" }.joined()
        }
        return out
    }

    /// The expected field values that did not come out exactly, one line each, grouped by field.
    public var missesText: String {
        if fieldMisses.isEmpty { return "Every expected field value came out exactly.\n" }
        var out = "Field values not exactly right (\(fieldMisses.count)):\n"
        for m in fieldMisses.sorted(by: { ($0.field, $0.file) < ($1.field, $1.file) }) {
            out += "  \(m.field)  \(m.file): expected \(m.expected), got \(m.found)\n"
        }
        return out
    }
}

public enum Evaluation {
    /// One labelled mail, read.
    public struct Case: Sendable {
        public var kind: String
        public var file: URL
        /// The company whose mailbox it came from (the folder in a corpus of companies), "" when not known.
        public var group: String = ""
        public var expected: [String: JSONValue]?
        public var content: MessageContent
    }

    /// Reads DIR/<kind>/* (mails or bare documents) with their NAME.expected.json.
    public static func cases(directory: URL) throws -> [Case] {
        let fm = FileManager.default
        var out: [Case] = []
        for kind in try fm.contentsOfDirectory(atPath: directory.path).sorted() where !kind.hasPrefix(".") {
            let folder = directory.appendingPathComponent(kind)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for name in try fm.contentsOfDirectory(atPath: folder.path).sorted()
            where !name.hasPrefix(".") && !name.hasSuffix(".expected.json") && !name.hasSuffix(".md") && !name.hasSuffix(".txt.meta") {
                let file = folder.appendingPathComponent(name)
                var isSubDir: ObjCBool = false
                guard fm.fileExists(atPath: file.path, isDirectory: &isSubDir), !isSubDir.boolValue else { continue }
                let expectedURL = folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected.json")
                var expected: [String: JSONValue]?
                if let data = try? Data(contentsOf: expectedURL) {
                    expected = (try? JSONValue.parse(data))?["fields"]?.objectValue
                }
                out.append(Case(kind: kind, file: file, expected: expected, content: try MessageContent.read(file: file)))
            }
        }
        return out
    }

    /// Reads a corpus of companies: DIR/<company>/<kind>/* (folders starting with "." or "_" are skipped),
    /// each case with its company as the group.
    public static func companyCases(directory: URL) throws -> [Case] {
        let fm = FileManager.default
        var out: [Case] = []
        for company in try fm.contentsOfDirectory(atPath: directory.path).sorted() where !company.hasPrefix(".") && !company.hasPrefix("_") {
            let folder = directory.appendingPathComponent(company)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { continue }
            out += try cases(directory: folder).map { var c = $0; c.group = company; return c }
        }
        return out
    }

    /// The company an example belongs to when nothing else says: the domain of the mailbox it arrived in (its
    /// first To: address), so that examples collected from several companies' mailboxes can be evaluated one
    /// company at a time. Bare documents have none ("documents").
    public static func recipientGroup(_ content: MessageContent) -> String {
        guard let address = content.message.to.first?.address, let at = address.lastIndex(of: "@") else { return "documents" }
        return String(address[address.index(after: at)...]).lowercased()
    }

    /// Leave-one-company-out: for each group of `cases` in turn, the classifier is trained on every other
    /// group (and on `alsoTrainOn`, e.g. a rule set's starter examples, which are never tested) and the held-out
    /// group's mails are understood with it. The figure says how Mailroom does on mail from a company it has
    /// never seen, which same-company cross-validation cannot.
    public static func leaveOneGroupOut(_ cases: [Case], catalogue: KindCatalogue, alsoTrainOn extra: [Case] = [],
                                        progress: ((Int, Int) -> Void)? = nil) -> EvaluationReport {
        let cues = catalogue.cues
        let training = cases + extra
        let counts = training.map { ClassifierFeatures.counts($0.content.classifierInput, cues: cues) }
        let trainingOnly = "\u{0}training"
        let groups = cases.map(\.group) + extra.map { _ in trainingOnly }
        let held = Set(cases.map(\.group))
        let models = KindClassifier.trainLeavingOut(groups: groups, holdingOut: held, kinds: training.map(\.kind),
                                                    counts: counts, cues: cues)
        var results: [(Case, Understanding)] = []
        for group in held.sorted() {
            let understander = Understander(catalogue: catalogue, classifier: models[group])
            for c in cases where c.group == group {
                results.append((c, understander.understandNow(c.content)))
                progress?(results.count, cases.count)
            }
        }
        return score(results, catalogue: catalogue)
    }

    /// Understands every case and scores the results.
    public static func evaluate(_ cases: [Case], understander: Understander, progress: ((Int, Int) -> Void)? = nil) -> EvaluationReport {
        var results: [(Case, Understanding)] = []
        for (i, c) in cases.enumerated() {
            results.append((c, understander.understandNow(c.content)))
            progress?(i + 1, cases.count)
        }
        return score(results, catalogue: understander.catalogue)
    }

    /// K-fold cross-validation over labelled examples (stratified by kind): the classifier is trained on
    /// K−1 folds and evaluated on the remaining one, K times.
    public static func crossValidate(_ cases: [Case], catalogue: KindCatalogue, folds k: Int,
                                     progress: ((Int, Int) -> Void)? = nil) -> EvaluationReport {
        let k = max(2, k)
        var fold: [Int] = Array(repeating: 0, count: cases.count)
        var perKindCounter: [String: Int] = [:]
        // Stratified, deterministic: the i-th example of a kind (in file order) goes to fold i mod K.
        for (i, c) in cases.enumerated() {
            let n = perKindCounter[c.kind, default: 0]
            fold[i] = n % k
            perKindCounter[c.kind] = n + 1
        }
        var results: [(Case, Understanding)] = []
        var done = 0
        for f in 0..<k {
            let training = cases.indices.filter { fold[$0] != f }.map { (kind: cases[$0].kind, input: cases[$0].content.classifierInput) }
            let classifier = KindClassifier.train(training, cues: catalogue.cues)
            let understander = Understander(catalogue: catalogue, classifier: classifier)
            for i in cases.indices where fold[i] == f {
                results.append((cases[i], understander.understandNow(cases[i].content)))
                done += 1
                progress?(done, cases.count)
            }
        }
        return score(results, catalogue: catalogue)
    }

    package static func score(_ results: [(Case, Understanding)], catalogue: KindCatalogue) -> EvaluationReport {
        var confusion: [String: [String: Int]] = [:]
        var methods: [String: Int] = [:]
        var correct = 0, reviewed = 0, businessFP = 0, businessHeld = 0
        var mistakes: [(String, String, String)] = []
        var fieldStats: [String: (support: Int, predicted: Int, correct: Int)] = [:]
        var fieldMistakes: [(file: String, field: String, expected: String, found: String)] = []
        let business = Set(catalogue.kinds.filter(\.business).map(\.name))
        var businessMails = 0, dropped = 0, automated = 0, wrongActed = 0, nonBusiness = 0, nonBusinessHeld = 0
        var groups: [String: EvaluationReport.GroupScore] = [:]
        var unseen: [(file: String, expected: String, predicted: String)] = []
        var exact: [String: (support: Int, correct: Int)] = [:]
        var outcomes: [EvaluationReport.Outcome] = []
        var misses: [(file: String, field: String, expected: String, found: String)] = []
        for (c, u) in results {
            let name = c.group.isEmpty ? c.file.lastPathComponent : "\(c.group)/\(c.kind)/\(c.file.lastPathComponent)"
            var g = groups[c.group, default: .init()]
            g.messages += 1
            if u.kind == c.kind { g.correct += 1 }
            if !u.review.isEmpty { g.reviewed += 1 }
            let letThrough = u.review.isEmpty
            if business.contains(c.kind) {
                businessMails += 1; g.businessMails += 1
                if !business.contains(u.kind) && letThrough { dropped += 1; g.silentlyDropped += 1; unseen.append((name, c.kind, u.kind)) }
                if u.kind == c.kind && letThrough { automated += 1; g.automated += 1 }
            } else {
                nonBusiness += 1
                if !letThrough { nonBusinessHeld += 1 }
            }
            if business.contains(u.kind) && u.kind != c.kind && letThrough {
                wrongActed += 1; g.wrongKindActed += 1
                if business.contains(c.kind) { unseen.append((name, c.kind, u.kind)) }
            }
            groups[c.group] = g
            outcomes.append(.init(file: name, expected: c.kind, predicted: u.kind, confidence: u.confidence, method: u.method, review: u.review))
            confusion[c.kind, default: [:]][u.kind, default: 0] += 1
            methods[u.method, default: 0] += 1
            if u.kind == c.kind { correct += 1 } else { mistakes.append((name, c.kind, u.kind)) }
            if !u.review.isEmpty { reviewed += 1 }
            if !business.contains(c.kind) && business.contains(u.kind) {
                if u.review.isEmpty { businessFP += 1 } else { businessHeld += 1 }
            }
            guard let expected = c.expected else { continue }
            for (fieldName, want) in expected {
                // Exact by kind: the right kind and the expected value, grounded or not (what would be handed on).
                var e = exact["\(c.kind).\(fieldName)", default: (0, 0)]
                e.support += 1
                if u.kind == c.kind, let got = u.fields[fieldName], same(got.json, want) {
                    e.correct += 1
                } else {
                    let found = u.kind != c.kind ? "kind \(u.kind)" : (u.fields[fieldName].map { $0.json.canonicalJSON } ?? "-")
                    misses.append((name, "\(c.kind).\(fieldName)", want.canonicalJSON, found))
                }
                exact["\(c.kind).\(fieldName)"] = e
                var s = fieldStats[fieldName, default: (0, 0, 0)]
                s.support += 1
                // Only values that passed validation and grounding count as predictions.
                if let got = u.fields[fieldName], u.kind == c.kind, isGrounded(fieldName, got, u) {
                    s.predicted += 1
                    if same(got.json, want) {
                        s.correct += 1
                    } else {
                        fieldMistakes.append((c.file.lastPathComponent, fieldName, want.canonicalJSON, got.json.canonicalJSON))
                    }
                }
                fieldStats[fieldName] = s
            }
        }
        var perKind: [String: EvaluationReport.KindScore] = [:]
        let kinds = Set(confusion.keys).union(confusion.values.flatMap(\.keys))
        for k in kinds {
            let tp = confusion[k]?[k] ?? 0
            let predicted = confusion.values.map { $0[k] ?? 0 }.reduce(0, +)
            let support = confusion[k]?.values.reduce(0, +) ?? 0
            perKind[k] = .init(precision: predicted == 0 ? 0 : Double(tp) / Double(predicted),
                               recall: support == 0 ? 0 : Double(tp) / Double(support), support: support)
        }
        let fields = fieldStats.mapValues { s in
            EvaluationReport.FieldScore(precision: s.predicted == 0 ? 1 : Double(s.correct) / Double(s.predicted),
                                        recall: s.support == 0 ? 0 : Double(s.correct) / Double(s.support), support: s.support,
                                        correct: s.correct, predicted: s.predicted)
        }
        let totalPredicted = fields.values.map(\.predicted).reduce(0, +)
        let totalCorrect = fields.values.map(\.correct).reduce(0, +)
        let totalSupport = fields.values.map(\.support).reduce(0, +)
        var report = EvaluationReport(messages: results.count, accuracy: results.isEmpty ? 0 : Double(correct) / Double(results.count),
                                perKind: perKind, confusion: confusion, fields: fields,
                                fieldPrecision: totalPredicted == 0 ? 1 : Double(totalCorrect) / Double(totalPredicted),
                                fieldRecall: totalSupport == 0 ? 0 : Double(totalCorrect) / Double(totalSupport),
                                reviewed: reviewed, businessFalsePositives: businessFP, businessGuessesHeld: businessHeld, methods: methods,
                                mistakes: mistakes.map { (file: $0.0, expected: $0.1, predicted: $0.2) }, fieldMistakes: fieldMistakes)
        report.businessMails = businessMails
        report.silentlyDropped = dropped
        report.automated = automated
        report.wrongKindActed = wrongActed
        report.nonBusinessMails = nonBusiness
        report.nonBusinessHeld = nonBusinessHeld
        report.unseenMistakes = unseen
        report.outcomes = outcomes
        report.fieldMisses = misses
        report.exactFields = exact.mapValues { e in
            EvaluationReport.FieldScore(precision: 0, recall: e.support == 0 ? 0 : Double(e.correct) / Double(e.support),
                                        support: e.support, correct: e.correct, predicted: 0)
        }
        if groups.keys.contains(where: { !$0.isEmpty }) { report.groups = groups }
        return report
    }

    package static func isGrounded(_ name: String, _ value: FieldValue, _ u: Understanding) -> Bool {
        if case .list = value { return true }  // rows are grounded item by item; ungrounded ones are reasons
        return u.groundings[name] != nil
    }

    /// Equal as a person means it: text ignoring case and surrounding space, numbers and decimal strings by value.
    package static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        func decimal(_ v: JSONValue) -> Decimal? {
            switch v {
            case .int(let i): return Decimal(i)
            case .number(let d): return Decimal(string: String(d), locale: Locale(identifier: "en_US_POSIX"))
            case .string(let s): return Decimal(string: s.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX"))
                .flatMap { s.contains(where: \.isLetter) ? nil : $0 }
            default: return nil
            }
        }
        if let x = decimal(a), let y = decimal(b) { return x == y }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            return x.trimmingCharacters(in: .whitespaces).lowercased() == y.trimmingCharacters(in: .whitespaces).lowercased()
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            return Set(x.keys) == Set(y.keys) && x.allSatisfy { k, v in same(v, y[k]!) }
        default:
            return a == b
        }
    }
}

/// How understanding a company's mail improves as its own corrected mails become examples (`mailroom eval
/// --learning-curve`, issue 13 point 6): for each held-out company and each number N, the classifier is trained on
/// every other company (and the rule set's examples) plus the first N of the company's own mails, and tested on
/// the same remaining mails of that company for every N, so the rows compare.
public struct LearningCurve: Sendable {
    public struct Row: Sendable {
        public var company: String
        /// The company's own mails added to the training set.
        public var added: Int
        /// The company's mails tested (the same for every row of a company).
        public var tested: Int
        public var accuracy: Double
        public var automationRate: Double
        public var businessMails: Int
        public var silentlyDropped: Int
        /// Expected field values that came out exactly (right kind and value), over all expected values.
        public var exactFields: Int
        public var expectedFields: Int
    }

    public var rows: [Row]

    public var text: String {
        var out = "Learning curve: each company held out, its first N mails added to the training set (round robin over kinds),\n"
            + "tested on the same remaining mails of that company for every N\n\n"
        out += FixedWidthTable(header: ["COMPANY", "ADDED", "TESTED", "ACCURACY", "AUTOMATED", "DROPPED", "FIELDS EXACT"],
                               rows: rows.map { r in
                                   [r.company, String(r.added), String(r.tested), String(format: "%.1f%%", r.accuracy * 100),
                                    String(format: "%.1f%%", r.automationRate * 100), String(r.silentlyDropped),
                                    String(format: "%d/%d (%.1f%%)", r.exactFields, r.expectedFields,
                                           r.expectedFields == 0 ? 0 : 100 * Double(r.exactFields) / Double(r.expectedFields))]
                               }, rightAligned: Set(1...6), maxWidths: Array(repeating: nil, count: 7)).render()
        let steps = Array(Set(rows.map(\.added))).sorted()
        if Set(rows.map(\.company)).count > 1 {
            out += "\nAll companies (mean over companies)\n"
            out += FixedWidthTable(header: ["ADDED", "ACCURACY", "AUTOMATED", "FIELDS EXACT"], rows: steps.map { n in
                let some = rows.filter { $0.added == n }
                let count = Double(max(1, some.count))
                let exact = some.map(\.exactFields).reduce(0, +), expected = some.map(\.expectedFields).reduce(0, +)
                return [String(n), String(format: "%.1f%%", 100 * some.map(\.accuracy).reduce(0, +) / count),
                        String(format: "%.1f%%", 100 * some.map(\.automationRate).reduce(0, +) / count),
                        String(format: "%.1f%%", expected == 0 ? 0 : 100 * Double(exact) / Double(expected))]
            }, rightAligned: [0, 1, 2, 3], maxWidths: [nil, nil, nil, nil]).render()
        }
        return out
    }

    public var json: JSONValue {
        .object(["rows": .array(rows.map { r in .object([
            "company": .string(r.company), "added": .integer(r.added), "tested": .integer(r.tested),
            "accuracy": .number(EvaluationReport.round(r.accuracy)), "automation_rate": .number(EvaluationReport.round(r.automationRate)),
            "business_mails": .integer(r.businessMails), "business_silently_dropped": .integer(r.silentlyDropped),
            "exact_fields": .integer(r.exactFields), "expected_fields": .integer(r.expectedFields)]) })])
    }
}

extension Evaluation {
    /// The order in which a company's mails are added as corrected examples: by file name within each kind,
    /// taking one of each kind in turn (so the first five are not all invoices).
    package static func additionOrder(_ indices: [Int], of cases: [Case]) -> [Int] {
        var byKind: [String: [Int]] = [:]
        for i in indices { byKind[cases[i].kind, default: []].append(i) }
        for k in byKind.keys { byKind[k]!.sort { cases[$0].file.lastPathComponent < cases[$1].file.lastPathComponent } }
        let kinds = byKind.keys.sorted()
        var out: [Int] = []
        var round = 0
        while out.count < indices.count {
            for k in kinds where round < byKind[k]!.count { out.append(byKind[k]![round]) }
            round += 1
        }
        return out
    }

    /// The learning curve (see `LearningCurve`). `companies`: which to hold out (default: every one);
    /// `steps`: how many of its own mails to add (0 is the leave-one-company-out figure). A company with no
    /// more mails than the largest step is skipped.
    public static func learningCurve(_ cases: [Case], catalogue: KindCatalogue, alsoTrainOn extra: [Case] = [],
                                     companies: [String]? = nil, steps: [Int] = [0, 5, 10, 20],
                                     progress: ((Int, Int) -> Void)? = nil) -> LearningCurve {
        let cues = catalogue.cues
        let training = cases + extra
        let set = KindClassifier.TrainingSet(labels: training.map(\.kind),
                                             counts: training.map { ClassifierFeatures.counts($0.content.classifierInput, cues: cues) })
        let steps = Array(Set(steps.filter { $0 >= 0 })).sorted()
        let largest = steps.last ?? 0
        let chosen = (companies ?? Array(Set(cases.map(\.group)))).sorted()
        var rows: [LearningCurve.Row] = []
        var done = 0
        let total = chosen.count * steps.count
        for company in chosen {
            let own = additionOrder(cases.indices.filter { cases[$0].group == company }, of: cases)
            guard own.count > largest else { done += steps.count; continue }
            let tested = Array(own[largest...])
            let others = training.indices.filter { $0 >= cases.count || cases[$0].group != company }
            for n in steps {
                let model = KindClassifier.fit(set, rows: others + own.prefix(n), cues: cues)
                let understander = Understander(catalogue: catalogue, classifier: model)
                let results = tested.map { (cases[$0], understander.understandNow(cases[$0].content)) }
                let report = score(results, catalogue: catalogue)
                rows.append(.init(company: company, added: n, tested: tested.count, accuracy: report.accuracy,
                                  automationRate: report.automationRate, businessMails: report.businessMails,
                                  silentlyDropped: report.silentlyDropped,
                                  exactFields: report.exactFields.values.map(\.correct).reduce(0, +),
                                  expectedFields: report.exactFields.values.map(\.support).reduce(0, +)))
                done += 1
                progress?(done, total)
            }
        }
        return LearningCurve(rows: rows)
    }
}
