import Foundation

/// Recognises what an attachment really is when the mail does not say (`application/octet-stream`,
/// no Content-Type, or a generic type): magic bytes first, then the entries of a ZIP container
/// (DOCX/XLSX/PPTX/ODF/EPUB), then the file name's extension.
package enum ContentSniffing {
    package struct Verdict: Equatable {
        package var contentType: String
        /// How it was recognised, for the warning: "magic bytes", "zip entries", "file name extension".
        package var evidence: String
    }

    /// Declared types that say nothing about the content.
    package static func isGeneric(_ contentType: String) -> Bool {
        switch contentType {
        case "application/octet-stream", "application/unknown", "application/x-unknown", "binary/octet-stream",
             "application/download", "application/force-download", "application/x-download", "unknown/unknown",
             "application/x-octet-stream", "application/octetstream", "application/binary", "application/data",
             "application/x-msdownload-unknown", "":
            return true
        default:
            return false
        }
    }

    package static func sniff(_ bytes: UnsafeRawBufferPointer, filename: String?) -> Verdict? {
        let ext = filename.flatMap(fileExtension)
        if let magic = magicType(bytes) {
            if magic == "application/zip" {
                if let inner = zipFlavour(bytes) { return Verdict(contentType: inner, evidence: "zip entries") }
                if let ext, let byName = extensionTypes[ext], zipBasedTypes.contains(byName) {
                    return Verdict(contentType: byName, evidence: "magic bytes and file name extension")
                }
            }
            if magic == "application/x-ole-storage", let ext, let byName = extensionTypes[ext], oleBasedTypes.contains(byName) {
                return Verdict(contentType: byName, evidence: "magic bytes and file name extension")
            }
            return Verdict(contentType: magic, evidence: "magic bytes")
        }
        if let ext, let byName = extensionTypes[ext] {
            return Verdict(contentType: byName, evidence: "file name extension")
        }
        return nil
    }

    package static func fileExtension(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = String(name[name.index(after: dot)...]).trimmingMailWhitespace.asciiLowercased
        return ext.isEmpty || ext.utf8.count > 8 ? nil : ext
    }

    private static func starts(_ b: UnsafeRawBufferPointer, at offset: Int = 0, with prefix: [UInt8]) -> Bool {
        guard b.count >= offset + prefix.count else { return false }
        for (k, p) in prefix.enumerated() where b[offset + k] != p { return false }
        return true
    }

    private static func startsCaseInsensitive(_ b: UnsafeRawBufferPointer, at offset: Int, with prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard b.count >= offset + p.count else { return false }
        for (k, c) in p.enumerated() where b[offset + k] | 0x20 != c | 0x20 { return false }
        return true
    }

    package static func magicType(_ b: UnsafeRawBufferPointer) -> String? {
        if starts(b, with: [0x25, 0x50, 0x44, 0x46, 0x2D]) { return "application/pdf" }  // %PDF-
        if starts(b, with: [0x50, 0x4B, 0x03, 0x04]) || starts(b, with: [0x50, 0x4B, 0x05, 0x06]) { return "application/zip" }
        if starts(b, with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(b, with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(b, with: Array("GIF87a".utf8)) || starts(b, with: Array("GIF89a".utf8)) { return "image/gif" }
        if starts(b, with: [0x78, 0x9F, 0x3E, 0x22]) { return "application/ms-tnef" }   // 0x223E9F78 little-endian
        if starts(b, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "application/x-ole-storage" }
        if starts(b, with: [0x49, 0x49, 0x2A, 0x00]) || starts(b, with: [0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        if starts(b, with: Array("RIFF".utf8)) && starts(b, at: 8, with: Array("WEBP".utf8)) { return "image/webp" }
        if starts(b, with: [0x1F, 0x8B]) { return "application/gzip" }
        if starts(b, with: Array("Rar!".utf8)) { return "application/vnd.rar" }
        if starts(b, with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return "application/x-7z-compressed" }
        if starts(b, with: Array("{\\rtf".utf8)) { return "application/rtf" }
        if starts(b, with: Array("BEGIN:VCALENDAR".utf8)) { return "text/calendar" }
        if starts(b, with: Array("BEGIN:VCARD".utf8)) { return "text/vcard" }
        // PDF may have a few bytes of junk before its header (the spec allows 1024).
        if b.count > 5 {
            let limit = min(b.count - 5, 1024)
            var i = 1
            while i < limit {
                if b[i] == 0x25, starts(b, at: i, with: [0x25, 0x50, 0x44, 0x46, 0x2D]) { return "application/pdf" }
                i += 1
            }
        }
        // Markup after an optional byte-order mark and whitespace.
        var i = 0
        if starts(b, with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < b.count, i < 256, HeaderBlock.isSpace(b[i]) { i += 1 }
        if startsCaseInsensitive(b, at: i, with: "<?xml") { return "application/xml" }
        if startsCaseInsensitive(b, at: i, with: "<!doctype html") || startsCaseInsensitive(b, at: i, with: "<html") {
            return "text/html"
        }
        return nil
    }

    /// Looks at the first local file entries of a ZIP archive for the Office Open XML / ODF layout.
    package static func zipFlavour(_ b: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        var entries = 0
        while entries < 64, offset + 30 <= b.count, starts(b, at: offset, with: [0x50, 0x4B, 0x03, 0x04]) {
            entries += 1
            func u16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
            func u32(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24 }
            let flags = u16(offset + 6)
            let method = u16(offset + 8)
            let compressedSize = u32(offset + 18)
            let nameLength = u16(offset + 26)
            let extraLength = u16(offset + 28)
            let nameStart = offset + 30
            guard nameStart + nameLength <= b.count else { break }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: b[nameStart..<(nameStart + nameLength)]), as: UTF8.self)
            let dataStart = nameStart + nameLength + extraLength
            if name == "mimetype", method == 0, dataStart + compressedSize <= b.count, compressedSize < 200 {
                let value = String(decoding: UnsafeRawBufferPointer(rebasing: b[dataStart..<(dataStart + compressedSize)]), as: UTF8.self)
                    .trimmingMailWhitespace
                if value.hasPrefix("application/") { return value }
            }
            if name.hasPrefix("word/") { return "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }
            if name.hasPrefix("xl/") { return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
            if name.hasPrefix("ppt/") { return "application/vnd.openxmlformats-officedocument.presentationml.presentation" }
            if name == "META-INF/MANIFEST.MF" { return "application/java-archive" }
            // Entries written with a trailing data descriptor have no size here: find the next header instead.
            if flags & 0x08 != 0 || compressedSize == 0 && method != 0 {
                var next = dataStart
                var found = false
                while next + 4 <= b.count {
                    if b[next] == 0x50, starts(b, at: next, with: [0x50, 0x4B, 0x03, 0x04]) { found = true; break }
                    next += 1
                }
                if !found { break }
                offset = next
            } else {
                offset = dataStart + compressedSize
            }
        }
        return nil
    }

    private static let zipBasedTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation", "application/epub+zip", "application/java-archive",
        "application/zip",
    ]

    private static let oleBasedTypes: Set<String> = [
        "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/vnd.ms-outlook",
    ]

    package static let extensionTypes: [String: String] = [
        "pdf": "application/pdf", "zip": "application/zip", "xml": "application/xml", "json": "application/json",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "odp": "application/vnd.oasis.opendocument.presentation", "epub": "application/epub+zip",
        "doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
        "msg": "application/vnd.ms-outlook", "rtf": "application/rtf",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "tif": "image/tiff",
        "tiff": "image/tiff", "webp": "image/webp", "bmp": "image/bmp", "svg": "image/svg+xml",
        "txt": "text/plain", "csv": "text/csv", "tsv": "text/tab-separated-values", "htm": "text/html", "html": "text/html",
        "ics": "text/calendar", "vcf": "text/vcard", "eml": "message/rfc822",
        "gz": "application/gzip", "tgz": "application/gzip", "7z": "application/x-7z-compressed", "rar": "application/vnd.rar",
        "p7s": "application/pkcs7-signature", "p7m": "application/pkcs7-mime", "asc": "application/pgp-signature",
    ]
}
