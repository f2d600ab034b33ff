import Crypto
import Foundation
import Vocabulary

/// Turns a file dropped into a drop folder into an RFC 822 message that the rest of the pipeline reads like
/// any mail: From the drop folder's address, Subject the file name, Date the file's modification time,
/// Message-ID derived from the file's content hash, and a multipart/mixed body with a short text part and
/// the file as a base64 attachment (non-ASCII file names RFC 2231-encoded, content type sniffed).
public enum DroppedFileMessage {
    public static func make(fileName: String, content: Data, modified: Date, folderName: String,
                            address: String) -> Data {
        let sha = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
        let boundary = "=_mailroom_drop_" + sha.prefix(24)
        let contentType = MediaTypeSniffer.contentType(of: content, fileName: fileName)
        let date = MailDateText.rfc5322(modified)
        let safeName = fileName.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "_" : String($0) }.joined()

        var out = ""
        out += "From: Mailroom drop folder \(quotedIfNeeded(folderName)) <\(address)>\r\n"
        out += "To: undisclosed-recipients:;\r\n"
        out += "Subject: " + encodedWords(safeName, prefixLength: 9) + "\r\n"
        out += "Date: \(date)\r\n"
        out += "Message-ID: <drop.\(sha.prefix(40))@mailroom.invalid>\r\n"
        out += "MIME-Version: 1.0\r\n"
        out += "X-Mailroom-Drop-Folder: \(folderName)\r\n"
        out += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n"
        out += "\r\n"
        out += "This is a message in MIME format: a file dropped into a Mailroom drop folder.\r\n"
        out += "\r\n--\(boundary)\r\n"
        let note = "The file \"\(safeName)\" (\(content.count) bytes, \(contentType)) was dropped into the "
            + "drop folder \"\(folderName)\"; it was last modified \(date).\r\n"
        let noteIsASCII = note.utf8.allSatisfy { $0 < 0x80 }
        out += "Content-Type: text/plain; charset=utf-8\r\n"
        out += "Content-Transfer-Encoding: \(noteIsASCII ? "7bit" : "8bit")\r\n\r\n"
        out += note
        out += "\r\n--\(boundary)\r\n"
        out += "Content-Type: \(contentType);\r\n \(parameter("name", safeName))\r\n"
        out += "Content-Disposition: attachment;\r\n \(parameter("filename", safeName))\r\n"
        out += "Content-Transfer-Encoding: base64\r\n\r\n"
        var data = Data(out.utf8)
        data.append(content.base64EncodedData(options: [.lineLength76Characters, .endLineWithCarriageReturn,
                                                        .endLineWithLineFeed]))
        data.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return data
    }

    /// A MIME parameter: `name="plain.pdf"` for ASCII, `name*=utf-8''%C3%BC.pdf` (RFC 2231) otherwise.
    package static func parameter(_ name: String, _ value: String) -> String {
        if value.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\(name)=\"\(escaped)\""
        }
        var encoded = ""
        let attributeChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)
        for byte in value.utf8 {
            if attributeChars.contains(byte) { encoded.append(Character(UnicodeScalar(byte))) }
            else { encoded += String(format: "%%%02X", byte) }
        }
        return "\(name)*=utf-8''\(encoded)"
    }

    /// RFC 2047 `=?utf-8?B?…?=` words for a header value with non-ASCII text; ASCII passes unchanged.
    package static func encodedWords(_ text: String, prefixLength: Int) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII }) { return text }
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?utf-8?B?" + chunk.base64EncodedString() + "?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?utf-8?B?" + chunk.base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    package static func quotedIfNeeded(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "\"", with: "") + "\""
    }
}

/// Recognises what a file is from its first bytes, then its name.
public enum MediaTypeSniffer {
    public static func contentType(of data: Data, fileName: String) -> String {
        let ext = (fileName as NSString).pathExtension.lowercased()
        let head = [UInt8](data.prefix(16))
        func starts(_ bytes: [UInt8]) -> Bool { head.count >= bytes.count && Array(head.prefix(bytes.count)) == bytes }

        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            switch ext {
            case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case "pptx": return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            case "odt": return "application/vnd.oasis.opendocument.text"
            case "ods": return "application/vnd.oasis.opendocument.spreadsheet"
            default: return "application/zip"
            }
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            switch ext {
            case "msg": return "application/vnd.ms-outlook"
            case "xls": return "application/vnd.ms-excel"
            case "ppt": return "application/vnd.ms-powerpoint"
            default: return "application/msword"
            }
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF8".utf8)) { return "image/gif" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        if starts([0x1F, 0x8B]) { return "application/gzip" }
        if starts([0x78, 0x9F, 0x3E, 0x22]) { return "application/ms-tnef" }
        let text = String(decoding: data.prefix(512), as: UTF8.self)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}").union(.whitespacesAndNewlines))
        if text.hasPrefix("<?xml") {
            return ext == "svg" ? "image/svg+xml" : "application/xml"
        }
        let byExtension: [String: String] = [
            "txt": "text/plain", "csv": "text/csv", "tsv": "text/tab-separated-values", "json": "application/json",
            "html": "text/html", "htm": "text/html", "xml": "application/xml", "eml": "message/rfc822",
            "ics": "text/calendar", "vcf": "text/vcard", "rtf": "application/rtf", "md": "text/markdown",
            "doc": "application/msword", "xls": "application/vnd.ms-excel", "zip": "application/zip",
        ]
        if let type = byExtension[ext] { return type }
        if text.lowercased().hasPrefix("<!doctype html") || text.lowercased().hasPrefix("<html") { return "text/html" }
        return "application/octet-stream"
    }
}

/// Decides whether a file already is an RFC 822 message (then it is ingested as it is).
public enum RFC822Sniffer {
    /// True when the first bytes are a header block: well-formed header fields up to a blank line (or the end
    /// of what was read), at least two of them, and among them From, Received, Message-ID or Return-Path,
    /// or both Date and Subject.
    public static func looksLikeMessage(_ prefix: Data) -> Bool {
        var names: [String] = []
        var lineStart = prefix.startIndex
        var sawBlank = false
        let bytes = prefix
        var index = prefix.startIndex
        // An mbox-style "From " envelope line in front is allowed.
        if bytes.starts(with: Array("From ".utf8)) {
            guard let nl = bytes.firstIndex(of: 0x0A) else { return false }
            index = bytes.index(after: nl)
            lineStart = index
        }
        while index < bytes.endIndex {
            guard let nl = bytes[index...].firstIndex(of: 0x0A) else { break }  // last, incomplete line: ignore
            var line = bytes[lineStart..<nl]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { sawBlank = true; break }
            if line.first == 0x20 || line.first == 0x09 {
                if names.isEmpty { return false }
            } else {
                guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else { return false }
                let name = line[line.startIndex..<colon]
                guard name.allSatisfy({ $0 >= 33 && $0 <= 126 }) else { return false }
                names.append(String(decoding: name, as: UTF8.self).lowercased())
            }
            index = bytes.index(after: nl)
            lineStart = index
        }
        guard names.count >= 2, sawBlank || prefix.count >= 4096 else { return false }
        let set = Set(names)
        return !set.isDisjoint(with: ["from", "received", "message-id", "return-path"])
            || (set.contains("date") && set.contains("subject"))
    }
}

/// Whether a dropped file that is not a mail is a document Mailroom can read, decided by its bytes.
public enum DroppedFileCheck {
    /// Nil when the file can be taken; otherwise the reason and what to do, for `NAME.error.txt`.
    public static func problem(name: String, content: Data) -> String? {
        let ext = (name as NSString).pathExtension.lowercased()
        if content.isEmpty {
            return "the file is empty (0 bytes): there is nothing to read. Drop the complete file again "
                + "(a scanner or a copy that was interrupted leaves empty files)"
        }
        let type = MediaTypeSniffer.contentType(of: content, fileName: "")
        let recognised = type != "application/octet-stream" || isText(content)
        if ext == "eml" {
            // Not a mail (RFC822Sniffer said so) although it is named like one.
            let what = recognised ? "a \(describe(type, content)) document" : "no document format Mailroom knows"
            return "the file is named .eml, but it is not a mail (it has no header fields such as From: or Subject:); "
                + "its content is \(what). "
                + (recognised ? "Give it the right extension and drop it again, or drop the mail it came with"
                              : "Drop the original mail or document instead")
        }
        guard recognised else {
            return "the file is not a document Mailroom can read: its bytes are no known format (a mail, PDF, "
                + "Word/Excel/OpenDocument, image, XML or text). Drop the original document instead (a damaged "
                + "or encrypted copy cannot be read)"
        }
        return nil
    }

    /// UTF-8 (or plain ASCII) text without NUL bytes and with few control characters.
    package static func isText(_ data: Data) -> Bool {
        let sample = data.prefix(65536)
        guard !sample.contains(0) else { return false }
        var controls = 0
        for byte in sample where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        guard controls * 100 <= sample.count else { return false }
        // A cut in the middle of a multi-byte sequence at the end of the sample is not a reason to refuse.
        for cut in 0...3 where sample.count > cut {
            if String(data: sample.dropLast(cut), encoding: .utf8) != nil { return true }
        }
        // Latin-1 and other single-byte text: mostly printable bytes.
        let printable = sample.filter { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        return printable * 100 >= sample.count * 95 && sample.filter { $0 >= 0x80 }.count * 100 <= sample.count * 30
    }

    static func describe(_ type: String, _ content: Data) -> String {
        switch type {
        case "application/pdf": return "PDF"
        case "application/zip": return "ZIP (or Office)"
        case "application/msword": return "Office (OLE)"
        case "application/xml": return "XML"
        case "application/octet-stream": return isText(content) ? "text" : "binary"
        default: return type
        }
    }
}
