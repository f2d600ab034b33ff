// TEMPORARY PLACEHOLDER — delete when main carries the real MessageParser (branch parse-mime).
//
// A minimal MessageParser with the contract signature from CONTEXT.md, so that the pipeline, the CLI and
// their tests build before the parser is merged. It reads only the header block; nothing here is meant to
// survive the merge.

import Foundation

public enum MessageParser {
    /// Placeholder: reads the header block only (Subject, From, Message-ID); the body becomes `text`.
    public static func parse(_ raw: Data) -> ParsedMessage {
        let text = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        var headers: [HeaderField] = []
        var body = ""
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.first {
            lines = lines.dropFirst()
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                      !line[..<colon].contains(" ") {
                headers.append(HeaderField(name: String(line[..<colon]),
                                           value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            } else {
                lines = [line] + lines
                headers = headers.isEmpty ? [] : headers
                break
            }
        }
        body = lines.joined(separator: "\n")
        var m = NormalisedMessage(headers: headers)
        m.text = body
        m.textSource = body.isEmpty ? "none" : "plain"
        m.subject = m.header("Subject")
        if let from = m.header("From") {
            if let lt = from.firstIndex(of: "<"), let gt = from.lastIndex(of: ">"), lt < gt {
                let name = from[..<lt].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
                m.from = [MailAddress(name: name.isEmpty ? nil : name, address: String(from[from.index(after: lt)..<gt]))]
            } else {
                m.from = [MailAddress(name: nil, address: from)]
            }
        }
        m.messageID = m.header("Message-ID")?.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        if headers.isEmpty { m.warnings.append("no header fields found") }
        return ParsedMessage(normalised: m, attachmentData: [])
    }
}
