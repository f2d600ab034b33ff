import Foundation

/// A parsed condition or template expression of the rule language (see rules/README.md for the language
/// as a rule author reads it). Positions are character offsets into the expression text, so an error can
/// be reported at file:line:column.
public struct Expression: Sendable, Hashable {
    public indirect enum Node: Sendable, Hashable {
        case literal(RuleValue)
        /// A top-level name: `message`, `kind`, `fields`, …, or a lambda's parameter.
        case name(String)
        case member(Expression, String)
        case index(Expression, Expression)
        case list([Expression])
        case not(Expression)
        case negate(Expression)
        case binary(BinaryOperator, Expression, Expression)
        case call(String, [Expression])
        /// `item => item.quantity > 10`, only as an argument of `any`, `all`, `count`, `filter`, `map`.
        case lambda(String, Expression)
    }

    public enum BinaryOperator: String, Sendable, Hashable {
        case or, and
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case `in`, notIn = "not in", contains, matches
        case plus = "+", minus = "-", times = "*", divide = "/"
    }

    public var node: Node
    /// Character offset of the expression's first character in the source text.
    public var offset: Int

    public init(_ node: Node, at offset: Int) {
        self.node = node
        self.offset = offset
    }
}

/// A mistake in an expression, at a character offset of the expression text.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var suggestion: String?

    public init(offset: Int, message: String, suggestion: String? = nil) {
        self.offset = offset
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        "column \(offset + 1): \(message)" + (suggestion.map { "; \($0)" } ?? "")
    }
}

// MARK: - Tokens

package struct ExpressionToken: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case number(Decimal)
        case string(String)
        case identifier(String)
        case symbol(String)  // == != < <= > >= + - * / ( ) [ ] , . =>
        case end
    }
    package var kind: Kind
    package var offset: Int
    package var length: Int
}

/// Splits an expression into tokens. Numbers may carry a duration unit (`30m`, `2h`, `7d`, `1w`, `45s`) and
/// then mean that many seconds.
package struct ExpressionLexer {
    package static let maximumLength = 4000

    package static func tokens(_ text: String) throws(ExpressionError) -> [ExpressionToken] {
        let chars = Array(text)
        guard chars.count <= maximumLength else {
            throw ExpressionError(offset: 0, message: "the expression is \(chars.count) characters long; at most \(maximumLength) are allowed",
                                  suggestion: "split it into several rules")
        }
        var tokens: [ExpressionToken] = []
        var i = 0
        func isIdentStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
        func isIdentPart(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isASCII, c.isNumber {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                if j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCII, chars[j + 1].isNumber {
                    j += 1
                    while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                }
                var value = Decimal(string: String(chars[i..<j]), locale: Locale(identifier: "en_US_POSIX")) ?? 0
                if j < chars.count, chars[j].isLetter {
                    var k = j
                    while k < chars.count, isIdentPart(chars[k]) { k += 1 }
                    let unit = String(chars[j..<k])
                    let seconds: Decimal
                    switch unit {
                    case "s": seconds = 1
                    case "m", "min": seconds = 60
                    case "h": seconds = 3600
                    case "d": seconds = 86400
                    case "w": seconds = 604_800
                    default:
                        throw ExpressionError(offset: j, message: "'\(String(chars[i..<k]))' is not a number or a duration",
                                              suggestion: "durations are written 45s, 30m, 2h, 7d or 1w")
                    }
                    value *= seconds
                    j = k
                }
                tokens.append(ExpressionToken(kind: .number(value), offset: start, length: j - start))
                i = j
                continue
            }
            if c == "\"" || c == "'" {
                var j = i + 1
                var out = ""
                var closed = false
                while j < chars.count {
                    let d = chars[j]
                    if d == c { closed = true; j += 1; break }
                    if d == "\\", j + 1 < chars.count {
                        let e = chars[j + 1]
                        switch e {
                        case "n": out.append("\n")
                        case "t": out.append("\t")
                        case "\\": out.append("\\")
                        case "\"": out.append("\"")
                        case "'": out.append("'")
                        default: out.append("\\"); out.append(e)  // kept for regular expressions: \d, \s, \.
                        }
                        j += 2
                        continue
                    }
                    out.append(d)
                    j += 1
                }
                guard closed else {
                    throw ExpressionError(offset: start, message: "this text is not closed", suggestion: "add the closing \(c)")
                }
                tokens.append(ExpressionToken(kind: .string(out), offset: start, length: j - start))
                i = j
                continue
            }
            if isIdentStart(c) {
                var j = i
                while j < chars.count, isIdentPart(chars[j]) { j += 1 }
                tokens.append(ExpressionToken(kind: .identifier(String(chars[i..<j])), offset: start, length: j - start))
                i = j
                continue
            }
            let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
            if ["==", "!=", "<=", ">=", "=>"].contains(two) {
                tokens.append(ExpressionToken(kind: .symbol(two), offset: start, length: 2))
                i += 2
                continue
            }
            switch two {
            case "&&": throw ExpressionError(offset: start, message: "'&&' is not part of the rule language", suggestion: "write `and`")
            case "||": throw ExpressionError(offset: start, message: "'||' is not part of the rule language", suggestion: "write `or`")
            case "{{": throw ExpressionError(offset: start, message: "'{{' belongs in action parameters, not in a condition", suggestion: "write the expression without braces")
            default: break
            }
            if "<>+-*/()[],.".contains(c) {
                tokens.append(ExpressionToken(kind: .symbol(String(c)), offset: start, length: 1))
                i += 1
                continue
            }
            if c == "=" {
                throw ExpressionError(offset: start, message: "'=' alone is not a comparison", suggestion: "write `==` to compare")
            }
            if c == "!" {
                throw ExpressionError(offset: start, message: "'!' is not part of the rule language", suggestion: "write `not`")
            }
            throw ExpressionError(offset: start, message: "unexpected character '\(c)'")
        }
        tokens.append(ExpressionToken(kind: .end, offset: chars.count, length: 0))
        return tokens
    }
}

// MARK: - Parser

/// A Pratt parser: precedence from loosest to tightest is `or`, `and`, `not`, comparisons (`== != < <= > >=
/// in`, `not in`, `contains`, `matches`; they do not chain), `+ -`, `* /`, unary `-`, then member access,
/// indexing and calls.
public enum ExpressionParser {
    package static let maximumDepth = 64

    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var state = ParserState(tokens: try ExpressionLexer.tokens(text))
        if case .end = state.peek.kind {
            throw ExpressionError(offset: 0, message: "the expression is empty")
        }
        let expression = try state.expression(0)
        if case .end = state.peek.kind { return expression }
        throw state.unexpected(expecting: "an operator such as `and`, `or` or `==`")
    }
}

private struct ParserState {
    var tokens: [ExpressionToken]
    var position = 0
    var depth = 0

    init(tokens: [ExpressionToken]) { self.tokens = tokens }

    var peek: ExpressionToken { tokens[position] }

    mutating func advance() -> ExpressionToken {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func isSymbol(_ s: String) -> Bool {
        if case .symbol(let v) = peek.kind { return v == s }
        return false
    }

    func isWord(_ w: String, at offset: Int = 0) -> Bool {
        guard position + offset < tokens.count else { return false }
        if case .identifier(let v) = tokens[position + offset].kind { return v == w }
        return false
    }

    func unexpected(expecting what: String) -> ExpressionError {
        let t = peek
        switch t.kind {
        case .end: return ExpressionError(offset: t.offset, message: "the expression ends here, but \(what) is missing")
        case .number: return ExpressionError(offset: t.offset, message: "unexpected number; expected \(what)")
        case .string: return ExpressionError(offset: t.offset, message: "unexpected text; expected \(what)")
        case .identifier(let w): return ExpressionError(offset: t.offset, message: "unexpected '\(w)'; expected \(what)")
        case .symbol(let s): return ExpressionError(offset: t.offset, message: "unexpected '\(s)'; expected \(what)")
        }
    }

    mutating func expect(_ symbol: String, _ what: String) throws(ExpressionError) {
        guard isSymbol(symbol) else { throw unexpected(expecting: what) }
        _ = advance()
    }

    /// Binding powers: or 1, and 2, not 3 (prefix), comparison 4, + - 5, * / 6, unary - 7, postfix 8.
    mutating func infixPower() -> (Expression.BinaryOperator, Int, Int)? {
        switch peek.kind {
        case .identifier("or"): return (.or, 1, 1)
        case .identifier("and"): return (.and, 2, 1)
        case .identifier("in"): return (.in, 4, 1)
        case .identifier("not") where isWord("in", at: 1): return (.notIn, 4, 2)
        case .identifier("contains"): return (.contains, 4, 1)
        case .identifier("matches"): return (.matches, 4, 1)
        case .symbol("=="): return (.equal, 4, 1)
        case .symbol("!="): return (.notEqual, 4, 1)
        case .symbol("<"): return (.less, 4, 1)
        case .symbol("<="): return (.lessOrEqual, 4, 1)
        case .symbol(">"): return (.greater, 4, 1)
        case .symbol(">="): return (.greaterOrEqual, 4, 1)
        case .symbol("+"): return (.plus, 5, 1)
        case .symbol("-"): return (.minus, 5, 1)
        case .symbol("*"): return (.times, 6, 1)
        case .symbol("/"): return (.divide, 6, 1)
        default: return nil
        }
    }

    mutating func expression(_ minPower: Int) throws(ExpressionError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= ExpressionParser.maximumDepth else {
            throw ExpressionError(offset: peek.offset, message: "the expression is nested too deeply",
                                  suggestion: "split it into simpler parts")
        }
        var left = try prefix()
        var lastComparison: Int?
        while let (op, power, tokenCount) = infixPower(), power > minPower {
            let opToken = peek
            if power == 4 {
                if lastComparison != nil {
                    throw ExpressionError(offset: opToken.offset, message: "comparisons cannot be chained",
                                          suggestion: "join them with `and`, e.g. `a < b and b < c`")
                }
                lastComparison = opToken.offset
            }
            for _ in 0..<tokenCount { _ = advance() }
            let right = try expression(power)
            left = Expression(.binary(op, left, right), at: opToken.offset)
        }
        return left
    }

    mutating func prefix() throws(ExpressionError) -> Expression {
        let t = peek
        switch t.kind {
        case .identifier("not"):
            _ = advance()
            let operand = try expression(3)
            return Expression(.not(operand), at: t.offset)
        case .symbol("-"):
            _ = advance()
            let operand = try expression(6)
            return Expression(.negate(operand), at: t.offset)
        default:
            return try postfix(primary())
        }
    }

    mutating func primary() throws(ExpressionError) -> Expression {
        let t = peek
        switch t.kind {
        case .number(let d):
            _ = advance()
            return Expression(.literal(.number(d)), at: t.offset)
        case .string(let s):
            _ = advance()
            return Expression(.literal(.string(s)), at: t.offset)
        case .identifier(let word):
            switch word {
            case "true": _ = advance(); return Expression(.literal(.bool(true)), at: t.offset)
            case "false": _ = advance(); return Expression(.literal(.bool(false)), at: t.offset)
            case "null": _ = advance(); return Expression(.literal(.null), at: t.offset)
            case "and", "or", "in", "contains", "matches":
                throw ExpressionError(offset: t.offset, message: "'\(word)' needs a value on its left")
            default: break
            }
            _ = advance()
            if isSymbol("(") {
                _ = advance()
                var arguments: [Expression] = []
                if !isSymbol(")") {
                    while true {
                        arguments.append(try argument())
                        if isSymbol(",") { _ = advance(); continue }
                        break
                    }
                }
                try expect(")", "')' to close the call of \(word)")
                return Expression(.call(word, arguments), at: t.offset)
            }
            return Expression(.name(word), at: t.offset)
        case .symbol("("):
            _ = advance()
            let inner = try expression(0)
            try expect(")", "')'")
            return inner
        case .symbol("["):
            _ = advance()
            var items: [Expression] = []
            if !isSymbol("]") {
                while true {
                    items.append(try expression(0))
                    if isSymbol(",") { _ = advance(); continue }
                    break
                }
            }
            try expect("]", "']' to close the list")
            return Expression(.list(items), at: t.offset)
        default:
            throw unexpected(expecting: "a value (a name, a number, a text in quotes, true, false, null or a list)")
        }
    }

    /// A call argument: an expression, or a lambda `name => expression`.
    mutating func argument() throws(ExpressionError) -> Expression {
        if case .identifier(let name) = peek.kind, position + 1 < tokens.count,
           case .symbol("=>") = tokens[position + 1].kind {
            let t = advance()
            _ = advance()
            let body = try expression(0)
            return Expression(.lambda(name, body), at: t.offset)
        }
        return try expression(0)
    }

    mutating func postfix(_ base: Expression) throws(ExpressionError) -> Expression {
        var e = base
        while true {
            if isSymbol(".") {
                _ = advance()
                guard case .identifier(let name) = peek.kind else {
                    throw unexpected(expecting: "a name after '.'")
                }
                let t = advance()
                e = Expression(.member(e, name), at: t.offset)
            } else if isSymbol("[") {
                let t = advance()
                let index = try expression(0)
                try expect("]", "']' to close the index")
                e = Expression(.index(e, index), at: t.offset)
            } else {
                return e
            }
        }
    }
}
