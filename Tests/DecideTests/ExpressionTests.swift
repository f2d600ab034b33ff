import Foundation
import Testing
@testable import Decide

@Suite struct ExpressionTests {
    static let received = Date(timeIntervalSince1970: 1_790_000_000)

    static let scope = EvaluationScope(names: [
        "kind": .string("invoice"),
        "confidence": .number(Decimal(string: "0.92")!),
        "sender": .string("anna@acme.example"),
        "subject": .string("Invoice 2026-118 for PO-4711"),
        "fields": .object([
            "gross_total": .number(Decimal(string: "1190.00")!),
            "net_total": .number(1000), "tax_total": .number(190),
            "currency": .string("EUR"),
            "lines": .list([
                .object(["description": .string("Widget"), "quantity": .number(10), "line_total": .number(600)]),
                .object(["description": .string("Gadget"), "quantity": .number(4), "line_total": .number(400)]),
            ]),
        ]),
        "message": .object([
            "subject": .string("Invoice 2026-118 for PO-4711"),
            "headers": .object(["x-priority": .string("1")]),
            "attachments": .list([.object(["filename": .string("invoice.pdf"), "size": .number(2048)])]),
        ]),
    ], now: received.addingTimeInterval(3 * 86400 + 5), receivedAt: received)

    func eval(_ text: String) throws -> RuleValue {
        try ExpressionEvaluator().evaluate(try ExpressionParser.parse(text), in: Self.scope)
    }

    func error(_ text: String) -> ExpressionError? {
        do {
            _ = try eval(text)
            return nil
        } catch let e as ExpressionError {
            return e
        } catch {
            return nil
        }
    }

    @Test func precedenceOfArithmeticAndLogic() throws {
        #expect(try eval("1 + 2 * 3") == .number(7))
        #expect(try eval("(1 + 2) * 3") == .number(9))
        #expect(try eval("10 - 4 - 3") == .number(3))
        #expect(try eval("12 / 4 / 3") == .number(1))
        #expect(try eval("-2 * 3 + 10") == .number(4))
        // and binds tighter than or; not binds looser than a comparison.
        #expect(try eval("true or false and false") == .bool(true))
        #expect(try eval("(true or false) and false") == .bool(false))
        #expect(try eval("not 1 > 2") == .bool(true))
        #expect(try eval("not kind == \"invoice\" or confidence > 0.9") == .bool(true))
    }

    @Test func decimalsAreExact() throws {
        #expect(try eval("0.1 + 0.2 == 0.3") == .bool(true))
        #expect(try eval("fields.net_total + fields.tax_total == fields.gross_total") == .bool(true))
    }

    @Test func comparisonsMembershipAndText() throws {
        #expect(try eval("kind == \"invoice\" and confidence >= 0.9") == .bool(true))
        #expect(try eval("kind in [\"invoice\", \"purchase_order\"]") == .bool(true))
        #expect(try eval("kind not in ['invoice']") == .bool(false))
        #expect(try eval("subject contains \"po-4711\"") == .bool(true))
        #expect(try eval("subject matches \"PO-[0-9]{4}\"") == .bool(true))
        #expect(try eval("subject matches \"^PO\"") == .bool(false))
        #expect(try eval("domain(sender) == \"acme.example\"") == .bool(true))
        #expect(try eval("upper(fields.currency) + \"/\" + lower(\"X\")") == .string("EUR/x"))
        #expect(try eval("\"2026-11-30\" < \"2026-12-01\"") == .bool(true))
    }

    @Test func membersListsAndFunctions() throws {
        #expect(try eval("sum(fields.lines.quantity)") == .number(14))
        #expect(try eval("len(fields.lines)") == .number(2))
        #expect(try eval("fields.lines[0].description") == .string("Widget"))
        #expect(try eval("fields.lines[-1].quantity") == .number(4))
        #expect(try eval("message.attachments[0].filename") == .string("invoice.pdf"))
        #expect(try eval("message.headers[\"X-Priority\"] == \"1\"") == .bool(true))
        #expect(try eval("any(fields.lines, l => l.quantity >= 10)") == .bool(true))
        #expect(try eval("all(fields.lines, l => l.quantity >= 10)") == .bool(false))
        #expect(try eval("count(fields.lines, l => l.line_total > 500)") == .number(1))
        #expect(try eval("max(fields.lines.line_total)") == .number(600))
        #expect(try eval("age() > 3d and age() < 4d") == .bool(true))
        #expect(try eval("age() == 3d + 5s") == .bool(true))
    }

    @Test func missingValuesAreNullAndCompareFalse() throws {
        #expect(try eval("fields.due_date") == .null)
        #expect(try eval("fields.due_date < \"2026-12-01\"") == .bool(false))
        #expect(try eval("fields.due_date == null") == .bool(true))
        #expect(try eval("exists(fields.due_date)") == .bool(false))
        #expect(try eval("fields.nothing.deeper") == .null)
    }

    @Test func typeErrorsSayWhatAndWhere() throws {
        let e = try #require(error("kind > 3"))
        #expect(e.offset == 5)
        #expect(e.message.contains("cannot compare text with number"))
        let d = try #require(error("1 / (fields.tax_total - 190)"))
        #expect(d.message.contains("division by zero"))
        #expect(d.offset == 2)
    }

    @Test func parseErrorsCarryTheColumnAndASuggestion() throws {
        let eq = try #require(error("kind = \"invoice\""))
        #expect(eq.offset == 5)
        #expect(eq.suggestion?.contains("==") == true)

        let and = try #require(error("kind == \"a\" && confidence > 1"))
        #expect(and.offset == 12)
        #expect(and.suggestion?.contains("and") == true)

        let open = try #require(error("(1 + 2"))
        #expect(open.offset == 6)
        #expect(open.message.contains("')'"))

        let chained = try #require(error("1 < 2 < 3"))
        #expect(chained.offset == 6)
        #expect(chained.message.contains("cannot be chained"))

        let text = try #require(error("subject contains \"abc"))
        #expect(text.offset == 17)
        #expect(text.message.contains("not closed"))

        let unknown = try #require(error("lenn(fields.lines)"))
        #expect(unknown.suggestion == "did you mean 'len'?")

        let duration = try #require(error("age() > 3x"))
        #expect(duration.offset == 9)
    }

    @Test func evaluationIsBounded() throws {
        let many = RuleValue.list((0..<300_000).map { .number(Decimal($0)) })
        var scope = Self.scope
        scope.names["big"] = many
        let e = try ExpressionParser.parse("any(big, x => x < 0)")
        #expect(throws: ExpressionError.self) { try ExpressionEvaluator().evaluate(e, in: scope) }
        let long = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(long) }
    }

    @Test func templatesKeepTypesOrRenderText() throws {
        let evaluator = ExpressionEvaluator()
        let whole = try Template.parse("{{ fields.lines }}")
        guard case .list(let lines) = try whole.render(evaluator, in: Self.scope) else {
            Issue.record("a single {{ }} must give the value itself")
            return
        }
        #expect(lines.count == 2)
        let text = try Template.parse("Invoice {{ fields.gross_total }} {{ fields.currency }}")
        #expect(try text.render(evaluator, in: Self.scope) == .string("Invoice 1190 EUR"))
        #expect(try Template.parse("{{ fields.net_total * 2 }}").render(evaluator, in: Self.scope).json == .int(2000))
        do throws(ExpressionError) {
            _ = try Template.parse("Total {{ fields.gross_total + }}")
            Issue.record("a broken template must not parse")
        } catch {
            #expect(error.offset == 30)  // the closing braces, where a value is missing
        }
    }
}
