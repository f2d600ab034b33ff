import Crypto
import Patterns
import Foundation
import Yams
import Vocabulary

/// The kinds of mail a company handles, read from `rules/kinds/*.yaml` (one kind per file).
public struct KindCatalogue: Sendable {
    public var kinds: [KindDefinition] {
        didSet { (cues, notCues) = (KindCueSet(kinds: kinds), KindCueSet(notCuesOf: kinds)) }
    }
    /// Every kind's `cues:`, ready to look for (derived from `kinds`, once, not per message).
    public private(set) var cues: KindCueSet
    /// Every kind's `not_cues:`, likewise.
    public private(set) var notCues: KindCueSet
    /// The folder the kinds were read from; nil for a catalogue made in code.
    public var directory: URL?
    /// SHA-256 over the kind files as read (each file's name, its length and its bytes, in name order): which
    /// kind definitions understood a message, as its `understood` event records it. Nil when made in code.
    public var filesSHA256: String?

    public init(kinds: [KindDefinition], directory: URL? = nil) {
        self.kinds = kinds
        self.directory = directory
        cues = KindCueSet(kinds: kinds)
        notCues = KindCueSet(notCuesOf: kinds)
    }

    public func kind(named name: String) -> KindDefinition? {
        kinds.first { $0.name == name }
    }

    /// Reads every `*.yaml`/`*.yml` file of `directory`, reporting every problem of every file in one pass.
    public static func load(directory: URL) throws(RuleFileProblems) -> KindCatalogue {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleFileProblems([RuleFileProblem(file: KindFileReader.display(directory), line: nil, column: nil,
                                                    message: "the kinds folder does not exist",
                                                    suggestion: "create it with one YAML file per kind (see rules/README.md)")])
        }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory.path)
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
        } catch {
            throw RuleFileProblems([RuleFileProblem(file: KindFileReader.display(directory), line: nil, column: nil,
                                                    message: "cannot list the kinds folder: \(FileProblem.describe(error))")])
        }
        var problems: [RuleFileProblem] = []
        var kinds: [KindDefinition] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            var reader = KindFileReader(file: KindFileReader.display(url))
            if let kind = reader.read(url: url) {
                if let earlier = kinds.first(where: { $0.name == kind.name }) {
                    reader.problems.append(RuleFileProblem(file: reader.file, line: nil, column: nil,
                        message: "the kind '\(kind.name)' is declared a second time (first in \(earlier.file))",
                        suggestion: "rename one of them"))
                } else {
                    kinds.append(kind)
                }
            }
            problems += reader.problems
        }
        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty { throw RuleFileProblems(problems) }
        if kinds.isEmpty {
            throw RuleFileProblems([RuleFileProblem(file: KindFileReader.display(directory), line: nil, column: nil,
                                                    message: "no kind files (*.yaml) in the kinds folder",
                                                    suggestion: "add one YAML file per kind (see rules/README.md)")])
        }
        var catalogue = KindCatalogue(kinds: kinds, directory: directory)
        var hasher = SHA256()
        for name in names {
            let bytes = (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data()
            for part in [Data(name.utf8), bytes] {
                var length = UInt64(part.count).bigEndian
                withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
                hasher.update(data: part)
            }
        }
        catalogue.filesSHA256 = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return catalogue
    }

    /// Reads one kind from YAML text (tests, `rules check` of a single file).
    public static func parse(yaml: String, file: String) throws(RuleFileProblems) -> KindDefinition {
        var reader = KindFileReader(file: file)
        let kind = reader.read(text: yaml)
        if let kind, !reader.problems.contains(where: { $0.severity == .error }) { return kind }
        throw RuleFileProblems(reader.problems)
    }
}

/// Reads one kind file, collecting every problem instead of stopping at the first.
package struct KindFileReader {
    package var yaml: YAMLFileReader
    package var file: String { yaml.file }
    package var problems: [RuleFileProblem] {
        get { yaml.problems }
        set { yaml.problems = newValue }
    }

    package init(file: String) { yaml = YAMLFileReader(file: file) }

    package static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }

    package mutating func problem(_ node: Node?, _ message: String, suggestion: String? = nil, severity: RuleFileProblem.Severity = .error) {
        yaml.problem(node, message, suggestion: suggestion, severity: severity)
    }

    package func place(_ node: Node?) -> String {
        guard let mark = node?.mark else { return file }
        return "\(file):\(mark.line):\(mark.column)"
    }

    package mutating func read(url: URL) -> KindDefinition? {
        guard let text = yaml.text(of: url) else { return nil }
        let kind = read(text: text)
        if let kind {
            let base = url.deletingPathExtension().lastPathComponent
            if base != kind.name {
                problem(nil, "the file declares the kind '\(kind.name)' but is named \(url.lastPathComponent)",
                        suggestion: "name it \(kind.name).yaml so authors find it", severity: .warning)
            }
        }
        return kind
    }

    package mutating func read(text: String) -> KindDefinition? {
        guard case .success(let root) = yaml.compose(text) else { return nil }
        guard let root, case .mapping(let top) = root else {
            problem(root, "a kind file is a mapping with at least `kind:` and `fields:`",
                    suggestion: "start with `kind: <name>`")
            return nil
        }
        let keys = mapping(top, allowed: ["kind", "description", "business", "accept_confidence", "fields", "checks", "matchers",
                                            "models", "max_input_tokens", "cues", "not_cues", "one_of", "identity"])
        guard let nameNode = keys["kind"] else {
            problem(root, "the key 'kind' is missing", suggestion: "add `kind: <name>` (lower-case, e.g. quote_request)")
            return nil
        }
        let name = scalar(nameNode) ?? ""
        if !Self.isIdentifier(name) {
            problem(nameNode, "'\(name)' is not a usable kind name", suggestion: "use lower-case letters, digits and '_', e.g. quote_request")
        }
        let description = keys["description"].flatMap(scalar) ?? ""
        var business = false
        if let node = keys["business"] {
            if let b = node.bool { business = b } else { problem(node, "business must be true or false") }
        } else {
            problem(root, "the key 'business' is missing",
                    suggestion: "add `business: true` for kinds that can trigger actions, `business: false` otherwise")
        }
        var accept = 0.8
        if let node = keys["accept_confidence"] {
            if let d = node.float, d >= 0, d <= 1 { accept = d } else { problem(node, "accept_confidence must be a number from 0 to 1, e.g. 0.8") }
        }
        var fields: [FieldDefinition] = []
        if let node = keys["fields"] {
            if case .sequence(let seq) = node {
                for item in seq { if let f = field(item, isItem: false) { fields.append(f) } }
            } else if case .scalar(let s) = node, s.string.isEmpty {
                // `fields:` with nothing: a kind without fields.
            } else {
                problem(node, "fields must be a list (lines starting with '- name: …')")
            }
        }
        var seen: Set<String> = []
        for f in fields where !seen.insert(f.name).inserted {
            problems.append(RuleFileProblem(file: file, line: nil, column: nil,
                                            message: "the field '\(f.name)' is declared twice", suggestion: "remove one"))
        }
        for f in fields {
            for case .sumOf(let list) in f.extractors {
                let target = fields.first { $0.name == list }
                let isList: Bool = { if case .list = target?.type { return true } else { return false } }()
                if !isList {
                    let mark = f.place.split(separator: ":").suffix(2).compactMap { Int($0) }
                    problems.append(RuleFileProblem(file: file, line: mark.count == 2 ? mark[0] : nil, column: mark.count == 2 ? mark[1] : nil,
                        message: "field '\(f.name)': sum_of '\(list)' is not a list field of this kind",
                        suggestion: Suggestion.closest(to: list, among: fields.filter { if case .list = $0.type { return true } else { return false } }.map(\.name))
                            .map { "did you mean '\($0)'?" } ?? "name a `type: list` field whose items have line_total or quantity and unit_price"))
                }
            }
            if let cf = f.currencyField, !fields.contains(where: { $0.name == cf }) {
                problems.append(RuleFileProblem(file: file, line: nil, column: nil,
                    message: "field '\(f.name)': currency_field '\(cf)' is not a field of this kind",
                    suggestion: Suggestion.closest(to: cf, among: fields.map(\.name)).map { "did you mean '\($0)'?" }))
            }
        }
        var checks: [KindCheck] = []
        if let node = keys["checks"] {
            if case .sequence(let seq) = node {
                for item in seq { if let c = kindCheck(item, fields: fields) { checks.append(c) } }
            } else {
                problem(node, "checks must be a list of `- expression: …`")
            }
        }
        var matchers: [KindMatcher] = []
        if let node = keys["matchers"] {
            if case .sequence(let seq) = node {
                for (i, item) in seq.enumerated() { if let m = matcher(item, index: i, fields: fields) { matchers.append(m) } }
            } else {
                problem(node, "matchers must be a list of `- name: …, when: …`")
            }
        }
        // The model gateway's cascade for this kind (provider names, cheapest first) and its token cap.
        var models: [String] = []
        if let node = keys["models"] {
            if case .sequence(let seq) = node, seq.allSatisfy({ scalar($0) != nil }) {
                models = seq.compactMap { scalar($0) }
            } else {
                problem(node, "models must be a list of provider names, cheapest first, e.g. [local-qwen, deepseek]")
            }
        }
        func phrases(_ key: String, example: String) -> [String] {
            guard let node = keys[key] else { return [] }
            if case .sequence(let seq) = node, seq.allSatisfy({ scalar($0).map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false }) {
                return seq.compactMap { scalar($0)?.trimmingCharacters(in: .whitespaces).lowercased() }
            }
            problem(node, "\(key) must be a list of words or phrases, e.g. \(example)")
            return []
        }
        let cues = phrases("cues", example: "[purchase order, Bestellung, 订单]")
        let notCues = phrases("not_cues", example: "[order confirmation, Auftragsbestätigung]")
        var maxInputTokens: Int?
        if let node = keys["max_input_tokens"] {
            if let n = node.int, n > 0 { maxInputTokens = n } else { problem(node, "max_input_tokens must be a whole number above 0, e.g. 4000") }
        }
        // `one_of: [[iban, sort_code + account_number]]`: at least one alternative complete.
        var oneOf: [[[String]]] = []
        if let node = keys["one_of"] {
            if case .sequence(let groups) = node {
                for group in groups {
                    let alternatives = stringList(group, what: "one_of alternatives").map { alternative in
                        alternative.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    }.filter { !$0.isEmpty }
                    if alternatives.count < 2 {
                        problem(group, "one_of: a requirement lists at least two alternatives, e.g. [iban, sort_code + account_number]")
                    }
                    for name in alternatives.joined() where !fields.contains(where: { $0.name == name }) {
                        problem(group, "one_of: '\(name)' is not a field of this kind",
                                suggestion: Suggestion.closest(to: name, among: fields.map(\.name)).map { "did you mean '\($0)'?" })
                    }
                    oneOf.append(alternatives)
                }
            } else {
                problem(node, "one_of must be a list of alternatives lists, e.g. `- [iban, sort_code + account_number]`")
            }
        }
        var kind = KindDefinition(name: name, description: description, business: business, fields: fields,
                                  acceptConfidence: accept, file: file, checks: checks, matchers: matchers)
        kind.oneOf = oneOf
        kind.models = models
        kind.maxInputTokens = maxInputTokens
        kind.cues = cues
        kind.notCues = notCues
        // What makes one business document of this kind (rules/README.md, "identity").
        if let node = keys["identity"] { kind.identity = identity(node, fields: fields) }
        return kind
    }

    package static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter, first.isASCII else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") && !$0.isUppercase }
    }

    // MARK: Nodes

    package func scalar(_ node: Node) -> String? {
        if case .scalar(let s) = node { return s.string }
        return nil
    }

    /// Keys of a mapping, refusing unknown ones with a suggestion.
    package mutating func mapping(_ m: Node.Mapping, allowed: [String]) -> [String: Node] {
        var out: [String: Node] = [:]
        for (k, v) in m {
            let key = k.string ?? ""
            if allowed.contains(key) {
                out[key] = v
            } else {
                let hint = Suggestion.closest(to: key, among: allowed).map { "did you mean '\($0)'?" }
                    ?? "allowed here: " + allowed.joined(separator: ", ")
                problem(k, "unknown key '\(key)'", suggestion: hint)
            }
        }
        return out
    }

    package mutating func stringList(_ node: Node, what: String) -> [String] {
        switch node {
        case .scalar(let s): return [s.string]
        case .sequence(let seq):
            return seq.compactMap { item in
                if let s = scalar(item) { return s }
                problem(item, "\(what) must be text")
                return nil
            }
        default:
            problem(node, "\(what) must be text or a list of texts")
            return []
        }
    }

    package mutating func compile(_ node: Node, caseInsensitive: Bool = false) -> TextPattern? {
        guard let source = scalar(node) else {
            problem(node, "a regular expression must be text")
            return nil
        }
        do {
            return try TextPattern(source, caseInsensitive: caseInsensitive)
        } catch {
            problem(node, error.sentence(for: source),
                    suggestion: error.offset == nil ? "check brackets and escapes; in YAML put the pattern in single quotes" : nil)
            return nil
        }
    }

    // MARK: Fields

    package mutating func field(_ node: Node, isItem: Bool) -> FieldDefinition? {
        guard case .mapping(let m) = node else {
            problem(node, "a field is a mapping with at least `name:` and `type:`")
            return nil
        }
        let keys = mapping(m, allowed: ["name", "type", "required", "description", "values", "items", "currency_field",
                                        "extract", "checks", "default"])
        guard let nameNode = keys["name"], let name = scalar(nameNode), Self.isIdentifier(name) else {
            problem(keys["name"] ?? node, "a field needs a `name:` of lower-case letters, digits and '_'")
            return nil
        }
        guard let typeNode = keys["type"], let typeName = scalar(typeNode) else {
            problem(node, "field '\(name)': the key 'type' is missing", suggestion: "one of: " + FieldType.names.joined(separator: ", "))
            return nil
        }
        var type: FieldType
        switch typeName {
        case "text": type = .text
        case "number": type = .number
        case "money": type = .money
        case "date": type = .date
        case "email": type = .email
        case "phone": type = .phone
        case "iban": type = .iban
        case "vat_id", "vat": type = .vatID
        case "bool": type = .bool
        case "reference": type = .reference
        case "currency": type = .currency
        case "list": type = .list
        case "enum":
            if let v = keys["values"] {
                let values = stringList(v, what: "values")
                if values.isEmpty { problem(v, "field '\(name)': an enum needs at least one value") }
                type = .enumeration(values)
            } else {
                problem(typeNode, "field '\(name)': an enum needs `values: [a, b, …]`")
                type = .enumeration([])
            }
        default:
            problem(typeNode, "field '\(name)': unknown type '\(typeName)'",
                    suggestion: Suggestion.closest(to: typeName, among: FieldType.names).map { "did you mean '\($0)'?" }
                        ?? "one of: " + FieldType.names.joined(separator: ", "))
            return nil
        }
        if keys["values"] != nil, typeName != "enum" {
            problem(keys["values"], "field '\(name)': `values` only applies to `type: enum`")
        }
        var required = false
        if let r = keys["required"] {
            if let b = r.bool { required = b } else { problem(r, "required must be true or false") }
        }
        var items: [FieldDefinition] = []
        if case .list = type {
            if let itemsNode = keys["items"], case .sequence(let seq) = itemsNode {
                for item in seq { if let f = field(item, isItem: true) { items.append(f) } }
            } else {
                problem(keys["items"] ?? typeNode, "field '\(name)': a list needs `items:` (the fields of each row)")
            }
            if isItem { problem(typeNode, "field '\(name)': lists inside list items are not supported") }
        } else if keys["items"] != nil {
            problem(keys["items"], "field '\(name)': `items` only applies to `type: list`")
        }
        var checkDefault: Decimal?
        if let d = keys["default"] {
            if typeName == "number" || typeName == "money",
               let text = scalar(d), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
                checkDefault = value
            } else {
                problem(d, "field '\(name)': `default` is a number, and only for `type: number` or `type: money`")
            }
        }
        let currencyField = keys["currency_field"].flatMap(scalar)
        if currencyField != nil, typeName != "money" {
            problem(keys["currency_field"], "field '\(name)': `currency_field` only applies to `type: money`")
        }
        var extractors: [FieldExtractor] = []
        if let e = keys["extract"] {
            if case .sequence(let seq) = e {
                for item in seq { if let x = extractor(item, field: name, type: type) { extractors.append(x) } }
            } else {
                problem(e, "field '\(name)': extract must be a list (`- labels: [...]`, `- pattern: '...'`, `- recogniser: true`)")
            }
        }
        var checks: [FieldCheck] = []
        if let c = keys["checks"] {
            if case .sequence(let seq) = c {
                for item in seq { checks += fieldChecks(item, field: name) }
            } else {
                problem(c, "field '\(name)': checks must be a list (`- pattern: '...'`, `- min: 0`, `- checksum: iban`)")
            }
        }
        return FieldDefinition(name: name, type: type, required: required, items: items,
                               description: keys["description"].flatMap(scalar) ?? "", currencyField: currencyField,
                               extractors: extractors, checks: checks, checkDefault: checkDefault, place: place(nameNode))
    }

    package mutating func source(_ node: Node?) -> ExtractionSource {
        guard let node else { return .anywhere }
        let text = scalar(node) ?? ""
        switch text {
        case "anywhere", "": return .anywhere
        case "subject": return .subject
        case "body": return .body
        case "attachments": return .attachments
        case "sender": return .senderAddress
        case "sender_name": return .senderName
        default:
            if text.hasPrefix("header:") {
                return .header(String(text.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            }
            let known = ["anywhere", "subject", "body", "attachments", "sender", "sender_name", "header:<Name>"]
            problem(node, "unknown source '\(text)'",
                    suggestion: Suggestion.closest(to: text, among: known).map { "did you mean '\($0)'?" }
                        ?? "one of: " + known.joined(separator: ", "))
            return .anywhere
        }
    }

    package mutating func extractor(_ node: Node, field: String, type: FieldType) -> FieldExtractor? {
        guard case .mapping(let m) = node else {
            problem(node, "field '\(field)': an extractor is a mapping such as `- labels: [\"Invoice No.\"]`")
            return nil
        }
        let keys = mapping(m, allowed: ["labels", "label", "pattern", "recogniser", "keywords", "party", "rows", "line_items", "sum_of", "value", "from"])
        let from = source(keys["from"])
        if let l = keys["labels"] ?? keys["label"] {
            let labels = stringList(l, what: "labels")
            return labels.isEmpty ? nil : .labels(labels, pattern: FieldExtraction.labelPattern(labels, overlapping: true), source: from)
        }
        if let p = keys["pattern"] {
            guard let pattern = compile(p) else { return nil }
            return .pattern(pattern, source: from)
        }
        if let r = keys["recogniser"] {
            if r.bool == false { return nil }
            if r.bool == nil, let name = r.string {
                let names = OrganisationRecogniser.Subject.allCases.map(\.rawValue)
                guard let subject = OrganisationRecogniser.Subject(rawValue: name) else {
                    problem(r, "field '\(field)': unknown recogniser '\(name)'",
                            suggestion: Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }
                                ?? "`true` (the field type's own) or one of: " + names.joined(separator: ", "))
                    return nil
                }
                guard case .text = type else {
                    problem(r, "field '\(field)': the recogniser '\(name)' finds a company name, so the field must be `type: text`")
                    return nil
                }
                let parties = OrganisationRecogniser.Party.allCases.map(\.rawValue)
                if !subject.needsParty { return .organisation(.init(subject: subject, party: .buyer)) }
                guard let partyNode = keys["party"], let partyName = partyNode.string else {
                    problem(r, "field '\(field)': the recogniser '\(name)' needs `party: buyer` or `party: seller` (which labels name the company)")
                    return nil
                }
                guard let party = OrganisationRecogniser.Party(rawValue: partyName) else {
                    problem(partyNode, "field '\(field)': unknown party '\(partyName)'",
                            suggestion: Suggestion.closest(to: partyName, among: parties).map { "did you mean '\($0)'?" } ?? "buyer or seller")
                    return nil
                }
                return .organisation(.init(subject: subject, party: party))
            }
            if case .list = type { problem(r, "field '\(field)': lists are found with `rows:`, not a recogniser"); return nil }
            return .recogniser(source: from)
        }
        if let k = keys["keywords"] {
            guard case .enumeration(let values) = type else {
                problem(k, "field '\(field)': keywords only apply to `type: enum`")
                return nil
            }
            guard case .mapping(let km) = k else {
                problem(k, "keywords map each enum value to its words: `approve: [approved, genehmigt, 同意]`")
                return nil
            }
            var list: [(value: String, words: [String], patterns: [TextPattern])] = []
            for (valueNode, wordsNode) in km {
                let value = valueNode.string ?? ""
                if !values.contains(value) {
                    problem(valueNode, "'\(value)' is not one of the values of '\(field)'",
                            suggestion: Suggestion.closest(to: value, among: values).map { "did you mean '\($0)'?" }
                                ?? "values: " + values.joined(separator: ", "))
                }
                let words = stringList(wordsNode, what: "keywords")
                list.append((value, words, words.compactMap(FieldExtraction.keywordPattern)))
            }
            return .keywords(list, source: from)
        }
        if let r = keys["rows"] {
            guard case .list = type else {
                problem(r, "field '\(field)': rows only apply to `type: list`")
                return nil
            }
            guard let pattern = compile(r) else { return nil }
            if pattern.groupNames.isEmpty {
                problem(r, "field '\(field)': a rows pattern needs named groups for the item fields, e.g. (?<quantity>\\d+)")
            }
            return .rows(pattern, source: from)
        }
        if let l = keys["line_items"] {
            guard case .list = type else {
                problem(l, "field '\(field)': line_items only apply to `type: list`")
                return nil
            }
            if l.bool == false { return nil }
            return .lineItems(source: from)
        }
        if let l = keys["sum_of"] {
            guard case .money = type else {
                problem(l, "field '\(field)': sum_of only applies to `type: money` (the total of a list's lines)")
                return nil
            }
            guard let list = l.string, !list.isEmpty else {
                problem(l, "field '\(field)': sum_of names the list field whose lines add up, e.g. `sum_of: lines`")
                return nil
            }
            return .sumOf(list)
        }
        if let v = keys["value"], let s = scalar(v) {
            return .constant(s)
        }
        problem(node, "field '\(field)': an extractor needs one of labels, pattern, recogniser, keywords, rows, line_items, sum_of or value")
        return nil
    }

    package mutating func fieldChecks(_ node: Node, field: String) -> [FieldCheck] {
        guard case .mapping(let m) = node else {
            problem(node, "field '\(field)': a check is a mapping such as `- pattern: '^RE-'` or `- min: 0`")
            return []
        }
        let keys = mapping(m, allowed: ["pattern", "min", "max", "checksum"])
        var out: [FieldCheck] = []
        if let p = keys["pattern"], let pattern = compile(p) { out.append(.pattern(pattern)) }
        if keys["min"] != nil || keys["max"] != nil {
            func decimal(_ n: Node?) -> Decimal? {
                guard let n else { return nil }
                guard let s = scalar(n), let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else {
                    problem(n, "must be a number")
                    return nil
                }
                return d
            }
            out.append(.range(min: decimal(keys["min"]), max: decimal(keys["max"])))
        }
        if let c = keys["checksum"] {
            let name = scalar(c) ?? ""
            if let sum = FieldCheck.Checksum(rawValue: name) {
                out.append(.checksum(sum))
            } else {
                problem(c, "unknown checksum '\(name)'", suggestion: "one of: iban, vat, luhn")
            }
        }
        return out
    }

    package mutating func kindCheck(_ node: Node, fields: [FieldDefinition]) -> KindCheck? {
        var expressionNode: Node = node
        var tolerance = Decimal(string: "0.01")!
        var message: String?
        if case .mapping(let m) = node {
            let keys = mapping(m, allowed: ["expression", "tolerance", "message"])
            guard let e = keys["expression"] else {
                problem(node, "a check needs `expression:`, e.g. `net_total + tax_total == gross_total`")
                return nil
            }
            expressionNode = e
            if let t = keys["tolerance"] {
                if let s = scalar(t), let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")), d >= 0 {
                    tolerance = d
                } else {
                    problem(t, "tolerance must be a number such as 0.01")
                }
            }
            message = keys["message"].flatMap(scalar)
        }
        guard let text = scalar(expressionNode) else {
            problem(expressionNode, "a check's expression must be text")
            return nil
        }
        let expression: CheckExpression
        do {
            expression = try CheckExpression.parse(text)
        } catch {
            var column = expressionNode.mark?.column
            if let c = column, case .scalar(let s) = expressionNode, s.style == .plain { column = c + error.offset }
            problems.append(RuleFileProblem(file: file, line: expressionNode.mark?.line, column: column,
                                            message: "cannot read the check '\(text)': \(error.message)"))
            return nil
        }
        let names = fields.map(\.name)
        for name in expression.fieldNames where !names.contains(name) {
            problem(expressionNode, "the check '\(text)' reads '\(name)', which is not a field of this kind",
                    suggestion: Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" })
        }
        for (list, item) in expression.itemReferences {
            guard let f = fields.first(where: { $0.name == list }) else { continue }
            guard case .list = f.type else {
                problem(expressionNode, "the check '\(text)' sums '\(list)', which is not a list")
                continue
            }
            if !f.items.contains(where: { $0.name == item }) {
                problem(expressionNode, "the check '\(text)' reads '\(list).\(item)', but '\(list)' has no item field '\(item)'",
                        suggestion: Suggestion.closest(to: item, among: f.items.map(\.name)).map { "did you mean '\($0)'?" })
            }
        }
        return KindCheck(expression: expression, source: text, tolerance: tolerance, message: message, place: place(expressionNode))
    }

    // MARK: Matchers

    package mutating func matcher(_ node: Node, index: Int, fields: [FieldDefinition]) -> KindMatcher? {
        guard case .mapping(let m) = node else {
            problem(node, "a matcher is a mapping with `name:` and `when:`")
            return nil
        }
        let keys = mapping(m, allowed: ["name", "when", "unless", "confidence", "set"])
        let name = keys["name"].flatMap(scalar) ?? "matcher \(index + 1)"
        guard let whenNode = keys["when"] else {
            problem(node, "matcher '\(name)': the key 'when' is missing",
                    suggestion: "add `when: [{header: List-Id}]` or similar")
            return nil
        }
        let when = conditions(whenNode, matcher: name)
        let unless = keys["unless"].map { conditions($0, matcher: name) } ?? []
        var confidence = 0.99
        if let c = keys["confidence"] {
            if let d = c.float, d > 0, d <= 1 { confidence = d } else { problem(c, "confidence must be a number above 0 and at most 1") }
        }
        var set: [String: String] = [:]
        if let s = keys["set"] {
            if case .mapping(let sm) = s {
                for (k, v) in sm {
                    let fieldName = k.string ?? ""
                    guard let f = fields.first(where: { $0.name == fieldName }) else {
                        problem(k, "matcher '\(name)' sets '\(fieldName)', which is not a field of this kind",
                                suggestion: Suggestion.closest(to: fieldName, among: fields.map(\.name)).map { "did you mean '\($0)'?" })
                        continue
                    }
                    let value = scalar(v) ?? ""
                    if case .enumeration(let values) = f.type, !values.contains(value) {
                        problem(v, "'\(value)' is not one of the values of '\(fieldName)'",
                                suggestion: Suggestion.closest(to: value, among: values).map { "did you mean '\($0)'?" }
                                    ?? "values: " + values.joined(separator: ", "))
                    }
                    set[fieldName] = value
                }
            } else {
                problem(s, "set must map field names to values")
            }
        }
        if when.isEmpty { return nil }
        return KindMatcher(name: name, when: when, unless: unless, confidence: confidence, set: set, place: place(node))
    }

    package mutating func conditions(_ node: Node, matcher: String) -> [MatchCondition] {
        switch node {
        case .sequence(let seq): return seq.compactMap { condition($0, matcher: matcher) }
        case .mapping: return condition(node, matcher: matcher).map { [$0] } ?? []
        default:
            problem(node, "matcher '\(matcher)': conditions are mappings such as `{header: List-Id}` or `{subject: '^RFQ'}`")
            return []
        }
    }

    package mutating func condition(_ node: Node, matcher: String) -> MatchCondition? {
        guard case .mapping(let m) = node else {
            problem(node, "matcher '\(matcher)': a condition is a mapping such as `{header: List-Id}`")
            return nil
        }
        let keys = mapping(m, allowed: ["header", "present", "equals", "matches", "sender", "domain", "subject", "body", "attachment"])
        let at = place(node)
        if let h = keys["header"] {
            guard let name = scalar(h), !name.isEmpty else { problem(h, "header needs a header name"); return nil }
            if let e = keys["equals"] { return MatchCondition(subject: .header(name), test: .equals(stringList(e, what: "equals")), place: at) }
            if let p = keys["matches"] {
                guard let pattern = compile(p, caseInsensitive: true) else { return nil }
                return MatchCondition(subject: .header(name), test: .matches(pattern), place: at)
            }
            if let pr = keys["present"], pr.bool == false { return MatchCondition(subject: .header(name), test: .absent, place: at) }
            return MatchCondition(subject: .header(name), test: .present, place: at)
        }
        if let d = keys["domain"] {
            return MatchCondition(subject: .senderDomain, test: .equals(stringList(d, what: "domain")), place: at)
        }
        let regexKeys: [(String, MatchCondition.Subject)] = [("sender", .sender), ("subject", .subject), ("body", .body),
                                                              ("attachment", .attachment)]
        for (key, subject) in regexKeys {
            if let p = keys[key] {
                guard let pattern = compile(p, caseInsensitive: true) else { return nil }
                return MatchCondition(subject: subject, test: .matches(pattern), place: at)
            }
        }
        problem(node, "matcher '\(matcher)': a condition needs one of header, sender, domain, subject, body, attachment")
        return nil
    }
}
