/// Splits a statute into lexed lines. Line-oriented by design: every line is lexed on its own,
/// so one bad line never hides problems on the next.
public struct Lexer: Sendable {
    public init() {}

    /// Lexes every line of `file`, appending lexical problems to `diagnostics`.
    public func lex(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> [LexedLine] {
        var result: [LexedLine] = []
        result.reserveCapacity(file.lines.count)
        for (index, text) in file.lines.enumerated() {
            result.append(lexLine(text, number: index + 1, diagnostics: &diagnostics))
        }
        return result
    }

    /// Lexes a single line.
    public func lexLine(_ text: Substring, number: Int, diagnostics: inout [Diagnostic]) -> LexedLine {
        let bytes = text.utf8
        var offset = 0
        var position = bytes.startIndex
        var indent = 0
        var reportedTab = false
        while position < bytes.endIndex, bytes[position] == .space || bytes[position] == .tab {
            if bytes[position] == .tab, !reportedTab {
                reportedTab = true
                diagnostics.append(
                    Diagnostic(
                        .tabIndentation, "indentation uses a tab",
                        at: SourceSpan(line: number, start: offset, end: offset + 1),
                        hint: "indent with spaces (two per level)"))
            }
            indent += bytes[position] == .tab ? 2 : 1
            position = bytes.index(after: position)
            offset += 1
        }
        let contentStart = offset
        var contentEnd = bytes.count
        while contentEnd > contentStart, isSpace(bytes[bytes.index(bytes.startIndex, offsetBy: contentEnd - 1)]) {
            contentEnd -= 1
        }
        var line = LexedLine(
            number: number, indent: indent, tokens: [], prose: nil, comment: nil,
            span: SourceSpan(line: number, start: contentStart, end: contentEnd))
        guard position < bytes.endIndex else { return line }

        if bytes[position] == UInt8(ascii: ">") {
            var rest = text[text.utf8.index(after: position)...]
            if rest.first == " " { rest = rest.dropFirst() }
            line.prose = trimTrailing(rest)
            return line
        }

        while position < bytes.endIndex {
            let byte = bytes[position]
            if isSpace(byte) {
                position = bytes.index(after: position)
                offset += 1
                continue
            }
            if byte == UInt8(ascii: "#") {
                var rest = text[text.utf8.index(after: position)...]
                if rest.first == " " { rest = rest.dropFirst() }
                line.comment = trimTrailing(rest)
                break
            }
            let start = position
            let startOffset = offset
            if byte == UInt8(ascii: "\"") {
                var value = ""
                var closed = false
                var segmentStart = bytes.index(after: position)
                position = segmentStart
                offset += 1
                while position < bytes.endIndex {
                    let b = bytes[position]
                    if b == UInt8(ascii: "\\") {
                        value += String(text[segmentStart..<position])
                        let next = bytes.index(after: position)
                        if next < bytes.endIndex, [UInt8(ascii: "\""), UInt8(ascii: "\\")].contains(bytes[next]) {
                            value += String(UnicodeScalar(bytes[next]))
                            position = bytes.index(after: next)
                            offset += 2
                        } else {
                            value += "\\"
                            position = next
                            offset += 1
                        }
                        segmentStart = position
                        continue
                    }
                    if b == UInt8(ascii: "\"") {
                        value += String(text[segmentStart..<position])
                        position = bytes.index(after: position)
                        offset += 1
                        closed = true
                        break
                    }
                    position = bytes.index(after: position)
                    offset += 1
                }
                let span = SourceSpan(line: number, start: startOffset, end: offset)
                if !closed {
                    value += String(text[segmentStart..<position])
                    diagnostics.append(
                        Diagnostic(
                            .unterminatedString, "this text has no closing quote", at: span,
                            hint: "end the text with `\"` on the same line"))
                }
                line.tokens.append(Token(kind: .string(value), text: text[start..<position], span: span))
                continue
            }
            while position < bytes.endIndex {
                let b = bytes[position]
                if isSpace(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "#") { break }
                position = bytes.index(after: position)
                offset += 1
            }
            let atom = text[start..<position]
            let span = SourceSpan(line: number, start: startOffset, end: offset)
            line.tokens.append(classify(atom, span: span, diagnostics: &diagnostics))
        }
        return line
    }

    private func classify(_ atom: Substring, span: SourceSpan, diagnostics: inout [Diagnostic]) -> Token {
        let utf8 = atom.utf8
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        guard let first = utf8.first, isDigit(first) else { return Token(kind: .word, text: atom, span: span) }
        if utf8.allSatisfy(isDigit) {
            if utf8.count > 12 {
                diagnostics.append(Diagnostic(.invalidNumber, "the number \(atom) is too large", at: span))
                return Token(kind: .number(0), text: atom, span: span)
            }
            return Token(kind: .number(Int(atom) ?? 0), text: atom, span: span)
        }
        if utf8.last == UInt8(ascii: "%"), utf8.dropLast().allSatisfy(isDigit), utf8.count <= 7 {
            return Token(kind: .percent(Int(atom.dropLast()) ?? 0), text: atom, span: span)
        }
        let parts = atom.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 9 && $0.utf8.allSatisfy(isDigit) }) {
            return Token(
                kind: .fraction(numerator: Int(parts[0]) ?? 0, denominator: Int(parts[1]) ?? 0),
                text: atom, span: span)
        }
        if utf8.count == 10, atom.utf8.filter({ $0 == UInt8(ascii: "-") }).count == 2,
            atom.utf8.enumerated().allSatisfy({ [4, 7].contains($0.offset) ? $0.element == UInt8(ascii: "-") : isDigit($0.element) })
        {
            if let date = CivilDate(iso: atom) { return Token(kind: .date(date), text: atom, span: span) }
            diagnostics.append(
                Diagnostic(
                    .invalidDate, "\(atom) is not a date that exists", at: span,
                    hint: "write dates as YYYY-MM-DD, e.g. 2026-01-15"))
            return Token(kind: .word, text: atom, span: span)
        }
        return Token(kind: .word, text: atom, span: span)
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == .space || byte == .tab }

    private func trimTrailing(_ text: Substring) -> String {
        var end = text.endIndex
        while end > text.startIndex {
            let before = text.index(before: end)
            guard text[before] == " " || text[before] == "\t" else { break }
            end = before
        }
        return String(text[text.startIndex..<end])
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
}
