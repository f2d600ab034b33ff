import Foundation
import Vocabulary
#if canImport(Glibc)
import Glibc
#endif

/// The text layer and the embedded files of a PDF, read by poppler's `pdftotext` and `pdfdetach` in
/// subprocesses (a crash or a runaway parse in poppler cannot take the daemon with it).
///
/// The PDF is written to a private scratch folder under a name Mailroom chooses; the programs get that path
/// as an argument. Their output files are written there too and read back with a size cap.
package struct PDFText {
    /// Where the poppler programs are (names looked up on PATH, or absolute paths; tests point them at fakes).
    package struct Tools {
        package var pdftotext = "pdftotext"
        package var pdfdetach = "pdfdetach"
        package static let poppler = Tools()
    }

    /// At most this many embedded files are extracted from one PDF (a Factur-X PDF has one or two).
    package static let maxEmbeddedFiles = 32

    package struct Result {
        package var text: String
        package var needsOCR: Bool
        package var warnings: [String]
        package var embeddedFiles: [EmbeddedFile]
        /// False when pdftotext gave nothing usable (not installed, failed, timed out).
        package var textRead: Bool
    }

    package static func read(_ data: Data, limits: DocumentLimits, tools: Tools = .poppler) -> Result {
        var result = Result(text: "", needsOCR: false, warnings: [], embeddedFiles: [], textRead: false)
        let scratch: ScratchFolder
        let input: URL
        do {
            scratch = try ScratchFolder()
            input = try scratch.write(data, named: "document.pdf")
        } catch {
            result.warnings.append("the PDF could not be written to a private temporary file: \(error.localizedDescription)")
            return result
        }
        defer { scratch.remove() }
        let deadline = Date().addingTimeInterval(limits.seconds)
        func remaining() -> Double { max(0.05, deadline.timeIntervalSinceNow) }

        // 1. The text layer.
        let textLimit = max(4096, limits.textCharacters * 4 + 4096)
        let textFile = scratch.url.appendingPathComponent("text.txt")
        do {
            let outcome = try LimitedSubprocess.run(
                tools.pdftotext, arguments: ["-layout", "-enc", "UTF-8", input.path, textFile.path],
                workDirectory: scratch.url,
                limits: .init(seconds: remaining(), memoryBytes: limits.memoryBytes, outputBytes: textLimit))
            let (bytes, truncated) = LimitedSubprocess.readPrefix(of: textFile, maxBytes: textLimit)
            if outcome.succeeded || (outcome.signalled && outcome.status == SIGXFSZ) {
                result.textRead = true
                var pages = 0
                result.text = tidyLayoutText(String(decoding: bytes, as: UTF8.self), pages: &pages)
                if truncated || !outcome.succeeded {
                    result.warnings.append("the PDF's text is longer than the limit; only the first part was read")
                }
                let visible = result.text.unicodeScalars.reduce(into: 0) { n, s in
                    if !s.properties.isWhitespace { n += 1 }
                }
                if visible < 5 * max(1, pages) {
                    result.needsOCR = true
                    result.warnings.append(pages > 1
                        ? "the PDF has \(pages) pages but no text layer (a scan or an image): Mailroom cannot read it without OCR; a person must read it in review, or ask the sender for a text PDF or the e-invoice XML"
                        : "the PDF has no text layer (a scan or an image): Mailroom cannot read it without OCR; a person must read it in review, or ask the sender for a text PDF or the e-invoice XML")
                }
            } else if outcome.stderr.localizedCaseInsensitiveContains("password") {
                result.warnings.append("the PDF is encrypted with a password, so its text cannot be read; ask the sender for an unprotected copy")
            } else {
                result.warnings.append("the PDF's text could not be read: " + outcome.failure(
                    program: "pdftotext", limits: .init(seconds: limits.seconds, memoryBytes: limits.memoryBytes, outputBytes: textLimit)))
            }
        } catch {
            result.warnings.append("the PDF's text could not be read: \(error)")
            return result  // not installed: pdfdetach is missing too
        }

        // 2. Embedded files (PDF/A-3 attachments such as a Factur-X invoice's XML).
        guard deadline.timeIntervalSinceNow > 0 else {
            result.warnings.append("no time was left to look for files embedded in the PDF (limit \(LimitedSubprocess.seconds(limits.seconds)))")
            return result
        }
        let listLimits = LimitedSubprocess.Limits(seconds: remaining(), memoryBytes: limits.memoryBytes, outputBytes: 1 << 20)
        let listing: LimitedSubprocess.Outcome
        do {
            listing = try LimitedSubprocess.run(tools.pdfdetach, arguments: ["-list", "-enc", "UTF-8", input.path],
                                                workDirectory: scratch.url, limits: listLimits)
        } catch {
            result.warnings.append("files embedded in the PDF could not be listed: \(error)")
            return result
        }
        guard listing.succeeded else {
            // An encrypted or damaged PDF: pdftotext has already said so.
            if result.textRead {
                result.warnings.append("files embedded in the PDF could not be listed: " + listing.failure(program: "pdfdetach", limits: listLimits))
            }
            return result
        }
        let names = embeddedNames(inListing: String(decoding: listing.stdout, as: UTF8.self))
        if names.count > maxEmbeddedFiles {
            result.warnings.append("the PDF embeds \(names.count) files; only the first \(maxEmbeddedFiles) were extracted")
        }
        var budget = limits.decompressedBytes
        for (number, name) in names.prefix(maxEmbeddedFiles) {
            guard deadline.timeIntervalSinceNow > 0 else {
                result.warnings.append("no time was left to extract the PDF's embedded file \"\(name)\" (limit \(LimitedSubprocess.seconds(limits.seconds)))")
                break
            }
            guard budget > 0 else {
                result.warnings.append("the PDF's embedded file \"\(name)\" was not extracted: the embedded files together exceed \(limits.decompressedBytes) bytes")
                continue
            }
            let output = scratch.url.appendingPathComponent("embedded-\(number)")
            let saveLimits = LimitedSubprocess.Limits(seconds: remaining(), memoryBytes: limits.memoryBytes, outputBytes: budget)
            do {
                let outcome = try LimitedSubprocess.run(tools.pdfdetach, arguments: ["-save", String(number), "-o", output.path, input.path],
                                                        workDirectory: scratch.url, limits: saveLimits)
                let (bytes, truncated) = LimitedSubprocess.readPrefix(of: output, maxBytes: budget)
                if outcome.succeeded && !truncated {
                    result.embeddedFiles.append(EmbeddedFile(name: name, data: bytes))
                    budget -= bytes.count
                } else if truncated || (outcome.signalled && outcome.status == SIGXFSZ) {
                    result.warnings.append("the PDF's embedded file \"\(name)\" is larger than \(budget) bytes and was not extracted")
                    budget = 0
                } else {
                    result.warnings.append("the PDF's embedded file \"\(name)\" could not be extracted: " + outcome.failure(program: "pdfdetach", limits: saveLimits))
                }
            } catch {
                result.warnings.append("the PDF's embedded file \"\(name)\" could not be extracted: \(error)")
            }
            try? FileManager.default.removeItem(at: output)
        }
        return result
    }

    /// The numbered names in `pdfdetach -list` output ("3 embedded files\n1: factur-x.xml\n…").
    package static func embeddedNames(inListing listing: String) -> [(Int, String)] {
        var names: [(Int, String)] = []
        for line in listing.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":"), let number = Int(line[..<colon].trimmingCharacters(in: .whitespaces)),
                  number > 0 else { continue }
            let name = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            names.append((number, name))
        }
        return names
    }

    /// pdftotext -layout pads lines with spaces and ends each page with a form feed: trailing spaces go, the
    /// form feeds become blank lines, runs of blank lines shrink to one. `pages` is the number of form feeds.
    package static func tidyLayoutText(_ raw: String, pages: inout Int) -> String {
        pages = 0
        var lines: [Substring] = []
        var blank = 0
        for var line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("\u{0C}") {
                pages += line.reduce(0) { $0 + ($1 == "\u{0C}" ? 1 : 0) }
                line = Substring(line.replacingOccurrences(of: "\u{0C}", with: ""))
                if !lines.isEmpty, blank == 0 { lines.append("") ; blank = 1 }
            }
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            if line.isEmpty {
                blank += 1
                if blank > 1 || lines.isEmpty { continue }
            } else {
                blank = 0
            }
            lines.append(line)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
