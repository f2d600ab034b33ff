import Foundation

// What Parse read out of each attachment, stored with the message so later stages never parse raw bytes again.

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
    /// An XML document's own bytes, for readers that need its structure and not only its text (e-invoices).
    public var xml: Data?

    public init(filename: String?, contentType: String, text: String, method: String, needsOCR: Bool = false,
                warnings: [String] = [], embeddedFiles: [EmbeddedFile] = [], xml: Data? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.text = text
        self.method = method
        self.needsOCR = needsOCR
        self.warnings = warnings
        self.embeddedFiles = embeddedFiles
        self.xml = xml
    }

    package enum CodingKeys: String, CodingKey {
        case filename, contentType = "content_type", text, method, needsOCR = "needs_ocr", warnings
        case embeddedFiles = "embedded_files", xml
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

