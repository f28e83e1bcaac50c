/// A fast reader of delimited text (RFC 4180 quoting: `"a;b"`, `"say ""hi"""`).
///
/// It works on a mutable buffer the caller owns for the whole read: quoted fields are unescaped
/// in place (the unescaped text is never longer than the raw), so fields are plain views into
/// the buffer and reading a million records allocates nothing per field. Records may span lines
/// inside quotes; `line` is the line a record starts on.
struct CSVReader {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    let separator: UInt8
    private var position: Int
    private var line = 1

    /// A record: its first line number and its fields (views into the buffer, quotes removed).
    struct Record {
        var line = 0
        var fields: [UnsafeBufferPointer<UInt8>] = []
        /// Whether a quoted field was never closed.
        var unterminatedQuote = false
    }

    init(buffer: UnsafeMutableBufferPointer<UInt8>, separator: UInt8, start: Int = 0) {
        self.buffer = buffer
        self.separator = separator
        self.position = start
    }

    /// Byte offset of the next record (for progress reports).
    var offset: Int { position }

    /// Reads the next record into `record`, reusing its storage; false at the end.
    /// Blank lines are skipped.
    mutating func next(into record: inout Record) -> Bool {
        record.fields.removeAll(keepingCapacity: true)
        record.unterminatedQuote = false
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let count = buffer.count
        while position < count, buffer[position] == lf || buffer[position] == cr {
            if buffer[position] == lf { line += 1 }
            position += 1
        }
        guard position < count, let base = buffer.baseAddress else { return false }
        record.line = line
        func view(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base + start, count: end - start)
        }
        var fieldStart = position
        while true {
            if position >= count {
                record.fields.append(view(fieldStart, count))
                return true
            }
            let byte = buffer[position]
            if byte == quote, position == fieldStart {
                // Unescape in place: `write` trails `scan`.
                var scan = position + 1
                var write = fieldStart
                var closed = false
                while scan < count {
                    let b = buffer[scan]
                    if b == quote {
                        if scan + 1 < count, buffer[scan + 1] == quote {
                            buffer[write] = quote
                            write += 1
                            scan += 2
                            continue
                        }
                        closed = true
                        scan += 1
                        break
                    }
                    if b == lf { line += 1 }
                    buffer[write] = b
                    write += 1
                    scan += 1
                }
                if !closed { record.unterminatedQuote = true }
                // Anything between the closing quote and the separator is kept as written.
                while scan < count, buffer[scan] != separator, buffer[scan] != lf, buffer[scan] != cr {
                    buffer[write] = buffer[scan]
                    write += 1
                    scan += 1
                }
                record.fields.append(view(fieldStart, write))
                position = scan
                if position >= count { return true }
                if buffer[position] == separator {
                    position += 1
                    fieldStart = position
                    if position >= count {
                        record.fields.append(view(count, count))
                        return true
                    }
                    continue
                }
                if buffer[position] == cr, position + 1 < count, buffer[position + 1] == lf { position += 1 }
                position += 1
                line += 1
                return true
            }
            if byte == separator {
                record.fields.append(view(fieldStart, position))
                position += 1
                fieldStart = position
                continue
            }
            if byte == lf || byte == cr {
                record.fields.append(view(fieldStart, position))
                if byte == cr, position + 1 < count, buffer[position + 1] == lf { position += 1 }
                position += 1
                line += 1
                return true
            }
            position += 1
        }
    }
}
