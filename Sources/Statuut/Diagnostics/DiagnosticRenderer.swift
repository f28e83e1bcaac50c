/// Renders diagnostics the way a good compiler does:
///
/// ```
/// wijk.statuut:14:3: error[BS010]: unknown keyword `oproping`
///    |
/// 14 |   oproping minstens 14 dagen voor de vergadering
///    |   ^^^^^^^^
///    = hint: did you mean `oproeping`?
/// ```
///
/// Columns and carets are counted in characters, not bytes.
public struct DiagnosticRenderer: Sendable {
    public let file: SourceFile

    public init(file: SourceFile) { self.file = file }

    /// `file:line:col` for a span.
    public func location(_ span: SourceSpan) -> String {
        "\(file.name):\(span.line):\(file.column(line: span.line, utf8Offset: span.start))"
    }

    /// One diagnostic with its source excerpt, caret, hint and notes.
    public func render(_ diagnostic: Diagnostic) -> String {
        let span = diagnostic.span
        let gutterWidth = String(span.line).count
        let pad = String(repeating: " ", count: gutterWidth)
        var out = "\(location(span)): \(diagnostic.severity.rawValue)[\(diagnostic.id.code)]: \(diagnostic.message)\n"
        out += "\(pad) |\n"
        out += excerpt(span, gutterWidth: gutterWidth)
        if let hint = diagnostic.hint { out += "\(pad) = hint: \(hint)\n" }
        for note in diagnostic.notes {
            if let noteSpan = note.span {
                out += "\(pad) = note: \(note.message) at \(location(noteSpan))\n"
            } else {
                out += "\(pad) = note: \(note.message)\n"
            }
        }
        return out
    }

    /// All diagnostics in source order, separated by blank lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedBySource().map(render).joined(separator: "\n")
    }

    private func excerpt(_ span: SourceSpan, gutterWidth: Int) -> String {
        let text = file.line(span.line)
        let shown = text.replacingTabs()
        let number = String(span.line)
        let gutter = String(repeating: " ", count: gutterWidth - number.count) + number
        let startColumn = file.column(line: span.line, utf8Offset: span.start)
        let endColumn = file.column(line: span.line, utf8Offset: span.end)
        let width = max(1, endColumn - startColumn)
        let caret = String(repeating: " ", count: startColumn - 1) + String(repeating: "^", count: width)
        let pad = String(repeating: " ", count: gutterWidth)
        return "\(gutter) | \(shown)\n\(pad) | \(caret)\n"
    }
}

extension Substring {
    /// Tabs shown as one space so that carets stay aligned with characters.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
