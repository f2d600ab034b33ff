import Foundation

/// The text of one attachment (or a bare document), as the classifier and the extractors read it.
///
/// `method` says how the text was obtained: "pdftotext", "docx", "xlsx", "csv", "html", "xml", "text", or
/// "none" when no text could be had (an image, an unknown binary, a failure; `warnings` say which).
public struct DocumentText: Sendable, Hashable, Codable {
    public var filename: String?
    /// The content type the text was read as (lower-case, no parameters): the declared one, or the sniffed
    /// one when the declaration said nothing (`application/octet-stream`) or contradicted the bytes.
    public var contentType: String
    public var text: String
    public var method: String
    /// A PDF without a text layer (a scan): its content is unknown until someone (or OCR) reads it.
    public var needsOCR: Bool
    /// What went wrong or was left out, each a sentence an operator can act on.
    public var warnings: [String]
    /// Files embedded in a PDF (PDF/A-3 attachments: the XML of a Factur-X / ZUGFeRD invoice).
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

    package enum CodingKeys: String, CodingKey {
        case filename, contentType = "content_type", text, method, needsOCR = "needs_ocr", warnings
        case embeddedFiles = "embedded_files"
    }
}

/// A file embedded in a document (a PDF's EmbeddedFiles name tree).
public struct EmbeddedFile: Sendable, Hashable, Codable {
    /// The name the document gives it (`factur-x.xml`, `ZUGFeRD-invoice.xml`, `xrechnung.xml`, …).
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// Limits that keep a hostile or broken document from taking the daemon down.
public struct DocumentLimits: Sendable, Hashable {
    /// Wall-clock seconds a helper program (pdftotext, pdfdetach) may run before it is killed.
    public var seconds: Double
    /// Address space a helper program may use (RLIMIT_AS), in bytes.
    public var memoryBytes: Int
    /// Total bytes Mailroom decompresses from one ZIP container (DOCX, XLSX) before refusing it.
    public var decompressedBytes: Int
    /// Characters of text kept per document; the rest is cut off with a warning.
    public var textCharacters: Int

    public init(seconds: Double, memoryBytes: Int, decompressedBytes: Int, textCharacters: Int) {
        self.seconds = seconds
        self.memoryBytes = memoryBytes
        self.decompressedBytes = decompressedBytes
        self.textCharacters = textCharacters
    }

    /// 20 s, 1 GiB of address space, 64 MiB decompressed, one million characters.
    public static let standard = DocumentLimits(seconds: 20, memoryBytes: 1 << 30, decompressedBytes: 64 << 20,
                                                textCharacters: 1_000_000)
}
