/// A fast reader of delimited text (RFC 4180 quoting: `"a;b"`, `"say ""hi"""`), over bytes.
/// Fields are slices of the input (no copies) unless they contain doubled quotes. Records may
/// span lines inside quotes; `line` is the line a record starts on.
public struct CSVReader: Sendable {
    public let bytes: [UInt8]
    public let separator: UInt8
    private var position: Int
    private var line = 1

    /// A record: its first line number and its fields (raw bytes, quotes removed).
    public struct Record: Sendable {
        public var line: Int
        public var fields: [ArraySlice<UInt8>]
        /// Whether a quoted field was never closed.
        public var unterminatedQuote: Bool
    }

    public init(bytes: [UInt8], separator: UInt8, start: Int = 0) {
        self.bytes = bytes
        self.separator = separator
        self.position = start
    }

    /// Byte offset of the next record (for progress reports).
    public var offset: Int { position }

    /// Skips a UTF-8 byte-order mark.
    public static func contentStart(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    public mutating func next() -> Record? {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let count = bytes.count
        while position < count, bytes[position] == lf || bytes[position] == cr {
            if bytes[position] == lf { line += 1 }
            position += 1
        }
        guard position < count else { return nil }
        var record = Record(line: line, fields: [], unterminatedQuote: false)
        record.fields.reserveCapacity(12)
        var fieldStart = position
        while true {
            if position >= count {
                record.fields.append(bytes[fieldStart..<count])
                return record
            }
            let byte = bytes[position]
            if byte == quote, position == fieldStart {
                // A quoted field: find its end; copy only when it holds doubled quotes.
                var scan = position + 1
                var copy: [UInt8]?
                var closed = false
                var segment = scan
                while scan < count {
                    let b = bytes[scan]
                    if b == quote {
                        if scan + 1 < count, bytes[scan + 1] == quote {
                            if copy == nil { copy = [] }
                            copy!.append(contentsOf: bytes[segment...scan])
                            scan += 2
                            segment = scan
                            continue
                        }
                        closed = true
                        break
                    }
                    if b == lf { line += 1 }
                    scan += 1
                }
                let value: ArraySlice<UInt8>
                if var copied = copy {
                    copied.append(contentsOf: bytes[segment..<scan])
                    value = copied[...]
                } else {
                    value = bytes[(position + 1)..<scan]
                }
                if !closed { record.unterminatedQuote = true }
                position = closed ? scan + 1 : scan
                // Anything between the closing quote and the separator is kept as written.
                var tail = position
                while tail < count, bytes[tail] != separator, bytes[tail] != lf, bytes[tail] != cr { tail += 1 }
                if tail > position {
                    var joined = Array(value)
                    joined.append(contentsOf: bytes[position..<tail])
                    record.fields.append(joined[...])
                } else {
                    record.fields.append(value)
                }
                position = tail
                if position >= count { return record }
                if bytes[position] == separator {
                    position += 1
                    fieldStart = position
                    if position >= count { record.fields.append([]); return record }
                    continue
                }
                // End of line.
                if bytes[position] == cr, position + 1 < count, bytes[position + 1] == lf { position += 1 }
                position += 1
                line += 1
                return record
            }
            if byte == separator {
                record.fields.append(bytes[fieldStart..<position])
                position += 1
                fieldStart = position
                continue
            }
            if byte == lf || byte == cr {
                record.fields.append(bytes[fieldStart..<position])
                if byte == cr, position + 1 < count, bytes[position + 1] == lf { position += 1 }
                position += 1
                line += 1
                return record
            }
            position += 1
        }
    }
}
