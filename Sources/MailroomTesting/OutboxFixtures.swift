import Foundation
import Vocabulary

/// Intended actions for the outbox tests (Act) and the approval commands' tests (Decide).
package enum OutboxFixtures {
    package static func action(_ name: String = "create_supplier_invoice", index: Int = 0, rule: String = "invoices",
                       approval: String? = nil, parameters: [String: JSONValue] = ["invoice": "INV-1"],
                       capturedTemplates: [String] = []) -> IntendedAction {
        IntendedAction(rule: rule, ruleFile: "rules/invoices.yaml", ruleFileSHA256: String(repeating: "a", count: 64),
                       index: index, connector: "erp", action: name, parameters: parameters, approval: approval,
                       capturedTemplates: capturedTemplates)
    }
}
