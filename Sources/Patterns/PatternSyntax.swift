/// Turns a pattern as rule authors write it (ICU/Perl style, as `NSRegularExpression` read them) into RE2's
/// syntax, keeping its meaning where RE2 can and refusing, with advice, where it cannot.
///
/// - `(?<name>…)` becomes `(?P<name>…)` (RE2 2022-06 knows only the latter); names may contain `_`, and a name
///   may be given in two alternatives (`(?:(?<q>\d+) pcs|(?<q>\d+)x)`): the match reports the one that took part.
/// - `\uFFFF` / `\UFFFFFFFF` become `\x{…}`.
/// - `\d`, `\s`, `\w`, `\h` keep ICU's Unicode meaning (RE2's are ASCII): `\d` is `\p{Nd}`, `\s` includes the
///   no-break and other Unicode spaces, `\w` is letters, marks, digits and connectors. `\b` stays RE2's (ASCII).
/// - `.` does not match line ends (`\r`, U+2028 …), as in ICU, unless `(?s)` is given.
/// - Refused: lookahead and lookbehind, backreferences, atomic groups, possessive quantifiers, `(?x)`,
///   comments, nested character classes and set operations (`[a[b]]`, `&&`), `\G`, `\Z`, `\R`, `\X`.
enum PatternSyntax {
    struct Translated {
        var pattern: String
        var groupNames: [String]
        /// The pattern was wrapped so that group 1 is the match (edge lookaround became consumed characters).
        var matchIsGroup: Bool
        /// A leading lookbehind became a consumed character before the match.
        var consumedPrefix: Bool
    }

    static let unicodeSpace = #"\s\x{0B}\x{85}\p{Z}"#
    static let unicodeWord = #"\p{L}\p{M}\p{Nd}\p{Pc}"#
    static let notLineEnd = #"[^\n\x{0B}\f\r\x{85}\x{2028}\x{2029}]"#

    static func translate(_ source: String, edgeLookaround: Bool) throws(PatternProblem) -> Translated {
        let s = Array(source.unicodeScalars)
        var state = State()
        if edgeLookaround, let edges = try splitEdges(s) {
            var out = try state.translate(s, edges.flags)
            if let behind = edges.behind {
                if behind.negative {
                    out += #"(?:\A|"# + (try state.translate(try complement(s, behind.content), 0..<0, whole: true)) + ")"
                } else {
                    out += "(?:" + (try state.translate(s, behind.content)) + ")"
                }
            }
            out += "(" + (try state.translate(s, edges.body)) + ")"
            if let ahead = edges.ahead {
                if ahead.negative {
                    out += "(?:" + (try state.translate(try complement(s, ahead.content), 0..<0, whole: true)) + #"|\z)"#
                } else {
                    out += "(?:" + (try state.translate(s, ahead.content)) + ")"
                }
            }
            return Translated(pattern: out, groupNames: state.names, matchIsGroup: true, consumedPrefix: edges.behind != nil)
        }
        let out = try state.translate(s, 0..<s.count)
        return Translated(pattern: out, groupNames: state.names, matchIsGroup: false, consumedPrefix: false)
    }

    /// RE2's compile error, said for a rule author.
    static func explain(_ message: String) -> String {
        if message.contains("pattern too large") {
            return "the pattern is too large for the matcher's memory budget (\(TextPattern.memoryBudget >> 20) MB): use smaller repetition counts or fewer alternatives"
        }
        if message.contains("invalid repetition size") {
            return "a repetition count is above 1000 ({n,m} allows at most 1000): use + or * instead"
        }
        if message.contains("bad repetition operator") {
            return "\(message): possessive quantifiers (*+ ++ ?+) are not supported; write * + ? — matching never backtracks, so they are not needed"
        }
        return message
    }

    /// The named groups of an ICU pattern and their group numbers, in order of appearance.
    static func groupNumbers(_ source: String) -> [(name: String, number: Int)] {
        let s = Array(source.unicodeScalars)
        var out: [(name: String, number: Int)] = []
        var number = 0
        var i = 0
        var inClass = false
        while i < s.count {
            let c = s[i]
            if c == "\\" { i += 2; continue }
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            if c == "[" {
                inClass = true
                i += 1
                if i < s.count, s[i] == "^" { i += 1 }
                if i < s.count, s[i] == "]" { i += 1 }
                continue
            }
            if c == "(" {
                let a: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
                let b: Unicode.Scalar? = i + 2 < s.count ? s[i + 2] : nil
                let d: Unicode.Scalar? = i + 3 < s.count ? s[i + 3] : nil
                if a != "?" {
                    number += 1
                } else if (b == "<" && d != "=" && d != "!") || (b == "P" && d == "<") {
                    number += 1
                    var j = b == "<" ? i + 3 : i + 4
                    let start = j
                    while j < s.count, s[j] != ">" { j += 1 }
                    out.append((String(String.UnicodeScalarView(s[start..<min(j, s.count)])), number))
                }
            }
            i += 1
        }
        return out
    }

    // MARK: - Edge lookaround (patterns written in Swift source)

    struct Edges {
        var flags: Range<Int>
        var behind: (negative: Bool, content: Range<Int>)?
        var body: Range<Int>
        var ahead: (negative: Bool, content: Range<Int>)?
    }

    /// `(?flags)…(?<!C)body(?!D)` split into its parts, when it has an edge lookaround and no top-level `|`.
    static func splitEdges(_ s: [Unicode.Scalar]) throws(PatternProblem) -> Edges? {
        let shape = try structure(s)
        if !shape.topLevelBars.isEmpty { return nil }
        var i = 0
        // Leading inline flags: (?i) (?im) …
        while i + 2 < s.count, s[i] == "(", s[i + 1] == "?", let close = shape.closeOf[i],
              (i + 2..<close).allSatisfy({ "imsU-".unicodeScalars.contains(s[$0]) }), close > i + 2 {
            i = close + 1
        }
        let flags = 0..<i
        var behind: (negative: Bool, content: Range<Int>)?
        var bodyStart = i
        if i + 3 < s.count, s[i] == "(", s[i + 1] == "?", s[i + 2] == "<", s[i + 3] == "!" || s[i + 3] == "=",
           let close = shape.closeOf[i] {
            behind = (s[i + 3] == "!", i + 4..<close)
            bodyStart = close + 1
        }
        var ahead: (negative: Bool, content: Range<Int>)?
        var bodyEnd = s.count
        if let open = shape.topLevelGroups.last(where: { shape.closeOf[$0] == s.count - 1 }), open >= bodyStart,
           open + 2 < s.count, s[open + 1] == "?", s[open + 2] == "!" || s[open + 2] == "=" {
            ahead = (s[open + 2] == "!", open + 3..<(s.count - 1))
            bodyEnd = open
        }
        if behind == nil && ahead == nil { return nil }
        return Edges(flags: flags, behind: behind, body: bodyStart..<bodyEnd, ahead: ahead)
    }

    /// The character class matching what a one-character class, escape or literal does not.
    static func complement(_ s: [Unicode.Scalar], _ r: Range<Int>) throws(PatternProblem) -> [Unicode.Scalar] {
        let c = Array(s[r])
        let refusal = PatternProblem(message: "a negative lookaround may only test one character here", offset: r.lowerBound)
        guard let first = c.first else { throw refusal }
        if first == "[" {
            guard let shape = try? structure(c), shape.classEnd == c.count - 1 else { throw refusal }
            return c.count > 1 && c[1] == "^" ? ["["] + c[2...] : ["[", "^"] + c[1...]
        }
        if first == "\\" {
            guard c.count >= 2 else { throw refusal }
            let single = c.count == 2 || ((c[1] == "p" || c[1] == "P" || c[1] == "x") && c[2] == "{" && c.last == "}"
                && !c[3..<(c.count - 1)].contains("}"))
            guard single else { throw refusal }
            return ["[", "^"] + c + ["]"]
        }
        guard c.count == 1, !"()[]{}|*+?.^$".unicodeScalars.contains(first) else { throw refusal }
        return ["[", "^"] + (first == "-" || first == "]" || first == "^" || first == "\\" ? ["\\"] : []) + c + ["]"]
    }

    struct Shape {
        var closeOf: [Int: Int] = [:]
        var topLevelBars: [Int] = []
        var topLevelGroups: [Int] = []
        /// Where the first character class closes (for `complement`).
        var classEnd: Int?
    }

    /// Group nesting, ignoring escapes and character classes.
    static func structure(_ s: [Unicode.Scalar]) throws(PatternProblem) -> Shape {
        var shape = Shape()
        var stack: [Int] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\\" {
                if i + 1 < s.count, s[i + 1] == "Q" {
                    i += 2
                    while i + 1 < s.count, !(s[i] == "\\" && s[i + 1] == "E") { i += 1 }
                }
                i += 2
                continue
            }
            if c == "[" {
                let open = i
                i += 1
                if i < s.count, s[i] == "^" { i += 1 }
                if i < s.count, s[i] == "]" { i += 1 }
                while i < s.count, s[i] != "]" {
                    if s[i] == "\\" { i += 1 } else if s[i] == "[", i + 1 < s.count, s[i + 1] == ":" {
                        while i + 1 < s.count, !(s[i] == ":" && s[i + 1] == "]") { i += 1 }
                        i += 1
                    }
                    i += 1
                }
                guard i < s.count else { throw PatternProblem(message: "a character class is not closed with ]", offset: open) }
                if shape.classEnd == nil { shape.classEnd = i }
                i += 1
                continue
            }
            if c == "(" {
                if stack.isEmpty { shape.topLevelGroups.append(i) }
                stack.append(i)
            } else if c == ")" {
                guard let open = stack.popLast() else { throw PatternProblem(message: "a ) has no matching (", offset: i) }
                shape.closeOf[open] = i
            } else if c == "|", stack.isEmpty {
                shape.topLevelBars.append(i)
            }
            i += 1
        }
        if let open = stack.last { throw PatternProblem(message: "a ( is not closed", offset: open) }
        return shape
    }

    // MARK: - The translation

    /// Joins a repeated group name to its number in the RE2 pattern (`quantity__dup2`).
    static let duplicateMark = "__dup"

    struct State {
        var names: [String] = []
        var duplicates: [String: Int] = [:]
        var dotAll = false

        mutating func translate(_ s: [Unicode.Scalar], _ range: Range<Int>) throws(PatternProblem) -> String {
            try translate(s, range, whole: false)
        }

        /// `whole`: translate all of `s` (a pattern built here), else `s[range]`.
        mutating func translate(_ s: [Unicode.Scalar], _ range: Range<Int>, whole: Bool) throws(PatternProblem) -> String {
            let r = whole ? 0..<s.count : range
            var out = String.UnicodeScalarView()
            func emit(_ text: String) { out.append(contentsOf: text.unicodeScalars) }
            func refuse(_ message: String, _ at: Int) -> PatternProblem { PatternProblem(message: message, offset: at) }
            func isHex(_ c: Unicode.Scalar) -> Bool { c.properties.isASCIIHexDigit }
            var i = r.lowerBound
            var inClass = false
            var classFirst = false
            var afterQuantifier = false
            while i < r.upperBound {
                let c = s[i]
                let next: Unicode.Scalar? = i + 1 < r.upperBound ? s[i + 1] : nil
                if c == "\\" {
                    guard let n = next else { throw refuse("the pattern ends with a lone backslash", i) }
                    afterQuantifier = false
                    classFirst = false
                    switch n {
                    case "Q":
                        var j = i + 2
                        while j + 1 < r.upperBound, !(s[j] == "\\" && s[j + 1] == "E") { j += 1 }
                        let end = min(j + 2, r.upperBound)
                        out.append(contentsOf: s[i..<end])
                        i = end
                        continue
                    case "u", "U":
                        let count = n == "u" ? 4 : 8
                        guard i + 2 + count <= r.upperBound, s[(i + 2)..<(i + 2 + count)].allSatisfy(isHex) else {
                            throw refuse("\\\(n) needs \(count) hex digits", i)
                        }
                        emit("\\x{"); out.append(contentsOf: s[(i + 2)..<(i + 2 + count)]); emit("}")
                        i += 2 + count
                        continue
                    case "p", "P":
                        var j = i + 2
                        if j < r.upperBound, s[j] == "{" {
                            while j < r.upperBound, s[j] != "}" { j += 1 }
                        }
                        j = min(j + 1, r.upperBound)
                        out.append(contentsOf: s[i..<j])
                        i = j
                        continue
                    case "d": emit(#"\p{Nd}"#)
                    case "D": emit(#"\P{Nd}"#)
                    case "s": emit(inClass ? PatternSyntax.unicodeSpace : "[" + PatternSyntax.unicodeSpace + "]")
                    case "S": emit(inClass ? #"\S"# : "[^" + PatternSyntax.unicodeSpace + "]")
                    case "w": emit(inClass ? PatternSyntax.unicodeWord : "[" + PatternSyntax.unicodeWord + "]")
                    case "W": emit(inClass ? #"\W"# : "[^" + PatternSyntax.unicodeWord + "]")
                    case "h": emit(inClass ? #"\t\p{Zs}"# : #"[\t\p{Zs}]"#)
                    case "H":
                        guard !inClass else { throw refuse("\\H inside [ ] is not supported: list what to match", i) }
                        emit(#"[^\t\p{Zs}]"#)
                    case "1", "2", "3", "4", "5", "6", "7", "8", "9", "k":
                        throw refuse("backreferences (\\\(n)) are not supported: patterns run in RE2, which matches in linear time; match the repeated text explicitly or compare the captured values in a condition", i)
                    case "G", "Z", "R", "X", "N":
                        let instead = ["Z": " — use \\z or $", "R": " — use \\r?\\n", "X": "", "G": "", "N": " — use \\x{…}"][String(n)] ?? ""
                        throw refuse("\\\(n) is not supported by the pattern engine (RE2)\(instead)", i)
                    default:
                        out.append(c); out.append(n)
                    }
                    i += 2
                    continue
                }
                if inClass {
                    if c == "]" && !classFirst {
                        inClass = false
                    } else if c == "[" {
                        guard next == ":" else {
                            throw refuse("nested character classes and set operations ([a[b]], [..&&..], [..--..]) are not supported: write one class, e.g. [\\p{L}\\d]", i)
                        }
                        var j = i + 2
                        while j + 1 < r.upperBound, !(s[j] == ":" && s[j + 1] == "]") { j += 1 }
                        let end = min(j + 2, r.upperBound)
                        out.append(contentsOf: s[i..<end])
                        i = end
                        classFirst = false
                        continue
                    } else if (c == "&" && next == "&") || (c == "-" && next == "-") {
                        throw refuse("set operations in a character class (&&, --) are not supported: write one class", i)
                    }
                    classFirst = false
                    out.append(c)
                    i += 1
                    continue
                }
                var quantifier = false
                switch c {
                case "[":
                    inClass = true
                    classFirst = true
                    out.append(c)
                    if next == "^" { out.append("^"); i += 1 }
                case "(":
                    guard next == "?" else { out.append(c); break }
                    let a: Unicode.Scalar? = i + 2 < r.upperBound ? s[i + 2] : nil
                    let b: Unicode.Scalar? = i + 3 < r.upperBound ? s[i + 3] : nil
                    if a == "<" && (b == "=" || b == "!") {
                        throw refuse("lookbehind (?<\(b!)…) is not supported: patterns run in RE2, which matches in linear time and has no lookaround; match the preceding character instead, e.g. (?:^|[^\\p{L}])(?<value>…) for (?<![\\p{L}])(?<value>…), and take the value from the named group", i)
                    }
                    if a == "=" || a == "!" {
                        throw refuse("lookahead (?\(a!)…) is not supported: patterns run in RE2, which matches in linear time and has no lookaround; match the following character instead, e.g. total(?:[^\\p{L}]|$) for total(?![\\p{L}]), and take the value from a named group", i)
                    }
                    if a == "<" || (a == "P" && b == "<") {
                        let nameStart = a == "<" ? i + 3 : i + 4
                        var j = nameStart
                        while j < r.upperBound, s[j] != ">" { j += 1 }
                        guard j < r.upperBound, j > nameStart else { throw refuse("a named group (?<name>…) has no name", i) }
                        let name = String(String.UnicodeScalarView(s[nameStart..<j]))
                        guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }),
                              !name.contains(PatternSyntax.duplicateMark) else {
                            throw refuse("a group name may contain only letters A–Z, digits and _", nameStart)
                        }
                        // The same name in two alternatives: RE2 wants distinct names, the match reports the one that took part.
                        let seen = duplicates[name, default: 0]
                        duplicates[name] = seen + 1
                        if seen == 0 { names.append(name) }
                        emit("(?P<" + name + (seen == 0 ? "" : PatternSyntax.duplicateMark + "\(seen + 1)") + ">")
                        i = j + 1
                        continue
                    }
                    if a == ">" { throw refuse("atomic groups (?>…) are not supported: write (?:…) — matching never backtracks, so they are not needed", i) }
                    if a == "#" { throw refuse("comments (?#…) are not supported in patterns", i) }
                    if a == "P" { throw refuse("(?P=name) and (?P>name) are not supported", i) }
                    // Inline flags: (?i) (?m-s:…)
                    var j = i + 2
                    var negated = false
                    while j < r.upperBound, s[j] != ")", s[j] != ":" {
                        switch s[j] {
                        case "-": negated = true
                        case "s": if !negated { dotAll = true }
                        case "i", "m", "U": break
                        case "x": throw refuse("the x flag (free spacing) is not supported: write the pattern without spaces and comments", j)
                        default: throw refuse("unknown inline flag '\(s[j])': the flags are i, m, s, U", j)
                        }
                        j += 1
                    }
                    out.append(contentsOf: s[i..<min(j + 1, r.upperBound)])
                    i = j + 1
                    continue
                case ".":
                    emit(dotAll ? "." : PatternSyntax.notLineEnd)
                case "*", "+", "?":
                    if afterQuantifier && c == "+" {
                        throw refuse("possessive quantifiers (*+ ++ ?+ {n}+) are not supported: write * + ? {n} — matching never backtracks, so they are not needed", i)
                    }
                    out.append(c)
                    quantifier = !(afterQuantifier && c == "?")  // a lazy ? ends the quantifier
                case "{":
                    var j = i + 1
                    while j < r.upperBound, ("0"..."9").contains(s[j]) || s[j] == "," { j += 1 }
                    if j < r.upperBound, s[j] == "}", j > i + 1 {
                        out.append(contentsOf: s[i...j])
                        i = j + 1
                        afterQuantifier = true
                        continue
                    }
                    out.append(c)
                default:
                    out.append(c)
                }
                afterQuantifier = quantifier
                i += 1
            }
            return String(out)
        }
    }
}
