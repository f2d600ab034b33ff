import Foundation
import Vocabulary

/// One file carried inside a winmail.dat.
public struct TNEFAttachment: Sendable, Equatable {
    /// The long file name when the sender gave one (PR_ATTACH_LONG_FILENAME), else the 8.3 title, else the
    /// MAPI short name or display name.
    public var filename: String?
    public var data: Data
    /// PR_ATTACH_MIME_TAG, lower-cased, when the sender set it.
    public var contentType: String?
    /// PR_ATTACH_CONTENT_ID, for inline images referenced by the RTF/HTML body.
    public var contentID: String?

    public init(filename: String?, data: Data, contentType: String?, contentID: String? = nil) {
        self.filename = filename
        self.data = data
        self.contentType = contentType
        self.contentID = contentID
    }
}

/// Why a TNEF stream could not be read, with the byte offset where reading stopped.
public struct TNEFError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int?

    public init(_ message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    public var description: String {
        if let offset { return "winmail.dat (TNEF): \(message) at byte \(offset)" }
        return "winmail.dat (TNEF): \(message)"
    }
}

/// Everything Mailroom reads from a TNEF stream.
public struct TNEFMessage: Sendable {
    /// attMessageClass, e.g. `IPM.Microsoft Mail.Note`.
    public var messageClass: String?
    /// attSubject or PR_SUBJECT.
    public var subject: String?
    /// attOemCodepage: the Windows code page of 8-bit strings.
    public var codePage: Int?
    public var attachments: [TNEFAttachment]
    /// PR_BODY (from attMsgProps) or attBody, line endings as in the stream.
    public var plainBody: String?
    /// PR_HTML, the HTML body bytes, when present.
    public var htmlBody: Data?
    /// The RTF body, decompressed from PR_RTF_COMPRESSED, when present and intact.
    public var rtfBody: Data?
    /// What was odd (bad checksums, unreadable property lists) and how it was handled.
    public var warnings: [String]
}

/// Reader for application/ms-tnef (winmail.dat), written from [MS-OXTNEF]. Pure Swift, bounded: every length
/// is checked against the bytes that remain, and nothing is read past the end.
public enum TNEF {
    public static let signature: UInt32 = 0x223E_9F78

    /// Unpacks a winmail.dat (application/ms-tnef). Throws TNEFError with a readable message on bad input.
    public static func attachments(in data: Data) throws -> [TNEFAttachment] {
        try parse(data).attachments
    }

    /// The message body carried inside the TNEF, if any (plain text or RTF-free text), for the body fallback.
    /// Tries, in order: PR_BODY / attBody, PR_HTML turned into text, the compressed RTF body decompressed and
    /// turned into text (HTML encapsulated in RTF is unwrapped first).
    public static func bodyText(in data: Data) -> String? {
        guard let message = try? parse(data) else { return nil }
        if let plain = message.plainBody {
            let text = normaliseLineEndings(plain).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { return text }
        }
        if let html = message.htmlBody {
            let charset = message.codePage.flatMap(DocumentTextDecoder.iconvName(forCodePage:))
            let text = HTMLText.plainText(fromHTML: html, charset: charset)
            if !text.isEmpty { return text }
        }
        if let rtf = message.rtfBody {
            let text = RTFText.plainText(fromRTF: [UInt8](rtf))
            if !text.isEmpty { return text }
        }
        return nil
    }

    // MARK: Attribute and property ids ([MS-OXTNEF] 2.1.3.3, [MS-OXPROPS])

    package enum Level: UInt8 { case message = 1, attachment = 2 }

    package static let attSubject: UInt32 = 0x0001_8004
    package static let attMessageClass: UInt32 = 0x0007_8008
    package static let attBody: UInt32 = 0x0002_800C
    package static let attMsgProps: UInt32 = 0x0006_9003
    package static let attOemCodepage: UInt32 = 0x0006_9007
    package static let attAttachRendData: UInt32 = 0x0006_9002
    package static let attAttachTitle: UInt32 = 0x0001_8010
    package static let attAttachData: UInt32 = 0x0006_800F
    package static let attAttachment: UInt32 = 0x0006_9005

    package static let prSubject: UInt16 = 0x0037
    package static let prBody: UInt16 = 0x1000
    package static let prRTFCompressed: UInt16 = 0x1009
    package static let prHTML: UInt16 = 0x1013
    package static let prInternetCodepage: UInt16 = 0x3FDE
    package static let prDisplayName: UInt16 = 0x3001
    package static let prAttachDataBin: UInt16 = 0x3701
    package static let prAttachFilename: UInt16 = 0x3704
    package static let prAttachLongFilename: UInt16 = 0x3707
    package static let prAttachMimeTag: UInt16 = 0x370E
    package static let prAttachContentID: UInt16 = 0x3712

    /// Reads the whole stream. Throws on a wrong signature, an unknown attribute level, or an attribute whose
    /// length runs past the end (a truncated or corrupt file). A checksum mismatch is only a warning.
    public static func parse(_ data: Data) throws(TNEFError) -> TNEFMessage {
        var reader = TNEFReader(bytes: [UInt8](data))
        guard reader.remaining >= 6 else {
            throw TNEFError("too short to be TNEF (\(data.count) bytes; a stream starts with a 4-byte signature and a 2-byte key)")
        }
        let sig = try reader.u32("signature")
        guard sig == signature else {
            throw TNEFError(String(format: "not a TNEF stream: signature is 0x%08X, expected 0x%08X", sig, signature), offset: 0)
        }
        _ = try reader.u16("key")

        var message = TNEFMessage(attachments: [], warnings: [])
        var pending: PendingAttachment?
        var bodyCodePage: Int?
        var plainFromProps: String?
        var attBodyBytes: ArraySlice<UInt8>?

        func finishAttachment() {
            if let p = pending, let attachment = p.build(codePage: message.codePage) {
                message.attachments.append(attachment)
            }
            pending = nil
        }

        while reader.remaining > 0 {
            let start = reader.offset
            if reader.remaining < 11 {
                if reader.bytes[reader.offset...].allSatisfy({ $0 == 0 }) {
                    message.warnings.append("ignored \(reader.remaining) padding bytes at the end of the TNEF stream")
                    break
                }
                throw TNEFError("truncated: \(reader.remaining) bytes left, too few for an attribute header", offset: start)
            }
            let levelByte = try reader.u8("attribute level")
            guard let level = Level(rawValue: levelByte) else {
                throw TNEFError("unknown attribute level \(levelByte) (expected 1 for the message or 2 for an attachment)", offset: start)
            }
            let id = try reader.u32("attribute id")
            let length = try reader.u32("attribute length")
            guard Int(length) <= reader.remaining - 2 else {
                throw TNEFError(String(format: "attribute 0x%08X claims %u bytes but only %d remain; the file is truncated or corrupt",
                                       id, length, max(0, reader.remaining - 2)), offset: start)
            }
            let value = try reader.take(Int(length), "attribute data")
            let checksum = try reader.u16("attribute checksum")
            var sum: UInt32 = 0
            for b in value { sum &+= UInt32(b) }
            if UInt16(truncatingIfNeeded: sum) != checksum {
                message.warnings.append(String(format: "checksum mismatch in attribute 0x%08X at byte %d; data kept", id, start))
            }

            switch (level, id) {
            case (.message, attOemCodepage):
                if value.count >= 4 { message.codePage = Int(TNEFReader.u32(value, at: value.startIndex)) }
            case (.message, attSubject):
                message.subject = decodeString8(value, codePage: message.codePage)
            case (.message, attMessageClass):
                message.messageClass = decodeString8(value, codePage: message.codePage)
            case (.message, attBody):
                attBodyBytes = value
            case (.message, attMsgProps):
                let (props, problem) = MAPIProperties.parsePrefix(value)
                if let problem {
                    message.warnings.append("message properties partly unreadable (\(problem.message)); "
                        + "used the \(props.count) read before the problem")
                }
                if let cpid = props.first(where: { $0.id == prInternetCodepage })?.int32 { bodyCodePage = Int(cpid) }
                for prop in props {
                    switch prop.id {
                    case prBody:
                        plainFromProps = prop.string(codePage: bodyCodePage ?? message.codePage)
                    case prSubject:
                        if message.subject == nil { message.subject = prop.string(codePage: message.codePage) }
                    case prHTML:
                        if let bytes = prop.values.first { message.htmlBody = Data(bytes) }
                    case prRTFCompressed:
                        guard let bytes = prop.values.first else { break }
                        do {
                            message.rtfBody = Data(try CompressedRTF.decompress(bytes))
                        } catch {
                            message.warnings.append("compressed RTF body unreadable: \(error.message)")
                        }
                    default:
                        break
                    }
                }
            case (.attachment, attAttachRendData):
                finishAttachment()
                pending = PendingAttachment()
            case (.attachment, _):
                if pending == nil {
                    message.warnings.append("attachment attribute before any attAttachRendData at byte \(start); started an attachment")
                    pending = PendingAttachment()
                }
                switch id {
                case attAttachTitle:
                    pending?.title = decodeString8(value, codePage: message.codePage)
                case attAttachData:
                    pending?.data = Data(value)
                case attAttachment:
                    let (props, problem) = MAPIProperties.parsePrefix(value)
                    pending?.properties = props
                    if let problem {
                        message.warnings.append("attachment properties partly unreadable (\(problem.message)); "
                            + "used the \(props.count) read before the problem")
                    }
                default:
                    break
                }
            default:
                break
            }
        }
        finishAttachment()

        if let plainFromProps {
            message.plainBody = plainFromProps
        } else if let attBodyBytes {
            message.plainBody = decodeString8(attBodyBytes, codePage: message.codePage)
        }
        return message
    }

    /// An 8-bit TNEF string (attSubject, attAttachTitle, attBody…): up to the first NUL, in the stream's code
    /// page (Windows-1252 when none is given and the bytes are not UTF-8).
    package static func decodeString8(_ bytes: ArraySlice<UInt8>, codePage: Int?) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let text = bytes[bytes.startIndex..<end]
        if let codePage, let name = DocumentTextDecoder.iconvName(forCodePage: codePage),
           let decoded = DocumentTextDecoder.decode(text, iconvName: name) {
            return decoded
        }
        return DocumentTextDecoder.decode(text, label: nil)
    }

    package static func normaliseLineEndings(_ s: String) -> String {
        s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private struct PendingAttachment {
        var title: String?
        var data: Data?
        var properties: [MAPIProperty] = []

        func build(codePage: Int?) -> TNEFAttachment? {
            func string(_ id: UInt16) -> String? {
                guard let prop = properties.first(where: { $0.id == id }), let s = prop.string(codePage: codePage) else {
                    return nil
                }
                let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            }
            var bytes = data
            var contentType = string(TNEF.prAttachMimeTag)?.lowercased()
            if bytes == nil, let prop = properties.first(where: { $0.id == TNEF.prAttachDataBin }),
               let value = prop.values.first {
                if prop.type == MAPIProperty.ptObject {
                    // PT_OBJECT: a 16-byte interface id, then the object's bytes (for an attached message,
                    // an embedded TNEF stream).
                    let payload = value.dropFirst(16)
                    bytes = Data(payload)
                    if payload.count >= 4, TNEFReader.u32(payload, at: payload.startIndex) == TNEF.signature, contentType == nil {
                        contentType = "application/ms-tnef"
                    }
                } else {
                    bytes = Data(value)
                }
            }
            let title = title.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            let name = string(TNEF.prAttachLongFilename) ?? title ?? string(TNEF.prAttachFilename) ?? string(TNEF.prDisplayName)
            guard bytes != nil || name != nil else { return nil }
            return TNEFAttachment(filename: name, data: bytes ?? Data(), contentType: contentType,
                                  contentID: string(TNEF.prAttachContentID))
        }
    }
}

/// Little-endian, bounds-checked reading.
package struct TNEFReader {
    package let bytes: [UInt8]
    package var offset = 0

    package init(bytes: [UInt8]) { self.bytes = bytes }

    package var remaining: Int { bytes.count - offset }

    package mutating func take(_ n: Int, _ what: String) throws(TNEFError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else {
            throw TNEFError("\(what) needs \(n) bytes but only \(remaining) remain", offset: offset)
        }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }

    package mutating func u8(_ what: String) throws(TNEFError) -> UInt8 { try take(1, what).first! }

    package mutating func u16(_ what: String) throws(TNEFError) -> UInt16 {
        let s = try take(2, what)
        return UInt16(s[s.startIndex]) | UInt16(s[s.startIndex + 1]) << 8
    }

    package mutating func u32(_ what: String) throws(TNEFError) -> UInt32 {
        let s = try take(4, what)
        return TNEFReader.u32(s, at: s.startIndex)
    }

    package static func u32(_ s: ArraySlice<UInt8>, at i: Int) -> UInt32 {
        UInt32(s[i]) | UInt32(s[i + 1]) << 8 | UInt32(s[i + 2]) << 16 | UInt32(s[i + 3]) << 24
    }
}

/// One MAPI property from a TNEF property list (attMsgProps, attAttachment).
package struct MAPIProperty {
    package static let ptShort: UInt16 = 0x0002, ptLong: UInt16 = 0x0003, ptFloat: UInt16 = 0x0004
    package static let ptDouble: UInt16 = 0x0005, ptCurrency: UInt16 = 0x0006, ptAppTime: UInt16 = 0x0007
    package static let ptError: UInt16 = 0x000A, ptBoolean: UInt16 = 0x000B, ptObject: UInt16 = 0x000D
    package static let ptI8: UInt16 = 0x0014, ptString8: UInt16 = 0x001E, ptUnicode: UInt16 = 0x001F
    package static let ptSysTime: UInt16 = 0x0040, ptCLSID: UInt16 = 0x0048, ptBinary: UInt16 = 0x0102
    package static let ptNull: UInt16 = 0x0001
    package static let multiValued: UInt16 = 0x1000

    /// The base type (multi-value flag removed).
    package var type: UInt16
    package var isMultiValued: Bool
    package var id: UInt16
    /// For named properties (id ≥ 0x8000): the property set GUID and either a numeric id or a name.
    package var guid: [UInt8]?
    package var namedID: UInt32?
    package var name: String?
    /// Raw value bytes: the fixed-size value, or for variable-size types the bytes without length or padding.
    package var values: [ArraySlice<UInt8>]

    package var int32: Int32? {
        guard let v = values.first, v.count >= 4 else { return nil }
        return Int32(bitPattern: TNEFReader.u32(v, at: v.startIndex))
    }

    /// The first value as text (PT_UNICODE as UTF-16LE, PT_STRING8 in the code page), up to the first NUL.
    package func string(codePage: Int?) -> String? {
        guard let v = values.first else { return nil }
        switch type {
        case MAPIProperty.ptUnicode:
            var units: [UInt16] = []
            units.reserveCapacity(v.count / 2)
            var i = v.startIndex
            while i + 1 < v.endIndex {
                let u = UInt16(v[i]) | UInt16(v[i + 1]) << 8
                if u == 0 { break }
                units.append(u)
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        case MAPIProperty.ptString8:
            return TNEF.decodeString8(v, codePage: codePage)
        default:
            return nil
        }
    }
}

package enum MAPIProperties {
    /// Parses a TNEF MAPI property list ([MS-OXTNEF] 2.1.3.5): a count, then per property its type and id,
    /// a GUID and name for named properties, and its value(s); variable-size values carry a count, a length
    /// and padding to 4 bytes; 2-byte values are padded to 4.
    /// Lenient form: the properties read before a problem, and the problem (nil when the list was whole).
    package static func parsePrefix(_ bytes: ArraySlice<UInt8>) -> (properties: [MAPIProperty], problem: TNEFError?) {
        var result: [MAPIProperty] = []
        do {
            try parse(bytes, into: &result)
            return (result, nil)
        } catch {
            return (result, error)
        }
    }

    package static func parse(_ bytes: ArraySlice<UInt8>) throws(TNEFError) -> [MAPIProperty] {
        var result: [MAPIProperty] = []
        try parse(bytes, into: &result)
        return result
    }

    private static func parse(_ bytes: ArraySlice<UInt8>, into result: inout [MAPIProperty]) throws(TNEFError) {
        var reader = TNEFReader(bytes: Array(bytes))
        let count = try reader.u32("property count")
        // Every property needs at least 8 bytes; a larger count is corrupt, not a reason to loop for long.
        guard Int(count) <= reader.remaining / 8 + 1 else {
            throw TNEFError("property list claims \(count) properties in \(reader.remaining) bytes", offset: 0)
        }
        result.reserveCapacity(Int(count))
        for _ in 0..<count {
            let rawType = try reader.u16("property type")
            let id = try reader.u16("property id")
            let isMulti = rawType & MAPIProperty.multiValued != 0
            let type = rawType & ~MAPIProperty.multiValued
            var prop = MAPIProperty(type: type, isMultiValued: isMulti, id: id, values: [])
            if id >= 0x8000 {
                prop.guid = Array(try reader.take(16, "named property GUID"))
                let kind = try reader.u32("named property kind")
                if kind == 0 {
                    prop.namedID = try reader.u32("named property id")
                } else {
                    let length = Int(try reader.u32("named property name length"))
                    let nameBytes = try reader.take(length, "named property name")
                    try reader.skipPadding(length)
                    var units: [UInt16] = []
                    var i = nameBytes.startIndex
                    while i + 1 < nameBytes.endIndex {
                        let u = UInt16(nameBytes[i]) | UInt16(nameBytes[i + 1]) << 8
                        if u == 0 { break }
                        units.append(u)
                        i += 2
                    }
                    prop.name = String(decoding: units, as: UTF16.self)
                }
            }
            let variable = [MAPIProperty.ptString8, MAPIProperty.ptUnicode, MAPIProperty.ptBinary,
                            MAPIProperty.ptObject, 0x00FB, 0x00FD, 0x00FE].contains(type)
            var valueCount = 1
            if isMulti || variable {
                let n = Int(try reader.u32("value count"))
                guard n <= reader.remaining / 4 + 1 else {
                    throw TNEFError(String(format: "property 0x%04X claims %d values in %d bytes", id, n, reader.remaining),
                                    offset: reader.offset)
                }
                valueCount = n
            }
            for _ in 0..<valueCount {
                if variable {
                    let length = Int(try reader.u32("value length"))
                    prop.values.append(try reader.take(length, String(format: "value of property 0x%04X", id)))
                    try reader.skipPadding(length)
                } else {
                    let size: Int
                    switch type {
                    case MAPIProperty.ptShort, MAPIProperty.ptBoolean: size = 4  // 2 bytes, padded to 4
                    case MAPIProperty.ptLong, MAPIProperty.ptFloat, MAPIProperty.ptError, MAPIProperty.ptNull: size = 4
                    case MAPIProperty.ptDouble, MAPIProperty.ptCurrency, MAPIProperty.ptAppTime,
                         MAPIProperty.ptI8, MAPIProperty.ptSysTime: size = 8
                    case MAPIProperty.ptCLSID: size = 16
                    default:
                        throw TNEFError(String(format: "property 0x%04X has unknown type 0x%04X", id, type), offset: reader.offset)
                    }
                    prop.values.append(try reader.take(size, String(format: "value of property 0x%04X", id)))
                }
            }
            result.append(prop)
        }
    }
}

extension TNEFReader {
    /// Skips the padding that brings a value of `length` bytes to a multiple of 4 (tolerating a missing
    /// pad at the very end).
    package mutating func skipPadding(_ length: Int) throws(TNEFError) {
        let pad = (4 - length % 4) % 4
        if pad > 0 { offset += min(pad, remaining) }
    }
}
