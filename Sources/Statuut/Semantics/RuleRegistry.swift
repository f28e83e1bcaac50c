/// Remembers which single-valued rules a scope has stated, so that a second statement is
/// reported as a duplicate (the same again) or a contradiction (something else).
struct RuleRegistry {
    private struct Entry {
        var form: FormID
        var values: [String: CaptureValue]
        var span: SourceSpan
    }
    private var entries: [String: Entry] = [:]

    /// Claims `key` for `node`; returns false (and reports) when it was already stated.
    mutating func claim(_ key: String, _ node: RuleNode, what: String, diagnostics: inout [Diagnostic]) -> Bool {
        let values = node.captures.mapValues(\.value)
        guard let first = entries[key] else {
            entries[key] = Entry(form: node.form, values: values, span: node.span)
            return true
        }
        let note = DiagnosticNote("first stated", at: first.span)
        if first.form == node.form, first.values == values {
            diagnostics.append(
                Diagnostic(
                    .duplicateRule, "\(what) is stated twice", at: node.span,
                    hint: "remove one of the two lines", notes: [note]))
        } else {
            diagnostics.append(
                Diagnostic(
                    .contradiction, "this contradicts an earlier rule on \(what)", at: node.span,
                    hint: "a statute may say one thing about \(what): keep the rule that is meant and remove the other",
                    notes: [note]))
        }
        return false
    }
}
