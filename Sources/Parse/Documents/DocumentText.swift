import Foundation

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
