import Foundation
import Testing
@testable import Vocabulary

@Suite struct NormalisedMessageJSONTests {
    @Test func addressesAlwaysCarryANameKey() throws {
        let data = try JSONEncoder().encode(MailAddress(name: nil, address: "a@example.com"))
        #expect(String(decoding: data, as: UTF8.self).contains("\"name\":null"))
    }

    @Test func datesAreISO8601InUTC() throws {
        var m = NormalisedMessage()
        m.date = Date(timeIntervalSince1970: 1_795_000_000)
        let json = String(decoding: try JSONEncoder().encode(m), as: UTF8.self)
        #expect(json.contains("\"date\":\"2026-11-18T"))
        let back = try JSONDecoder().decode(NormalisedMessage.self, from: Data(json.utf8))
        #expect(back.date == m.date)
    }
}
