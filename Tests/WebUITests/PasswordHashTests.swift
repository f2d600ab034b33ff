import Testing
import PasswordHashing

@Suite struct PasswordHashTests {
    let cheap = PasswordHash.Cost(memoryKiB: 1024, passes: 1, lanes: 1)

    @Test func aHashVerifiesItsPasswordOnly() throws {
        let hash = try PasswordHash.make("correct horse battery staple", cost: cheap)
        #expect(hash.hasPrefix("$argon2id$v=19$m=1024,t=1,p=1$"))
        #expect(PasswordHash.verify("correct horse battery staple", against: hash))
        #expect(!PasswordHash.verify("correct horse battery stapler", against: hash))
        #expect(!PasswordHash.verify("", against: hash))
    }

    @Test func twoHashesOfOnePasswordDiffer() throws {
        let a = try PasswordHash.make("s3cret", cost: cheap)
        let b = try PasswordHash.make("s3cret", cost: cheap)
        #expect(a != b)  // each has its own salt
    }

    @Test func malformedOrForeignHashesNeverMatch() {
        #expect(!PasswordHash.verify("x", against: ""))
        #expect(!PasswordHash.verify("x", against: "$2b$12$abcdefghijklmnopqrstuu"))
        #expect(!PasswordHash.verify("x", against: "$argon2id$v=19$m=1024,t=1,p=1$bad"))
    }
}
