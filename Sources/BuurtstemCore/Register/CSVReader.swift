/// A fast reader of delimited text (RFC 4180 quoting: `"a;b"`, `"say ""hi"""`), over bytes.
/// Records may span lines inside quotes; `line` is the line a record starts on.
public struct CSVReader: Sendable {
    public let bytes: [UInt8]
    public let separator: UInt8
    private var position: Int
    private var line = 1

    /// A record: its first line number and its fields (raw bytes, quotes removed).
    public struct Record: Sendable {
        public var line: Int
        public var fields: [[UInt8]]
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
        while position < bytes.count, bytes[position] == lf || bytes[position] == cr {
            if bytes[position] == lf { line += 1 }
            position += 1
        }
        guard position < bytes.count else { return nil }
        var record = Record(line: line, fields: [], unterminatedQuote: false)
        var field: [UInt8] = []
        field.reserveCapacity(16)
        bytes.withUnsafeBufferPointer { buffer in
            while true {
                if position >= buffer.count {
                    record.fields.append(field)
                    return
                }
                let byte = buffer[position]
                if byte == quote, field.isEmpty {
                    position += 1
                    var closed = false
                    while position < buffer.count {
                        let b = buffer[position]
                        if b == quote {
                            if position + 1 < buffer.count, buffer[position + 1] == quote {
                                field.append(quote)
                                position += 2
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if b == lf { line += 1 }
                        field.append(b)
                        position += 1
                    }
                    if !closed { record.unterminatedQuote = true }
                    continue
                }
                if byte == separator {
                    record.fields.append(field)
                    field = []
                    position += 1
                    continue
                }
                if byte == lf || byte == cr {
                    record.fields.append(field)
                    if byte == cr, position + 1 < buffer.count, buffer[position + 1] == lf { position += 1 }
                    position += 1
                    line += 1
                    return
                }
                field.append(byte)
                position += 1
            }
        }
        return record
    }
}
