import Foundation

// TEMPORARY PLACEHOLDER — the `documents` branch owns these names (CONTRACTS.md, "Documents"). This file
// exists only so the understand branch compiles before that branch is merged into main; it is deleted at
// the merge. It reads only what needs no subprocess: plain text, CSV, HTML (through HTMLText) and XML as
// text. Every other document is reported with method "none".

public struct DocumentText: Sendable, Hashable, Codable {
    public var filename: String?
    public var contentType: String
    public var text: String
    public var method: String
    public var needsOCR: Bool
    public var warnings: [String]
    public var embeddedFiles: [EmbeddedFile]

    public init(filename: String?, contentType: String, text: String, method: String, needsOCR: Bool = false,
                warnings: [String] = [], embeddedFiles: [EmbeddedFile] = []) {
        self.filename = filename
        self.contentType = contentType
        self.text = text
        self.method = method
        self.needsOCR = needsOCR
        self.warnings = warnings
        self.embeddedFiles = embeddedFiles
    }
}

public struct EmbeddedFile: Sendable, Hashable, Codable {
    public var name: String
    public var data: Data
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

public struct DocumentLimits: Sendable {
    public var seconds: Double
    public var memoryBytes: Int
    public var decompressedBytes: Int
    public var textCharacters: Int
    public static let standard = DocumentLimits(seconds: 20, memoryBytes: 512 << 20, decompressedBytes: 64 << 20,
                                                textCharacters: 2_000_000)
}

public enum DocumentReader {
    public static func read(_ data: Data, filename: String?, contentType: String,
                            limits: DocumentLimits = .standard) -> DocumentText {
        let lower = (filename ?? "").lowercased()
        let text = String(decoding: data.prefix(limits.textCharacters), as: UTF8.self)
        if contentType == "text/html" || lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            return DocumentText(filename: filename, contentType: contentType, text: HTMLText.plainText(fromHTML: data, charset: nil), method: "html")
        }
        if contentType.hasSuffix("xml") || lower.hasSuffix(".xml") {
            return DocumentText(filename: filename, contentType: contentType, text: text, method: "xml")
        }
        if contentType == "text/csv" || lower.hasSuffix(".csv") {
            return DocumentText(filename: filename, contentType: contentType, text: text, method: "csv")
        }
        if contentType.hasPrefix("text/") {
            return DocumentText(filename: filename, contentType: contentType, text: text, method: "text")
        }
        return DocumentText(filename: filename, contentType: contentType, text: "", method: "none",
                            warnings: ["no reader for \(contentType) yet (pending the documents branch)"])
    }
}

public struct EInvoice: Sendable, Hashable {
    public var syntax: String
    public var guideline: String?
    public var fields: [String: FieldValue]
    public var problems: [String]
    public init(syntax: String, guideline: String?, fields: [String: FieldValue], problems: [String]) {
        self.syntax = syntax
        self.guideline = guideline
        self.fields = fields
        self.problems = problems
    }
}

public enum EInvoiceReader {
    public static func read(xml: Data) -> EInvoice? { nil }
    public static func disagreements(_ invoice: EInvoice, pdfText: String) -> [String] { [] }
}
