import Foundation

/// The classifier's answer for one message.
public struct KindPrediction: Sendable {
    /// The most probable kind.
    public var kind: String
    /// Its calibrated probability (0…1).
    public var confidence: Double
    /// Every kind with its probability, most probable first (ties by name).
    public var ranking: [(kind: String, probability: Double)]

    public init(kind: String, confidence: Double, ranking: [(kind: String, probability: Double)]) {
        self.kind = kind
        self.confidence = confidence
        self.ranking = ranking
    }
}

/// One feature and how much it pushed toward the predicted kind (compared with the other kinds on average).
public struct FeatureContribution: Sendable, Hashable {
    /// The feature's name: `word:rechnung`, `bigram:purchase order`, `cjk:发票`, `ngram:rech`,
    /// `header:has:list-id`, …
    public var feature: String
    public var weight: Double

    public init(feature: String, weight: Double) {
        self.feature = feature
        self.weight = weight
    }
}

/// How well the classifier did on its own examples, each predicted by a model that had not seen it.
public struct CrossValidationSummary: Sendable, Codable, Hashable {
    public var folds: Int
    public var examples: Int
    public var correct: Int
    public var accuracy: Double { examples == 0 ? 0 : Double(correct) / Double(examples) }
    /// TRUE_KIND → PREDICTED_KIND → count.
    public var confusion: [String: [String: Int]]
}

/// The offline classifier: which kind a message is, with a calibrated confidence, from the examples a rule
/// author collects in `rules/examples/<kind>/`.
///
/// **The model** is multinomial logistic regression (softmax over the kinds, one weight per feature and
/// kind, L2-regularised), chosen over naive Bayes because its probabilities are far less extreme on long,
/// redundant texts (naive Bayes multiplies hundreds of correlated n-gram likelihoods as if independent and
/// is then 99.99% sure of nearly everything, which a confidence threshold cannot work with), because
/// it weighs header features such as `has:list-id` against the words without double counting, and because
/// each weight has a plain meaning for `explain`. It is trained deterministically by full-batch Nesterov
/// gradient descent with a fixed step (1/L from the largest eigenvalue of the Gram matrix) and a fixed
/// iteration budget: same examples in the same order → same model, bit for bit.
///
/// Training runs in the span of the examples (the L2 optimum lies there): the weights are `Xᵀα` with one
/// coefficient per example and kind, so every gradient step costs n² × kinds operations on the examples'
/// Gram matrix instead of n × features × kinds — a few milliseconds for 150 examples — and
/// cross-validation folds reuse the same matrix.
///
/// **Confidence** is calibrated by temperature scaling: the examples are split into 5 stratified folds,
/// each predicted by a model trained on the other four, and the one temperature T that minimises the
/// negative log-likelihood of those held-out predictions divides the scores before the softmax. The same
/// held-out predictions give the cross-validated accuracy that `mailroom train` reports.
public struct KindClassifier: Sendable, Codable {
    /// Bumped whenever the features or the model change meaning; part of the cache key.
    public static let formatVersion = 5

    /// The kinds it can tell apart, sorted by name.
    public private(set) var kinds: [String]
    /// Feature names, sorted; weights are indexed by position here.
    public private(set) var vocabulary: [String]
    /// vocabulary.count × kinds.count, feature-major.
    package var weights: [Float]
    /// One intercept per kind.
    package var bias: [Double]
    /// The calibration temperature (scores are divided by it before the softmax).
    public private(set) var temperature: Double
    /// How many examples of each kind it was trained on.
    public private(set) var exampleCounts: [String: Int]
    /// The held-out accuracy on its own examples (nil when there were too few to split).
    public private(set) var crossValidation: CrossValidationSummary?
    /// The kinds' cue words it was trained with (`cues:` in the kind files); read again at prediction.
    package private(set) var cues: KindCueSet
    private var index: [String: Int]
    package var vocabularyIndex: [String: Int] { index }

    /// The regularisation strength λ of the mean log-loss + λ/2‖w‖². Chosen by leave-one-company-out
    /// (`mailroom eval --leave-one-company-out Tests/UnderstandTests/Corpus`): kind accuracy on a company never
    /// trained on was 81.7% at 0.01, 85.9% at 0.004, 88.1% at 0.001 and 89.1% at 0.0002. With a fixed iteration
    /// budget the descent stops before the weights grow large, which regularises too.
    package static let lambda = 0.0002
    package static let iterations = 400
    package static let folds = 5

    // MARK: training

    /// Trains from labelled inputs. The result depends only on the examples and their order.
    public static func train(_ examples: [(kind: String, input: ClassifierInput)], cues: KindCueSet = .none) -> KindClassifier {
        let counts = examples.map { ClassifierFeatures.counts($0.input, cues: cues) }
        return train(kinds: examples.map(\.kind), counts: counts, cues: cues)
    }

    package static func train(kinds labels: [String], counts: [[String: Double]], cues: KindCueSet = .none) -> KindClassifier {
        let set = TrainingSet(labels: labels, counts: counts)
        return fit(set, rows: Array(0..<set.count), cues: cues)
    }

    /// One model per group, each trained on the examples of every *other* group (leave-one-group-out): the
    /// evaluation that says how the classifier does on a company whose mail it has never seen. The features
    /// and their inner products are computed once for all groups (a feature only the held-out group has gets
    /// no weight either way, so this is the same as preparing each fold on its own).
    /// `holdingOut` names the groups to leave out one at a time (default: every group); examples of other
    /// groups are always trained on (a rule set's starter examples beside an evaluation corpus).
    package static func trainLeavingOut(groups: [String], holdingOut: Set<String>? = nil, kinds labels: [String],
                                        counts: [[String: Double]], cues: KindCueSet = .none,
                                        progress: ((Int, Int) -> Void)? = nil) -> [String: KindClassifier] {
        let set = TrainingSet(labels: labels, counts: counts)
        let names = Array(holdingOut ?? Set(groups)).sorted()
        var out: [String: KindClassifier] = [:]
        for (done, group) in names.enumerated() {
            out[group] = fit(set, rows: (0..<set.count).filter { groups[$0] != group }, cues: cues)
            progress?(done + 1, names.count)
        }
        return out
    }

    /// The examples as vectors over one vocabulary, with their Gram matrix.
    package struct TrainingSet {
        package let kinds: [String]
        package let y: [Int]
        package let vocabulary: [String]
        package let index: [String: Int]
        package let vectors: [SparseVector]
        package let gram: GramMatrix
        package var count: Int { y.count }

        package init(labels: [String], counts: [[String: Double]]) {
            kinds = Array(Set(labels)).sorted()
            let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
            y = labels.map { kindIndex[$0]! }
            // Vocabulary: every feature the examples have (ClassifierFeatures.minimumDocumentFrequency).
            var documentFrequency: [String: Int] = [:]
            for c in counts { for name in c.keys { documentFrequency[name, default: 0] += 1 } }
            vocabulary = documentFrequency.filter { $0.value >= ClassifierFeatures.minimumDocumentFrequency || $0.key.hasPrefix("header:") }.keys.sorted()
            let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
            self.index = index
            vectors = counts.map { ClassifierFeatures.vector($0, index: index) }
            gram = GramMatrix(vectors: vectors, dimension: vocabulary.count)
        }
    }

    /// Trains on the given rows of a training set: temperature and cross-validated accuracy from 5 stratified
    /// folds of those rows, then the final model on all of them.
    package static func fit(_ set: TrainingSet, rows: [Int], cues: KindCueSet) -> KindClassifier {
        var clock = ContinuousClock.now
        func trace(_ step: String) {
            guard ProcessInfo.processInfo.environment["MAILROOM_CLASSIFIER_TRACE"] != nil else { return }
            let now = ContinuousClock.now
            FileHandle.standardError.write(Data("classifier: \(step): \(now - clock)\n".utf8))
            clock = now
        }
        let kinds = set.kinds
        let y = set.y
        var exampleCounts: [String: Int] = [:]
        for r in rows { exampleCounts[kinds[y[r]], default: 0] += 1 }
        let n = rows.count
        let classes = kinds.count
        guard n > 0, classes > 1, Set(rows.map { y[$0] }).count > 1 else {
            return KindClassifier(kinds: kinds, vocabulary: [], weights: [], bias: kinds.map { _ in 0 },
                                  temperature: 1, exampleCounts: exampleCounts, crossValidation: nil, cues: cues, index: [:])
        }
        let gram = set.gram

        // Cross-validation: stratified folds by position within each kind.
        var crossValidation: CrossValidationSummary?
        var temperature = 1.0
        var seenPerKind = [Int](repeating: 0, count: classes)
        var fold = [Int](repeating: 0, count: n)
        for (a, r) in rows.enumerated() {
            fold[a] = seenPerKind[y[r]] % folds
            seenPerKind[y[r]] += 1
        }
        if n >= 2 * folds {
            var heldOutScores = [[Double]](repeating: [], count: n)
            for f in 0..<folds {
                let train = (0..<n).filter { fold[$0] != f }.map { rows[$0] }
                let test = (0..<n).filter { fold[$0] == f }
                guard !test.isEmpty, Set(train.map { y[$0] }).count > 1 else { continue }
                let alpha = SoftmaxRegression.fit(gram: gram, rows: train, labels: train.map { y[$0] },
                                                  classes: classes, lambda: lambda, iterations: iterations)
                for t in test {
                    heldOutScores[t] = SoftmaxRegression.scores(gram: gram, row: rows[t], columns: train, alpha: alpha,
                                                                classes: classes)
                }
            }
            let scored = (0..<n).filter { !heldOutScores[$0].isEmpty }
            if !scored.isEmpty {
                temperature = TemperatureScaling.fit(scores: scored.map { heldOutScores[$0] },
                                                     labels: scored.map { y[rows[$0]] })
                var confusion: [String: [String: Int]] = [:]
                var correct = 0
                for a in scored {
                    let predicted = SoftmaxRegression.argmax(heldOutScores[a])
                    if predicted == y[rows[a]] { correct += 1 }
                    confusion[kinds[y[rows[a]]], default: [:]][kinds[predicted], default: 0] += 1
                }
                crossValidation = CrossValidationSummary(folds: folds, examples: scored.count, correct: correct,
                                                         confusion: confusion)
            }
        }

        trace("cross-validation")
        let alpha = SoftmaxRegression.fit(gram: gram, rows: rows, labels: rows.map { y[$0] }, classes: classes,
                                          lambda: lambda, iterations: iterations)
        // w = Xᵀα (feature-major); the intercept is the constant feature's weight Σα.
        var weights = [Double](repeating: 0, count: set.vocabulary.count * classes)
        var bias = [Double](repeating: 0, count: classes)
        weights.withUnsafeMutableBufferPointer { wp in
            alpha.withUnsafeBufferPointer { ap in
                for (a, i) in rows.enumerated() {
                    set.vectors[i].indices.withUnsafeBufferPointer { idx in
                        set.vectors[i].values.withUnsafeBufferPointer { val in
                            var p = 0
                            while p < idx.count {
                                let base = idx[p] * classes
                                let x = val[p]
                                var c = 0
                                while c < classes { wp[base + c] += x * ap[a * classes + c]; c += 1 }
                                p += 1
                            }
                        }
                    }
                    for c in 0..<classes { bias[c] += GramMatrix.biasFeature * ap[a * classes + c] }
                }
            }
        }
        trace("final model")
        return KindClassifier(kinds: kinds, vocabulary: set.vocabulary, weights: weights.map { Float($0) }, bias: bias,
                              temperature: temperature, exampleCounts: exampleCounts,
                              crossValidation: crossValidation, cues: cues, index: set.index)
    }

    private init(kinds: [String], vocabulary: [String], weights: [Float], bias: [Double], temperature: Double,
                 exampleCounts: [String: Int], crossValidation: CrossValidationSummary?, cues: KindCueSet,
                 index: [String: Int]) {
        self.cues = cues
        self.kinds = kinds
        self.vocabulary = vocabulary
        self.weights = weights
        self.bias = bias
        self.temperature = temperature
        self.exampleCounts = exampleCounts
        self.crossValidation = crossValidation
        self.index = index
    }

    // MARK: prediction

    /// The most probable kind with its calibrated confidence and the full ranking.
    public func predict(_ input: ClassifierInput) -> KindPrediction {
        let probabilities = self.probabilities(input)
        let ranking = zip(kinds, probabilities).map { (kind: $0.0, probability: $0.1) }
            .sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.kind < $1.kind }
        guard let best = ranking.first else { return KindPrediction(kind: "unknown", confidence: 0, ranking: []) }
        return KindPrediction(kind: best.kind, confidence: best.probability, ranking: ranking)
    }

    /// The features that pushed most toward the predicted kind, strongest first: each feature's value
    /// times (its weight for the predicted kind − its mean weight for the other kinds). Only features that
    /// pushed toward the kind are listed.
    public func explain(_ input: ClassifierInput, top: Int) -> [FeatureContribution] {
        let classes = kinds.count
        guard classes > 1, top > 0 else { return [] }
        let vector = ClassifierFeatures.vector(ClassifierFeatures.counts(input, cues: cues), index: index)
        let predicted = SoftmaxRegression.argmax(rawScores(vector))
        var out: [FeatureContribution] = []
        for (position, feature) in vector.indices.enumerated() {
            let x = vector.values[position]
            let own = Double(weights[feature * classes + predicted])
            var others = 0.0
            for c in 0..<classes where c != predicted { others += Double(weights[feature * classes + c]) }
            let push = x * (own - others / Double(classes - 1)) / temperature
            if push > 0 { out.append(FeatureContribution(feature: vocabulary[feature], weight: push)) }
        }
        out.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.feature < $1.feature }
        return Array(out.prefix(top))
    }

    /// Calibrated probabilities, parallel to `kinds`.
    public func probabilities(_ input: ClassifierInput) -> [Double] {
        guard kinds.count > 1 else { return kinds.map { _ in 1 } }
        let vector = ClassifierFeatures.vector(ClassifierFeatures.counts(input, cues: cues), index: index)
        return SoftmaxRegression.softmax(rawScores(vector).map { $0 / temperature })
    }

    package func rawScores(_ vector: SparseVector) -> [Double] {
        let classes = kinds.count
        var scores = bias
        for (position, feature) in vector.indices.enumerated() {
            let x = vector.values[position]
            for c in 0..<classes { scores[c] += x * Double(weights[feature * classes + c]) }
        }
        return scores
    }

    // MARK: Codable (weights as base64 little-endian Float32: compact and quick to load)

    package enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", kinds, vocabulary, weights, bias, temperature
        case exampleCounts = "example_counts", crossValidation = "cross_validation", cues
    }

    public struct FormatMismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .formatVersion)
        guard version == KindClassifier.formatVersion else {
            throw FormatMismatch(description: "classifier model format \(version), expected \(KindClassifier.formatVersion)")
        }
        kinds = try c.decode([String].self, forKey: .kinds)
        vocabulary = try c.decode([String].self, forKey: .vocabulary)
        let data = try c.decode(Data.self, forKey: .weights)
        guard data.count == vocabulary.count * kinds.count * 4 else {
            throw FormatMismatch(description: "classifier weights have \(data.count) bytes, expected "
                + "\(vocabulary.count * kinds.count * 4)")
        }
        weights = data.withUnsafeBytes { raw in
            (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        bias = try c.decode([Double].self, forKey: .bias)
        guard bias.count == kinds.count else { throw FormatMismatch(description: "classifier bias has the wrong size") }
        temperature = try c.decode(Double.self, forKey: .temperature)
        exampleCounts = try c.decode([String: Int].self, forKey: .exampleCounts)
        crossValidation = try c.decodeIfPresent(CrossValidationSummary.self, forKey: .crossValidation)
        cues = try c.decodeIfPresent(KindCueSet.self, forKey: .cues) ?? .none
        index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(KindClassifier.formatVersion, forKey: .formatVersion)
        try c.encode(kinds, forKey: .kinds)
        try c.encode(vocabulary, forKey: .vocabulary)
        var data = Data(capacity: weights.count * 4)
        for w in weights { withUnsafeBytes(of: w.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        try c.encode(data, forKey: .weights)
        try c.encode(bias, forKey: .bias)
        try c.encode(temperature, forKey: .temperature)
        try c.encode(exampleCounts, forKey: .exampleCounts)
        try c.encodeIfPresent(crossValidation, forKey: .crossValidation)
        try c.encode(cues, forKey: .cues)
    }
}

/// The examples' inner products (plus a constant bias feature), n × n.
package struct GramMatrix {
    /// No intercept: the examples' balance between kinds is the rule author's collecting habit, not how
    /// often each kind arrives, and a message with nothing known in it should rank every kind evenly.
    package static let biasFeature = 0.0
    package let n: Int
    package var values: [Double]

    package init(vectors: [SparseVector], dimension: Int) {
        let n = vectors.count
        self.n = n
        var values = [Double](repeating: 0, count: n * n)
        var dense = [Double](repeating: 0, count: dimension)
        dense.withUnsafeMutableBufferPointer { d in
            values.withUnsafeMutableBufferPointer { g in
                for i in 0..<n {
                    let vi = vectors[i]
                    for (p, f) in vi.indices.enumerated() { d[f] = vi.values[p] }
                    for j in i..<n {
                        let vj = vectors[j]
                        var dot = GramMatrix.biasFeature * GramMatrix.biasFeature
                        vj.indices.withUnsafeBufferPointer { idx in
                            vj.values.withUnsafeBufferPointer { val in
                                var p = 0
                                while p < idx.count { dot += d[idx[p]] * val[p]; p += 1 }
                            }
                        }
                        g[i * n + j] = dot
                        g[j * n + i] = dot
                    }
                    for f in vi.indices { d[f] = 0 }
                }
            }
        }
        self.values = values
    }

    package subscript(i: Int, j: Int) -> Double { values[i * n + j] }
}

/// L2-regularised multinomial logistic regression in the span of the examples.
package enum SoftmaxRegression {
    /// Minimises mean cross-entropy + λ/2‖w‖² with w = Σ α_i x_i over the given rows of the Gram matrix.
    /// Returns α, rows.count × classes, row-major.
    /// Training stops early once no coefficient's gradient exceeds this (far below what changes a prediction).
    package static let gradientTolerance = 1e-6

    package static func fit(gram: GramMatrix, rows: [Int], labels: [Int], classes: Int, lambda: Double,
                    iterations: Int) -> [Double] {
        let m = rows.count
        var k = [Double](repeating: 0, count: m * m)
        var eigen = 0.0
        k.withUnsafeMutableBufferPointer { kp in
            gram.values.withUnsafeBufferPointer { gp in
                for (a, i) in rows.enumerated() {
                    var b = 0
                    while b < m { kp[a * m + b] = gp[i * gram.n + rows[b]]; b += 1 }
                }
            }
            // Largest eigenvalue by power iteration from the all-ones vector (K is entry-wise non-negative).
            var v = [Double](repeating: 1 / Double(m).squareRoot(), count: m)
            var w = [Double](repeating: 0, count: m)
            for _ in 0..<30 {
                var norm = 0.0
                var a = 0
                while a < m {
                    var s = 0.0
                    var b = 0
                    while b < m { s += kp[a * m + b] * v[b]; b += 1 }
                    w[a] = s
                    norm += s * s
                    a += 1
                }
                norm = norm.squareRoot()
                guard norm > 0 else { break }
                eigen = norm
                for a in 0..<m { v[a] = w[a] / norm }
            }
        }
        let lipschitz = 0.5 * eigen * 1.05 / Double(m) + lambda
        let step = 1 / lipschitz
        let kappa = lipschitz / lambda
        let momentum = (kappa.squareRoot() - 1) / (kappa.squareRoot() + 1)

        var alpha = [Double](repeating: 0, count: m * classes)
        var previous = alpha
        var look = alpha
        var scores = [Double](repeating: 0, count: m * classes)
        let inverseM = 1 / Double(m)
        var iterationsUsed = 0
        for _ in 0..<iterations {
            // scores = K · look
            k.withUnsafeBufferPointer { kp in
                look.withUnsafeBufferPointer { lp in
                    scores.withUnsafeMutableBufferPointer { sp in
                        var a = 0
                        while a < m {
                            var c = 0
                            while c < classes { sp[a * classes + c] = 0; c += 1 }
                            var b = 0
                            while b < m {
                                let kab = kp[a * m + b]
                                if kab != 0 {
                                    var c = 0
                                    while c < classes { sp[a * classes + c] += kab * lp[b * classes + c]; c += 1 }
                                }
                                b += 1
                            }
                            a += 1
                        }
                    }
                }
            }
            // gradient in coefficient form: (P − Y)/m + λ·look; step, then Nesterov look-ahead.
            var maxGradient = 0.0
            scores.withUnsafeMutableBufferPointer { sp in
                look.withUnsafeMutableBufferPointer { lp in
                    alpha.withUnsafeMutableBufferPointer { ap in
                        previous.withUnsafeMutableBufferPointer { pp in
                            var a = 0
                            while a < m {
                                let row = a * classes
                                var top = sp[row]
                                var c = 1
                                while c < classes { if sp[row + c] > top { top = sp[row + c] }; c += 1 }
                                var sum = 0.0
                                c = 0
                                while c < classes { let e = exp(sp[row + c] - top); sp[row + c] = e; sum += e; c += 1 }
                                let label = labels[a]
                                c = 0
                                while c < classes {
                                    let g = (sp[row + c] / sum - (label == c ? 1 : 0)) * inverseM + lambda * lp[row + c]
                                    if abs(g) > maxGradient { maxGradient = abs(g) }
                                    pp[row + c] = ap[row + c]
                                    ap[row + c] = lp[row + c] - step * g
                                    lp[row + c] = ap[row + c] + momentum * (ap[row + c] - pp[row + c])
                                    c += 1
                                }
                                a += 1
                            }
                        }
                    }
                }
            }
            iterationsUsed += 1
            if maxGradient < gradientTolerance { break }
        }
        if ProcessInfo.processInfo.environment["MAILROOM_CLASSIFIER_TRACE"] != nil {
            FileHandle.standardError.write(Data("classifier: \(m) examples, \(iterationsUsed) iterations, L=\(lipschitz)\n".utf8))
        }
        return alpha
    }

    /// Scores of one row of the Gram matrix against the training columns' coefficients.
    package static func scores(gram: GramMatrix, row: Int, columns: [Int], alpha: [Double], classes: Int) -> [Double] {
        var s = [Double](repeating: 0, count: classes)
        for (b, j) in columns.enumerated() {
            let kij = gram[row, j]
            for c in 0..<classes { s[c] += kij * alpha[b * classes + c] }
        }
        return s
    }

    package static func softmax(_ scores: [Double]) -> [Double] {
        guard let top = scores.max() else { return [] }
        let e = scores.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    package static func argmax(_ scores: [Double]) -> Int {
        var best = 0
        for i in scores.indices where scores[i] > scores[best] { best = i }
        return best
    }
}

/// Fits one temperature T > 0 minimising the negative log-likelihood of softmax(scores / T) against
/// slightly smoothed targets: the true kind gets 1 − ε and the others share ε = 1/(n + 2) (Laplace's rule of
/// succession). Without it, held-out predictions that are all right would drive T toward 0 and every
/// confidence toward 1; with it, n right answers support a confidence of about (n + 1)/(n + 2), no more.
package enum TemperatureScaling {
    package static func fit(scores: [[Double]], labels: [Int]) -> Double {
        let classes = scores.first?.count ?? 1
        let epsilon = 1 / Double(scores.count + 2)
        func loss(_ logT: Double) -> Double {
            let t = exp(logT)
            var total = 0.0
            for (s, y) in zip(scores, labels) {
                let scaled = s.map { $0 / t }
                let top = scaled.max() ?? 0
                let logSum = log(scaled.reduce(0) { $0 + exp($1 - top) }) + top
                for c in 0..<classes {
                    let target = c == y ? 1 - epsilon : epsilon / Double(max(1, classes - 1))
                    total += target * (logSum - scaled[c])
                }
            }
            return total
        }
        // Golden-section search over log T in [ln 0.01, ln 10].
        var lo = log(0.01), hi = log(10.0)
        let ratio = (5.0.squareRoot() - 1) / 2
        var x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo)
        var f1 = loss(x1), f2 = loss(x2)
        for _ in 0..<60 {
            if f1 <= f2 {
                hi = x2; x2 = x1; f2 = f1
                x1 = hi - ratio * (hi - lo); f1 = loss(x1)
            } else {
                lo = x1; x1 = x2; f1 = f2
                x2 = lo + ratio * (hi - lo); f2 = loss(x2)
            }
        }
        return exp((lo + hi) / 2)
    }
}
