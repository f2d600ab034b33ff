import Foundation
import Testing
@testable import Vocabulary
@testable import Decide

/// Money read from a mail leaves through rules (templates, action parameters) as a decimal string with its scale.
@Suite struct MoneyRuleValueTests {
    private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test func aFieldsMoneyKeepsItsScaleInTextAndJSON() {
        let v = RuleValue(field: .money(dec("1712"), currency: "EUR"))
        #expect(v.text == "1712.00")
        #expect(v.json == .string("1712.00"))
        #expect(RuleValue(field: .money(dec("123456"), currency: "JPY")).json == .string("123456"))
        #expect(RuleValue(field: .number(dec("3"))).json == .int(3))  // a quantity stays a number
    }

    @Test func moneyComparesAndComputesAsANumber() {
        let a = RuleValue.money(dec("1000"), scale: 2)
        #expect(RuleValues.equal(a, .number(dec("1000"))))
        #expect(a.numeric == .number(dec("1000")))
        #expect(RuleValue.moneyText(dec("190.004"), scale: 2) == "190.00")
    }
}
