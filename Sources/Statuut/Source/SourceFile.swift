/// A statute's text as the compiler sees it: a name for diagnostics and its lines.
///
/// Lines are split once; spans point into them by line number and UTF-8 offsets, and columns
/// are computed in characters only when a diagnostic is rendered.
public struct SourceFile: Sendable {
    /// The name shown in diagnostics, usually the path as the user typed it.
    public let name: String
    /// The whole text.
    public let text: String
    /// The text of each line, without its line terminator. Line `n` is `lines[n - 1]`.
    public let lines: [Substring]

    /// Creates a source file, splitting `text` at `\n`, `\r\n` and `\r`.
    public init(name: String, text: String) {
        self.name = name
        // A byte-order mark is not part of the statute.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        self.text = body
        var result: [Substring] = []
        var start = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if character == "\n" || character == "\r\n" || character == "\r" {
                result.append(body[start..<index])
                index = body.index(after: index)
                start = index
            } else {
                index = body.index(after: index)
            }
        }
        if start < body.endIndex || result.isEmpty { result.append(body[start..<body.endIndex]) }
        self.lines = result
    }

    /// The text of line `number` (1-based), or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lines.count else { return "" }
        return lines[number - 1]
    }

    /// The 1-based column, counted in characters, of a UTF-8 offset within a line.
    public func column(line number: Int, utf8Offset: Int) -> Int {
        let text = line(number)
        let utf8 = text.utf8
        let clamped = max(0, min(utf8Offset, utf8.count))
        let index = utf8.index(utf8.startIndex, offsetBy: clamped)
        return text[text.startIndex..<index].count + 1
    }
}

/// A range of text on one line: 1-based line number and a half-open range of UTF-8 offsets.
public struct SourceSpan: Sendable, Hashable, Comparable {
    public var line: Int
    public var start: Int
    public var end: Int

    public init(line: Int, start: Int, end: Int) {
        self.line = line
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span on `line` covering both spans (they must share a line).
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(line: line, start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.line, lhs.start, lhs.end) < (rhs.line, rhs.start, rhs.end)
    }
}
