import Foundation

/// Columns padded to the widest cell (in terminal columns: CJK characters count two), cut with "…"
/// at a column's maximum width.
package struct FixedWidthTable {
    package var header: [String]
    package var rows: [[String]]
    package var rightAligned: Set<Int>
    package var maxWidths: [Int?]

    package init(header: [String], rows: [[String]], rightAligned: Set<Int>, maxWidths: [Int?]) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
        self.maxWidths = maxWidths
    }

    /// `wide`: no column is cut (`--wide` on the command line); the caps in `maxWidths` are ignored.
    package func render(wide: Bool = false) -> String {
        let cells = ([header] + rows).map { row in row.map(FixedWidthTable.clean) }
        var widths = header.map { _ in 0 }
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], FixedWidthTable.displayWidth(cell))
            }
        }
        for i in widths.indices where !wide {
            if i < maxWidths.count, let cap = maxWidths[i] { widths[i] = min(widths[i], cap) }
        }
        var out = ""
        for (r, row) in cells.enumerated() {
            var line = ""
            for (i, raw) in row.enumerated() where i < widths.count {
                let cell = FixedWidthTable.truncate(raw, to: widths[i])
                let fill = String(repeating: " ", count: max(0, widths[i] - FixedWidthTable.displayWidth(cell)))
                let isLast = i == widths.count - 1
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? fill + cell : (isLast ? cell : cell + fill)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
            if r == 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }

    /// Control characters (terminal escapes among them) become spaces, so a cell cannot move the cursor.
    package static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            out.append(v < 0x20 || (0x7F...0x9F).contains(v) ? " " : scalar)
        }
        return String(out)
    }

    package static func truncate(_ s: String, to width: Int) -> String {
        guard displayWidth(s) > width else { return s }
        var out = ""
        var used = 0
        for ch in s {
            let w = characterWidth(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    package static func displayWidth(_ s: String) -> Int {
        s.reduce(0) { $0 + characterWidth($1) }
    }

    /// Terminal columns of one character: 2 for East Asian wide and fullwidth characters and emoji, else 1.
    package static func characterWidth(_ ch: Character) -> Int {
        guard let v = ch.unicodeScalars.first?.value else { return 0 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
