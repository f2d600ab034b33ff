import Foundation
import Markup
import Vocabulary

/// Turns the bytes of an attachment (or a bare document) into text for the classifier and the extractors.
///
/// What it reads: PDF (the text layer via poppler's `pdftotext`, the embedded files via `pdfdetach`, both in
/// subprocesses with a time and memory limit), DOCX and XLSX (ZIP with a cap on the decompressed size), XML
/// (libxml2, no external entities), HTML, CSV (delimiter and charset sniffed) and plain text in any charset.
/// The content type is checked against the bytes: a PDF or an office file labelled `application/octet-stream`
/// or mislabelled as something else is read for what it is.
///
/// Never throws and never hangs: whatever cannot be read gives `method: "none"` and a warning saying why.
/// It blocks while a helper program runs (up to `limits.seconds`); call it off the main actor.
public enum DocumentReader {
    public static func read(_ data: Data, filename: String?, contentType: String,
                            limits: DocumentLimits = .standard, meter: MessageBudgetMeter? = nil) -> DocumentText {
        read(data, filename: filename, contentType: contentType, limits: limits, pdfTools: .poppler, meter: meter)
    }

    /// `meter`: the budget of the mail the document came with; the HTML and XML it takes are charged to it,
    /// and a document whose XML does not fit in what is left is not read (the overrun is recorded).
    package static func read(_ data: Data, filename: String?, contentType: String, limits: DocumentLimits,
                     pdfTools: PDFText.Tools, meter: MessageBudgetMeter? = nil) -> DocumentText {
        let (declared, charset) = splitContentType(contentType)
        if data.isEmpty {
            return DocumentText(filename: filename, contentType: declared.isEmpty ? "application/octet-stream" : declared,
                                text: "", method: "none", warnings: ["the document is empty (0 bytes)"])
        }
        let format = detectFormat(data, filename: filename, declared: declared)
        var document = DocumentText(filename: filename, contentType: format.contentType, text: "", method: "none")
        if let note = format.note { document.warnings.append(note) }

        switch format.kind {
        case .pdf:
            let pdf = PDFText.read(data, limits: limits, tools: pdfTools)
            document.text = pdf.text
            document.method = pdf.textRead ? "pdftotext" : "none"
            document.needsOCR = pdf.needsOCR
            document.warnings += pdf.warnings
            document.embeddedFiles = pdf.embeddedFiles
        case .docx, .xlsx:
            let xmlLeft = meter?.xmlBytesLeft ?? Int.max
            let zipLimit = min(limits.decompressedBytes, xmlLeft)
            var zip: BoundedZIP?
            defer { if let zip { meter?.addXMLBytes(zip.limit - zip.remainingBytes) } }
            do {
                let opened = try BoundedZIP(data: data, decompressedLimit: zipLimit)
                zip = opened
                if format.kind == .docx {
                    let result = try WordprocessingText.read(opened)
                    document.text = result.text
                    document.warnings += result.warnings
                    document.method = "docx"
                } else {
                    let result = try SpreadsheetText.read(opened, maxCharacters: limits.textCharacters)
                    document.text = result.text
                    document.warnings += result.warnings
                    document.method = "xlsx"
                    if result.truncated {
                        document.warnings.append("the workbook's text is longer than \(limits.textCharacters) characters; only the first part was read")
                    }
                }
            } catch {
                let what = format.kind == .docx ? "Word document" : "Excel workbook"
                if case .decompressedTooLarge = error, zipLimit < limits.decompressedBytes, let meter {
                    let name = filename.map { "\"\($0)\"" } ?? "a \(what)"
                    meter.over("xml", "over budget: \(name) holds more XML than the \(MessageBudget.bytes(xmlLeft)) left of "
                        + "the mail's XML budget (limit \(MessageBudget.bytes(meter.budget.xmlBytes))) — it was not read")
                    document.warnings.append("the \(what) was not read: its XML is larger than what is left of the message budget")
                } else {
                    document.warnings.append("the \(what) could not be read: \(error)")
                }
            }
        case .xml:
            if let meter, data.count > meter.xmlBytesLeft {
                let name = filename.map { "\"\($0)\"" } ?? "an XML attachment"
                meter.over("xml", "over budget: \(name) is \(MessageBudget.bytes(data.count)) of XML, more than the "
                    + "\(MessageBudget.bytes(meter.xmlBytesLeft)) left of the mail's XML budget (limit "
                    + "\(MessageBudget.bytes(meter.budget.xmlBytes))) — it was not read")
                document.warnings.append("the XML was not read: it is larger than what is left of the message budget")
                break
            }
            meter?.addXMLBytes(data.count)
            do {
                let xml = try MarkupDocument(xml: data)
                document.text = xml.root.map { xmlText($0, maxCharacters: limits.textCharacters) } ?? ""
                document.method = "xml"
            } catch {
                document.warnings.append("the XML could not be parsed (\(error)); it was read as plain text")
                let decoded = PlainDocumentText.decode(data, declared: charset)
                document.text = decoded.text
                document.method = "text"
            }
        case .html:
            var html = data
            if let meter {
                let allowed = meter.takeHTML(data.count)
                if allowed < data.count {
                    html = Data(data.prefix(allowed))
                    document.warnings.append("the HTML was cut at \(MessageBudget.bytes(allowed)) (message budget)")
                }
            }
            document.text = html.isEmpty ? "" : HTMLText.plainText(fromHTML: html, charset: charset)
            document.method = "html"
        case .csv:
            let decoded = PlainDocumentText.decode(data, declared: charset)
            document.warnings += decoded.warnings
            let table = DelimitedText.text(of: decoded.text, maxCharacters: limits.textCharacters)
            document.text = table.text
            document.method = "csv"
            if table.truncated {
                document.warnings.append("the table's text is longer than \(limits.textCharacters) characters; only the first part was read")
            }
        case .rtf:
            document.text = RTFText.plainText(fromRTF: [UInt8](data))
            document.method = "rtf"
        case .text:
            let decoded = PlainDocumentText.decode(data, declared: charset)
            document.text = decoded.text.replacingOccurrences(of: "\r\n", with: "\n")
            document.warnings += decoded.warnings
            document.method = "text"
        case .image:
            break  // logos and photos: no text, and no warning (they are everywhere in mail)
        case .unsupported(let why):
            document.warnings.append(why)
        }

        if document.text.count > limits.textCharacters {
            document.text = String(document.text.prefix(limits.textCharacters))
            document.warnings.append("the text was cut at \(limits.textCharacters) characters")
        }
        return document
    }

    // MARK: - What the bytes are

    package enum Kind: Equatable {
        case pdf, docx, xlsx, xml, html, csv, rtf, text, image
        case unsupported(String)
    }

    package struct Format {
        package var kind: Kind
        package var contentType: String
        /// Set when the bytes contradicted the declared type.
        package var note: String?
    }

    package static func splitContentType(_ raw: String) -> (type: String, charset: String?) {
        let parts = raw.split(separator: ";", omittingEmptySubsequences: false)
        let type = (parts.first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            charset = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        }
        return (type, charset)
    }

    package static let wordTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-word.document.macroenabled.12",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
    ]
    package static let spreadsheetTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-excel.sheet.macroenabled.12",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
    ]
    package static let csvTypes: Set<String> = [
        "text/csv", "text/comma-separated-values", "application/csv", "text/x-csv", "application/x-csv",
        "text/x-comma-separated-values", "text/tab-separated-values", "text/tsv",
    ]

    package static func detectFormat(_ data: Data, filename: String?, declared: String) -> Format {
        let ext = filename.flatMap(ContentSniffing.fileExtension)
        let magic = data.withUnsafeBytes { ContentSniffing.magicType($0) }
        let zipFlavour = magic == "application/zip" ? data.withUnsafeBytes { ContentSniffing.zipFlavour($0) } : nil

        func kind(of type: String) -> Kind? {
            if type == "application/pdf" || type == "application/x-pdf" || type == "application/acrobat" { return .pdf }
            if wordTypes.contains(type) { return .docx }
            if spreadsheetTypes.contains(type) { return .xlsx }
            if csvTypes.contains(type) { return .csv }
            if type == "text/html" || type == "application/xhtml+xml" { return .html }
            if type == "application/xml" || type == "text/xml" || type.hasSuffix("+xml") && type != "image/svg+xml" { return .xml }
            if type == "application/rtf" || type == "text/rtf" { return .rtf }
            if type.hasPrefix("image/") { return .image }
            if type.hasPrefix("text/") || type == "application/json" || type == "message/rfc822" || type == "application/x-yaml"
                || type == "message/delivery-status" || type == "text/rfc822-headers" { return .text }
            return nil
        }

        // Strong evidence in the bytes wins over the label: PDF and office containers are often sent as
        // application/octet-stream or with a wrong type.
        if magic == "application/pdf" {
            return Format(kind: .pdf, contentType: "application/pdf",
                          note: declaredMismatch(declared, actual: "application/pdf", kindOfDeclared: kind(of: declared), expected: .pdf))
        }
        if magic == "application/zip" {
            var type = zipFlavour
            if type == nil, let ext, let byName = ContentSniffing.extensionTypes[ext], wordTypes.contains(byName) || spreadsheetTypes.contains(byName) {
                type = byName
            }
            if type == nil, wordTypes.contains(declared) || spreadsheetTypes.contains(declared) { type = declared }
            if let type, let k = kind(of: type), k == .docx || k == .xlsx {
                return Format(kind: k, contentType: type,
                              note: declaredMismatch(declared, actual: type, kindOfDeclared: kind(of: declared), expected: k))
            }
            return Format(kind: .unsupported("a ZIP archive (\(type ?? "no office document inside")) is not read; only DOCX and XLSX are"),
                          contentType: type ?? "application/zip")
        }
        if let magic, magic.hasPrefix("image/") { return Format(kind: .image, contentType: magic) }
        if let magic, magic == "application/x-ole-storage" || magic == "application/gzip" || magic == "application/vnd.rar"
            || magic == "application/x-7z-compressed" || magic == "application/ms-tnef" {
            let what = magic == "application/x-ole-storage" ? "an old binary Office file (.doc/.xls): ask the sender for DOCX/XLSX or PDF"
                : "an archive or container (\(magic)) is not unpacked"
            return Format(kind: .unsupported("no text was read: \(what)"), contentType: magic)
        }
        // CSV files travel as text/plain, application/vnd.ms-excel (Windows' registration for .csv), or octet-stream.
        if magic == nil, let ext, ext == "csv" || ext == "tsv", kind(of: declared) != .html, kind(of: declared) != .xml,
           PlainDocumentText.looksLikeText(data) {
            return Format(kind: .csv, contentType: ext == "tsv" ? "text/tab-separated-values" : "text/csv")
        }
        if !ContentSniffing.isGeneric(declared), let k = kind(of: declared) {
            // A declared PDF or office type whose bytes are something else: say so and read what is there.
            if k == .pdf || k == .docx || k == .xlsx {
                if PlainDocumentText.looksLikeText(data) {
                    return Format(kind: .text, contentType: "text/plain",
                                  note: "declared as \(declared) but the bytes are not one (no \(k == .pdf ? "%PDF header" : "ZIP container")); read as plain text")
                }
                return Format(kind: .unsupported("declared as \(declared) but the bytes are not one (no \(k == .pdf ? "%PDF header" : "ZIP container")); no text was read"),
                              contentType: declared)
            }
            // text/plain with XML or HTML content stays text/plain: the sender chose to show it as text.
            if k == .text, magic == "application/xml", let ext, ext == "xml" { return Format(kind: .xml, contentType: "application/xml") }
            return Format(kind: k, contentType: declared)
        }
        // Generic or unknown declared type: the magic, then the file name.
        if magic == "application/xml" { return Format(kind: .xml, contentType: "application/xml") }
        if magic == "text/html" { return Format(kind: .html, contentType: "text/html") }
        if magic == "application/rtf" { return Format(kind: .rtf, contentType: "application/rtf") }
        if let ext, let byName = ContentSniffing.extensionTypes[ext], let k = kind(of: byName), k != .pdf, k != .docx, k != .xlsx {
            if k == .image { return Format(kind: .image, contentType: byName) }
            if PlainDocumentText.looksLikeText(data) { return Format(kind: k, contentType: byName) }
        }
        if PlainDocumentText.looksLikeText(data) {
            return Format(kind: .text, contentType: ContentSniffing.isGeneric(declared) ? "text/plain" : declared)
        }
        return Format(kind: .unsupported("no text reader for \(declared.isEmpty ? "this content" : declared)"),
                      contentType: declared.isEmpty ? "application/octet-stream" : declared)
    }

    private static func declaredMismatch(_ declared: String, actual: String, kindOfDeclared: Kind?, expected: Kind) -> String? {
        if ContentSniffing.isGeneric(declared) || declared == actual || kindOfDeclared == expected { return nil }
        return "declared as \(declared) but the bytes are \(actual); read as such"
    }

    // MARK: - XML as text

    /// XML as readable lines: every element with text of its own gives "Name: text" (local name), in
    /// document order. Enough for the classifier to see an invoice in UBL or CII; the e-invoice reader
    /// reads the structure itself.
    package static func xmlText(_ root: MarkupNode, maxCharacters: Int) -> String {
        var lines: [String] = []
        var characters = 0
        var stack: [(MarkupNode, Int)] = [(root, 0)]
        while let item = stack.popLast() {
            let (node, depth) = item
            var own = ""
            for child in node.children where child.kind == .text || child.kind == .cdata {
                own += child.text
            }
            let trimmed = own.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !trimmed.isEmpty {
                let line = "\(node.name): \(trimmed)"
                characters += line.count + 1
                if characters > maxCharacters { break }
                lines.append(line)
            }
            if depth < 256 {
                for child in node.childElements.reversed() { stack.append((child, depth + 1)) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
