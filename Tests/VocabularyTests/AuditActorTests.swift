import Testing
@testable import Vocabulary

@Suite("who the audit says took a step")
struct AuditActorTests {
    @Test("--by never passes for a verified login: another name is recorded with the login that gave it")
    func claimedNamesCarryTheLogin() {
        #expect(AuditActor.commandLine(by: nil, login: "bob") == "operator:bob")
        #expect(AuditActor.commandLine(by: "  ", login: "bob") == "operator:bob")
        #expect(AuditActor.commandLine(by: "bob", login: "bob") == "operator:bob")
        #expect(AuditActor.commandLine(by: "operator:bob", login: "bob") == "operator:bob")
        #expect(AuditActor.commandLine(by: "anna", login: "bob") == "person:anna via operator:bob")
        #expect(AuditActor.commandLine(by: "person:anna", login: "bob") == "person:anna via operator:bob")
        #expect(AuditActor.commandLine(by: "operator:root", login: "bob") == "person:root via operator:bob")
    }
}
