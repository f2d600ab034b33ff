import Foundation
import Vocabulary
import Markup

/// The text of an XLSX (Office Open XML spreadsheet): each sheet starts with a line `[Sheet name]`, then one
/// line per non-empty row with the cells separated by tabs, placed in their columns (empty cells keep their
/// place). Numbers are given as the file stores them ("1234.5"), not as formatted on screen; cells with a
/// date format become "YYYY-MM-DD" (with " HH:MM" when they carry a time). Formula cells give their cached
/// value.
package enum SpreadsheetText {
    package struct Result {
        package var text: String
        package var warnings: [String]
        package var truncated: Bool
    }

    /// Columns beyond this are appended without padding (a stray cell at XFD1 must not make 16 384 tabs).
    package static let maxPaddedColumns = 256

    package static func read(_ zip: BoundedZIP, maxCharacters: Int) throws(BoundedZIPError) -> Result {
        var warnings: [String] = []
        guard let workbookData = try zip.read("xl/workbook.xml") else {
            throw .notAZIPArchive("it has no xl/workbook.xml, so it is no Excel workbook")
        }
        func parse(_ path: String, _ data: Data) -> MarkupDocument? {
            do {
                return try MarkupDocument(xml: data)
            } catch {
                warnings.append("\(path) could not be read: \(error)")
                return nil
            }
        }
        // Sheets in workbook order, with their part names from the workbook's relationships.
        var sheets: [(name: String, path: String)] = []
        var date1904 = false
        if let workbook = parse("xl/workbook.xml", workbookData), let root = workbook.root {
            var targets: [String: String] = [:]
            if let relsData = try zip.read("xl/_rels/workbook.xml.rels"), let rels = parse("xl/_rels/workbook.xml.rels", relsData),
               let relsRoot = rels.root {
                for rel in relsRoot.childElements where rel.name == "Relationship" {
                    if let id = rel.attribute("Id"), let target = rel.attribute("Target") { targets[id] = target }
                }
            }
            for section in root.childElements {
                if section.name == "workbookPr", let v = section.attribute("date1904") { date1904 = v == "1" || v == "true" }
                guard section.name == "sheets" else { continue }
                for sheet in section.childElements where sheet.name == "sheet" {
                    let name = sheet.attribute("name") ?? "Sheet"
                    guard let id = sheet.attribute("id"), let target = targets[id] else { continue }
                    sheets.append((name, partPath(target)))
                }
            }
        }
        if sheets.isEmpty {
            // No readable workbook relationships: the sheet parts in name order.
            sheets = zip.paths.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") && !$0.dropFirst(14).contains("/") }
                .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
                .map { (name: String(($0 as NSString).lastPathComponent.dropLast(4)), path: $0) }
        }

        var shared: [String] = []
        if let data = try zip.read("xl/sharedStrings.xml"), let document = parse("xl/sharedStrings.xml", data), let root = document.root {
            for item in root.childElements where item.name == "si" { shared.append(richText(item)) }
        }
        let dateStyles = try dateStyleIndexes(zip, warnings: &warnings)

        var out: [String] = []
        var characters = 0
        var truncated = false
        sheetLoop: for sheet in sheets {
            guard let data = try zip.read(sheet.path) else {
                warnings.append("sheet \"\(sheet.name)\" (\(sheet.path)) is missing from the archive")
                continue
            }
            guard let document = parse(sheet.path, data), let root = document.root else { continue }
            if !out.isEmpty { out.append("") }
            out.append("[\(sheet.name)]")
            guard let sheetData = root.childElements.first(where: { $0.name == "sheetData" }) else { continue }
            for row in sheetData.childElements where row.name == "row" {
                var cells: [String] = []
                var nextColumn = 0
                for cell in row.childElements where cell.name == "c" {
                    let column = cell.attribute("r").flatMap(columnIndex) ?? nextColumn
                    let value = cellText(cell, shared: shared, dateStyles: dateStyles, date1904: date1904)
                    nextColumn = max(nextColumn, column) + 1
                    guard !value.isEmpty else { continue }
                    if column < maxPaddedColumns {
                        while cells.count < column { cells.append("") }
                    }
                    cells.append(value.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r\n", with: " ")
                        .replacingOccurrences(of: "\n", with: " "))
                }
                guard !cells.isEmpty else { continue }
                let line = cells.joined(separator: "\t")
                characters += line.count + 1
                if characters > maxCharacters {
                    truncated = true
                    break sheetLoop
                }
                out.append(line)
            }
        }
        return Result(text: out.joined(separator: "\n"), warnings: warnings, truncated: truncated)
    }

    /// "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" (absolute) → archive path.
    package static func partPath(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = ["xl"]
        for part in target.split(separator: "/") {
            if part == ".." { if !components.isEmpty { components.removeLast() } } else if part != "." { components.append(String(part)) }
        }
        return components.joined(separator: "/")
    }

    /// "C12" → 2 (zero-based column), nil when the reference has no letters.
    package static func columnIndex(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for u in reference.utf8 {
            guard (u >= 65 && u <= 90) || (u >= 97 && u <= 122) else { break }
            column = column * 26 + Int((u & ~0x20) - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    /// A shared or inline string: the text runs, without phonetic guides (`rPh`).
    package static func richText(_ item: MarkupNode) -> String {
        var out = ""
        for child in item.childElements {
            switch child.name {
            case "t": out += child.text
            case "r": out += child.childElements.filter { $0.name == "t" }.map(\.text).joined()
            default: continue
            }
        }
        return out
    }

    package static func cellText(_ cell: MarkupNode, shared: [String], dateStyles: Set<Int>, date1904: Bool) -> String {
        let type = cell.attribute("t") ?? "n"
        let value = cell.childElements.first(where: { $0.name == "v" })?.text
        switch type {
        case "s":
            guard let value, let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0, index < shared.count else { return "" }
            return shared[index]
        case "inlineStr":
            return cell.childElements.first(where: { $0.name == "is" }).map(richText) ?? ""
        case "b":
            return value == "1" ? "TRUE" : value == "0" ? "FALSE" : (value ?? "")
        case "str", "e", "d":
            return value ?? ""
        default:
            guard let value else { return "" }
            if let style = cell.attribute("s").flatMap({ Int($0) }), dateStyles.contains(style), let serial = Double(value),
               let date = dateText(serial: serial, date1904: date1904) {
                return date
            }
            return value
        }
    }

    /// Excel's serial day numbers as "YYYY-MM-DD" (and " HH:MM" when there is a time of day). The 1900 system
    /// counts a 29 February 1900 that never was (serial 60), as Excel does.
    package static func dateText(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        var days = Int(serial.rounded(.down))
        let minutes = Int(((serial - Double(days)) * 1440).rounded())
        var minuteOfDay = minutes
        if minuteOfDay >= 1440 { days += 1; minuteOfDay -= 1440 }
        // Days from 1970-01-01.
        let epochOffset: Int
        if date1904 {
            epochOffset = days - 24_107           // 1904-01-01 is serial 0
        } else if days >= 61 {
            epochOffset = days - 25_569           // 1899-12-30 + serial
        } else if days >= 1 {
            epochOffset = days - 25_568           // before the phantom 1900-02-29
        } else {
            return nil
        }
        let (y, m, d) = MillisecondTime.civilDate(daysSinceEpoch: Int64(epochOffset))
        let date = String(format: "%04ld-%02ld-%02ld", y, m, d)
        if minuteOfDay == 0 { return date }
        return date + String(format: " %02ld:%02ld", minuteOfDay / 60, minuteOfDay % 60)
    }

    /// Indexes into `cellXfs` whose number format shows a date.
    package static func dateStyleIndexes(_ zip: BoundedZIP, warnings: inout [String]) throws(BoundedZIPError) -> Set<Int> {
        guard let data = try zip.read("xl/styles.xml") else { return [] }
        let document: MarkupDocument
        do {
            document = try MarkupDocument(xml: data)
        } catch {
            warnings.append("xl/styles.xml could not be read (dates show as day numbers): \(error)")
            return []
        }
        guard let root = document.root else { return [] }
        var dateFormats: Set<Int> = Set(14...22).union([27, 30, 36, 45, 46, 47, 50, 57])
        dateFormats.subtract([18, 19, 20, 21, 45, 46, 47])  // times of day only: leave as numbers
        for section in root.childElements where section.name == "numFmts" {
            for format in section.childElements where format.name == "numFmt" {
                guard let id = format.attribute("numFmtId").flatMap({ Int($0) }), let code = format.attribute("formatCode") else { continue }
                if isDateFormat(code) { dateFormats.insert(id) } else { dateFormats.remove(id) }
            }
        }
        var styles: Set<Int> = []
        for section in root.childElements where section.name == "cellXfs" {
            for (index, xf) in section.childElements.filter({ $0.name == "xf" }).enumerated() {
                if let id = xf.attribute("numFmtId").flatMap({ Int($0) }), dateFormats.contains(id) { styles.insert(index) }
            }
        }
        return styles
    }

    /// Whether a custom number format shows a calendar date: it has a day or year code outside quotes,
    /// brackets and escapes ("dd.mm.yyyy", "yyyy-mm-dd hh:mm", "[$-407]d. mmmm yyyy").
    package static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": if !inQuote { inBracket = false }
            case "d", "y":
                if !inQuote && !inBracket { return true }
            case ";":
                if !inQuote { return false }  // only the first section decides
            default: continue
            }
        }
        return false
    }
}
