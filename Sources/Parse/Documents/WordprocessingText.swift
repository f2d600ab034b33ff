import Foundation
import Markup

/// The text of a DOCX (Office Open XML word-processing document): the headers, the body and footnotes, and
/// the footers, in that order. Paragraphs become lines; a table row becomes one line with its cells
/// separated by tabs; tracked deletions and field codes are left out. Elements are matched by local name,
/// so both the transitional and the strict OOXML namespaces are read.
package enum WordprocessingText {
    package struct Result {
        package var text: String
        package var warnings: [String]
    }

    package static func read(_ zip: BoundedZIP) throws(BoundedZIPError) -> Result {
        var warnings: [String] = []
        guard zip.contains("word/document.xml") else {
            throw .notAZIPArchive("it has no word/document.xml, so it is no Word document")
        }
        func parts(_ prefix: String) -> [String] {
            zip.paths.filter { $0.hasPrefix("word/\(prefix)") && $0.hasSuffix(".xml") && !$0.dropFirst(5).contains("/") }
                .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        }
        var sections: [String] = []
        var seen: Set<String> = []
        func add(_ path: String) throws(BoundedZIPError) {
            guard let data = try zip.read(path) else { return }
            do {
                let document = try MarkupDocument(xml: data)
                guard let root = document.root else { return }
                var lines: [String] = []
                collectBlocks(root, into: &lines, depth: 0)
                let text = OfficeText.joinLines(lines)
                // First-page, even and default headers are often identical: keep one.
                if !text.isEmpty, seen.insert(text).inserted { sections.append(text) }
            } catch {
                warnings.append("\(path) could not be read: \(error)")
            }
        }
        for path in parts("header") { try add(path) }
        try add("word/document.xml")
        for path in parts("footnotes") + parts("endnotes") { try add(path) }
        for path in parts("footer") { try add(path) }
        return Result(text: sections.joined(separator: "\n\n"), warnings: warnings)
    }

    /// Block-level content: paragraphs, tables, and containers of them (body, content controls, text boxes).
    package static func collectBlocks(_ node: MarkupNode, into lines: inout [String], depth: Int) {
        guard depth < 200 else { return }
        for child in node.childElements {
            switch child.name {
            case "p":
                var extra: [String] = []
                lines.append(paragraphText(child, textBoxes: &extra, depth: depth + 1))
                lines.append(contentsOf: extra)
            case "tbl":
                for row in child.childElements where row.name == "tr" {
                    let cells = row.childElements.filter { $0.name == "tc" || $0.name == "sdt" }.map { cell -> String in
                        var cellLines: [String] = []
                        collectBlocks(cell, into: &cellLines, depth: depth + 1)
                        return cellLines.filter { !$0.isEmpty }.joined(separator: " ")
                            .replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                    }
                    if cells.contains(where: { !$0.isEmpty }) { lines.append(cells.joined(separator: "\t")) }
                }
            case "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "delText", "instrText":
                continue
            default:
                collectBlocks(child, into: &lines, depth: depth + 1)
            }
        }
    }

    /// The text of one paragraph: runs' text, tabs, line breaks. Text boxes anchored in the paragraph are
    /// returned separately (they are blocks of their own).
    package static func paragraphText(_ paragraph: MarkupNode, textBoxes: inout [String], depth: Int) -> String {
        var out = ""
        func walk(_ node: MarkupNode, depth: Int) {
            guard depth < 200 else { return }
            for child in node.childElements {
                switch child.name {
                case "t": out += child.text
                case "tab": out += "\t"
                case "br", "cr": out += "\n"
                case "noBreakHyphen": out += "-"
                case "softHyphen": continue
                case "pPr", "rPr", "delText", "instrText", "del", "fldData", "moveFrom": continue
                case "txbxContent":
                    var lines: [String] = []
                    collectBlocks(child, into: &lines, depth: depth + 1)
                    textBoxes.append(contentsOf: lines)
                case "fallback", "Fallback":
                    continue  // mc:AlternateContent repeats the text box for old readers
                default: walk(child, depth: depth + 1)
                }
            }
        }
        walk(paragraph, depth: depth)
        return out
    }
}

/// Small text helpers shared by the office readers.
package enum OfficeText {
    /// Lines joined with newlines; trailing whitespace trimmed; runs of blank lines become one.
    package static func joinLines(_ lines: [String]) -> String {
        var out: [String] = []
        var blank = true
        for raw in lines {
            var line = Substring(raw)
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            if line.isEmpty {
                if blank { continue }
                blank = true
            } else {
                blank = false
            }
            out.append(String(line))
        }
        while let last = out.last, last.isEmpty { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
