import Foundation
import Vocabulary
import Ingest
import Decide
#if canImport(Glibc)
import Glibc
#endif

/// `type: file` — for systems that only import files: append a row to a CSV file, or write a JSON document.
///
/// Connector file keys: `directory` (required; absolute, or relative to the connector file — every file the
/// connector writes stays inside it), `key_column` (default `mailroom_key`), `delimiter` (default `,`; `;`
/// for spreadsheets set up for German or French), `columns` (the default column order), `formula_guard`
/// (default true: a text cell starting with `=`, `+`, `-`, `@` is prefixed with `'` so a spreadsheet does not
/// run it as a formula; numbers are left alone).
///
/// Actions:
/// - `append_csv` — `file` (name inside `directory`, may hold `{date}`, `{year}`, `{month}`), `values`
///   (object: column → value), `columns` (optional order). The header (key column first) is written once,
///   when the file is new; later rows follow the header found in the file, and a value for a column the file
///   does not have is refused. Cells are quoted as RFC 4180 says.
/// - `write_json` — `file` (a name that should hold `{key}`; when it does not, `-<key>` is put before the
///   extension), `document` (any JSON). Written atomically: a temporary file in the same folder, fsync,
///   rename, fsync of the folder.
///
/// Exactly-once: a CSV row carries the idempotency key in its key column, and before appending (and in
/// `earlierResult`) the file is searched for it under an exclusive lock; a JSON document's name carries the
/// key, so an existing file is the earlier result. A row cut short by a crash (no final newline) is removed
/// before the next append — it was never reported as written.
public struct FileConnector: Connector {
    public let name: String
    public var type: String { "file" }
    public let directory: URL
    public let keyColumn: String
    public let delimiter: Character
    public let defaultColumns: [String]?
    public let formulaGuard: Bool

    public var actions: [ConnectorActionSpec] {
        [ConnectorActionSpec(name: "append_csv", requiredParameters: ["file", "values"], optionalParameters: ["columns"],
                             summary: "append one row to a CSV file (header once, key column for exactly-once)"),
         ConnectorActionSpec(name: "write_json", requiredParameters: ["file", "document"],
                             summary: "write a JSON document atomically under a name carrying the idempotency key")]
    }

    public init(name: String, directory: URL, keyColumn: String = "mailroom_key", delimiter: Character = ",",
                columns: [String]? = nil, formulaGuard: Bool = true) {
        self.name = name
        self.directory = directory
        self.keyColumn = keyColumn
        self.delimiter = delimiter
        self.defaultColumns = columns
        self.formulaGuard = formulaGuard
    }

    package static func read(name: String, from reader: inout ConnectorFileReader) -> FileConnector? {
        let directory = reader.requiredString("directory", example: "/var/lib/mailroom/exports")
        let keyColumn = reader.string("key_column") ?? "mailroom_key"
        let delimiterText = reader.string("delimiter") ?? ","
        if delimiterText.count != 1 || ["\"", "\n", "\r"].contains(delimiterText) {
            reader.problem(reader.node("delimiter"), "`delimiter` must be one character other than a quote or line break, such as , or ;")
        }
        let columns = reader.stringList("columns")
        var guardFormulas = true
        if let n = reader.node("formula_guard") {
            guard let b = n.scalar.flatMap({ Bool.construct(from: $0) }) else {
                reader.problem(n, "`formula_guard` must be true or false")
                return nil
            }
            guardFormulas = b
        }
        guard let directory else { return nil }
        return FileConnector(name: name, directory: reader.path(relativeToConnectorFile: directory), keyColumn: keyColumn,
                             delimiter: delimiterText.first ?? ",", columns: columns, formulaGuard: guardFormulas)
    }

    // MARK: - Connector

    public func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        let p = action.action.parameters
        switch action.action.action {
        case "append_csv":
            let target = try resolve(p["file"], key: action.idempotencyKey)
            guard let values = p["values"]?.objectValue else {
                throw ConnectorError.permanent("\(name): `values` must be an object of column → value")
            }
            let order = p["columns"]?.arrayValue?.compactMap(\.stringValue) ?? defaultColumns
            return try BlockingFile.appendRow(self, to: target, key: action.idempotencyKey, values: values, order: order)
        case "write_json":
            let target = try resolve(p["file"], key: action.idempotencyKey, mustCarryKey: true)
            guard let document = p["document"], !document.isNull else {
                throw ConnectorError.permanent("\(name): `document` is missing")
            }
            return try writeJSON(document, to: target, key: action.idempotencyKey)
        default:
            throw ConnectorError.permanent("connector \(name) has no action '\(action.action.action)' (it offers: append_csv, write_json)")
        }
    }

    public func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        let p = action.action.parameters
        switch action.action.action {
        case "append_csv":
            let target = try resolve(p["file"], key: action.idempotencyKey)
            guard FileManager.default.fileExists(atPath: target.path) else { return nil }
            let fd = open(target.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { throw ConnectorError.transient("\(name): cannot open \(target.path): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            flock(fd, LOCK_SH)
            let records = CSVText.records(try BlockingFile.readAll(fd, path: target.path), delimiter: delimiter)
            guard let row = findRow(records, key: action.idempotencyKey) else { return nil }
            return ConnectorResult(captured: ["file": .string(target.path), "row": .int(Int64(row))],
                                   request: ["file": .string(target.path), "key": .string(action.idempotencyKey)],
                                   response: ["found_row": .int(Int64(row))], foundEarlierResult: true)
        case "write_json":
            let target = try resolve(p["file"], key: action.idempotencyKey, mustCarryKey: true)
            guard FileManager.default.fileExists(atPath: target.path) else { return nil }
            return ConnectorResult(captured: ["file": .string(target.path)],
                                   request: ["file": .string(target.path)], response: ["found": true], foundEarlierResult: true)
        default:
            return nil
        }
    }

    // MARK: - Paths

    /// The file inside `directory` a `file` parameter names, folders created; refuses names that would leave
    /// the directory (absolute paths, `..`, symbolic links pointing out).
    package func resolve(_ parameter: JSONValue?, key: String, mustCarryKey: Bool = false) throws -> URL {
        guard let raw = parameter?.stringValue, !raw.isEmpty else {
            throw ConnectorError.permanent("\(name): `file` (the file's name inside \(directory.path)) is missing")
        }
        var name = ConnectorPlaceholders.fill(raw, key: key, connector: self.name)
        if mustCarryKey, !name.contains(key) {
            let url = URL(fileURLWithPath: name)
            let ext = url.pathExtension
            name = ext.isEmpty ? name + "-" + key : String(name.dropLast(ext.count + 1)) + "-" + key + "." + ext
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !name.hasPrefix("/"), !name.contains("\0"),
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") }) else {
            throw ConnectorError.permanent("\(self.name): the file name '\(name)' must stay inside \(directory.path) "
                + "(no absolute path, no '..', no empty or hidden parts)")
        }
        var target = directory
        for part in parts { target.appendPathComponent(part) }
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ConnectorError.transient("\(self.name): cannot create the folder \(folder.path): \(FileProblem.describe(error))")
        }
        guard let realBase = FileConnector.realPath(directory.path), let realFolder = FileConnector.realPath(folder.path),
              realFolder == realBase || realFolder.hasPrefix(realBase + "/") else {
            throw ConnectorError.permanent("\(self.name): \(folder.path) leads outside \(directory.path) (a symbolic link?); refused")
        }
        // The last component is never a link: a link there would be written through, wherever it points.
        if let info = FileStatus.info(target.path, follow: false), info.isSymlink {
            throw ConnectorError.permanent("\(self.name): \(target.path) is a symbolic link; the file connector does not "
                + "write through links (it could lead outside \(directory.path)); refused")
        }
        if let info = FileStatus.info(target.path, follow: false), !info.isRegular {
            throw ConnectorError.permanent("\(self.name): \(target.path) exists and is not a regular file")
        }
        return target
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: - CSV

    package func findRow(_ records: [[String]], key: String) -> Int? {
        guard let header = records.first, let column = header.firstIndex(of: keyColumn) else { return nil }
        for (i, record) in records.enumerated().dropFirst() where column < record.count && record[column] == key {
            return i
        }
        return nil
    }

    package func cell(_ value: JSONValue) -> String {
        var text = value.plainText
        if formulaGuard, case .string = value, let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil {
            text = "'" + text
        }
        return CSVText.quote(text, delimiter: delimiter)
    }

    // MARK: - JSON

    package func writeJSON(_ document: JSONValue, to target: URL, key: String) throws -> ConnectorResult {
        if FileStatus.info(target.path, follow: false) != nil {
            return ConnectorResult(captured: ["file": .string(target.path)], request: ["file": .string(target.path)],
                                   response: ["found": true], foundEarlierResult: true)
        }
        let folder = target.deletingLastPathComponent().path
        let temporary = folder + "/.\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let bytes = Data((document.canonicalJSON + "\n").utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ConnectorError.transient("\(name): cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        var ok = BlockingFile.writeAll(fd, bytes) && fsync(fd) == 0
        let code = errno
        close(fd)
        // rename() replaces silently; link() would refuse an existing name, but a file written meanwhile by
        // another worker has the same content (same key, same document), so replacing it is harmless.
        if ok { ok = rename(temporary, target.path) == 0 }
        guard ok else {
            let reason = String(cString: strerror(code != 0 ? code : errno))
            unlink(temporary)
            throw ConnectorError.transient("\(name): cannot write \(target.path): \(reason)")
        }
        BlockingFile.syncFolder(folder)
        return ConnectorResult(captured: ["file": .string(target.path)],
                               request: ["file": .string(target.path), "bytes": .int(Int64(bytes.count))],
                               response: ["written": true])
    }
}

/// The file system work of the file connector, done with plain POSIX calls so locking and fsync are explicit.
package enum BlockingFile {
    package static func appendRow(_ c: FileConnector, to target: URL, key: String, values: [String: JSONValue],
                          order: [String]?) throws -> ConnectorResult {
        // O_NOFOLLOW: a link put in place after `resolve` looked is refused, not written through.
        let fd = open(target.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP {
                throw ConnectorError.permanent("\(c.name): \(target.path) is a symbolic link; the file connector does not write through links; refused")
            }
            throw ConnectorError.transient("\(c.name): cannot open \(target.path): \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        // Other workers (or another process) append to the same file: check and append under one lock.
        guard flock(fd, LOCK_EX) == 0 else { throw ConnectorError.transient("\(c.name): cannot lock \(target.path)") }
        var content = try readAll(fd, path: target.path)
        if let last = content.last, last != 0x0A {
            // A row cut short by a crash: it was never reported as written, so it goes.
            let keep = content.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            guard ftruncate(fd, off_t(keep)) == 0 else {
                throw ConnectorError.transient("\(c.name): cannot remove the incomplete last row of \(target.path)")
            }
            content = content.prefix(keep)
        }
        let records = CSVText.records(content, delimiter: c.delimiter)
        if let row = c.findRow(records, key: key) {
            return ConnectorResult(captured: ["file": .string(target.path), "row": .int(Int64(row))],
                                   request: ["file": .string(target.path), "key": .string(key)],
                                   response: ["found_row": .int(Int64(row))], foundEarlierResult: true)
        }
        var text = ""
        let header: [String]
        if let existing = records.first {
            guard existing.contains(c.keyColumn) else {
                throw ConnectorError.permanent("\(c.name): \(target.path) has no '\(c.keyColumn)' column (its header: "
                    + "\(existing.joined(separator: String(c.delimiter)))); Mailroom needs it to write each row once")
            }
            header = existing
            let unknown = values.keys.filter { !existing.contains($0) }.sorted()
            guard unknown.isEmpty else {
                throw ConnectorError.permanent("\(c.name): \(target.path) has no column \(unknown.joined(separator: ", ")) "
                    + "(its header: \(existing.joined(separator: String(c.delimiter)))); add it to the file or change the rule")
            }
        } else {
            var columns = order ?? []
            columns += values.keys.filter { !columns.contains($0) }.sorted()
            header = [c.keyColumn] + columns.filter { $0 != c.keyColumn }
            text += header.map { CSVText.quote($0, delimiter: c.delimiter) }.joined(separator: String(c.delimiter)) + "\r\n"
        }
        let cells = header.map { $0 == c.keyColumn ? CSVText.quote(key, delimiter: c.delimiter) : c.cell(values[$0] ?? .null) }
        text += cells.joined(separator: String(c.delimiter)) + "\r\n"
        guard writeAll(fd, Data(text.utf8)), fsync(fd) == 0 else {
            throw ConnectorError.transient("\(c.name): cannot append to \(target.path): \(String(cString: strerror(errno)))")
        }
        if records.isEmpty { syncFolder(target.deletingLastPathComponent().path) }
        let row = max(records.count, 1)
        var written: [String: JSONValue] = [:]
        for (i, name) in header.enumerated() { written[name] = .string(i < cells.count ? cells[i] : "") }
        return ConnectorResult(captured: ["file": .string(target.path), "row": .int(Int64(row))],
                               request: ["file": .string(target.path), "row": .object(written)],
                               response: ["appended_row": .int(Int64(row)), "header_written": .bool(records.isEmpty)])
    }

    package static func readAll(_ fd: Int32, path: String) throws -> Data {
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var offset: off_t = 0
        while true {
            let n = pread(fd, &buffer, buffer.count, offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ConnectorError.transient("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            offset += off_t(n)
        }
        return out
    }

    package static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
    }

    /// Makes a rename or a new file in `folder` durable.
    package static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// RFC 4180 CSV: quoting for writing, and a reader that understands quoted cells across lines.
package enum CSVText {
    package static func quote(_ text: String, delimiter: Character) -> String {
        let needs = text.contains(delimiter) || text.contains("\"") || text.contains("\n") || text.contains("\r")
            || text.first == " " || text.last == " "
        guard needs else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    package static func records(_ data: Data, delimiter: Character) -> [[String]] {
        let text = String(decoding: data, as: UTF8.self)
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        var cellStarted = false
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let ch = next() {
            if quoted {
                if ch == "\"" {
                    if let after = next() {
                        if after == "\"" { cell.append("\"") } else { quoted = false; pending = after }
                    } else { quoted = false }
                } else {
                    cell.append(ch)
                }
                continue
            }
            switch ch {
            case "\"" where cell.isEmpty:
                quoted = true
                cellStarted = true
            case delimiter:
                record.append(cell); cell = ""; cellStarted = true
            case "\r\n", "\n", "\r":
                record.append(cell); cell = ""
                records.append(record); record = []; cellStarted = false
            default:
                cell.append(ch); cellStarted = true
            }
        }
        if cellStarted || !record.isEmpty || !cell.isEmpty {
            record.append(cell)
            records.append(record)
        }
        return records
    }
}
