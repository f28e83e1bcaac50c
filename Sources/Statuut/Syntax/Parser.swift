/// Turns lexed lines into a syntax tree. Block structure comes from indentation; each line is
/// matched against the grammar's forms for its context. A line that does not parse is reported
/// and skipped, and parsing goes on with the next line, so one run reports every error.
public struct Parser: Sendable {
    public init() {}

    public func parse(_ lines: [LexedLine], diagnostics: inout [Diagnostic]) -> SyntaxTree {
        var state = State(lines: lines)
        let items = parseBlock(context: .topLevel, parentIndent: -1, state: &state, diagnostics: &diagnostics)
        let top = items.compactMap { item -> RuleNode? in
            if case .rule(let rule) = item { return rule }
            return nil
        }
        return SyntaxTree(items: top, trailingComments: state.pendingComments, failedForms: state.failedForms)
    }

    private struct State {
        let lines: [LexedLine]
        var index = 0
        var pendingComments: [String] = []
        var failedForms: Set<FormID> = []
    }

    private func parseBlock(
        context: SyntaxContext?, parentIndent: Int, state: inout State, diagnostics: inout [Diagnostic]
    ) -> [SyntaxItem] {
        var items: [SyntaxItem] = []
        while state.index < state.lines.count {
            let line = state.lines[state.index]
            if line.isBlank {
                state.index += 1
                continue
            }
            if line.isCommentOnly {
                state.pendingComments.append(line.comment ?? "")
                state.index += 1
                continue
            }
            if line.indent <= parentIndent { break }
            state.index += 1
            let comments = state.pendingComments
            state.pendingComments = []

            guard let context else {
                // Under a line that takes no sub-lines, or under a line that did not parse.
                continue
            }

            if let prose = line.prose {
                if context == .article {
                    items.append(.prose(ProseNode(text: prose, span: line.span, leadingComments: comments)))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .proseOutsideArticle, "human text (`>`) can only stand directly under an article",
                            at: SourceSpan(line: line.number, start: line.span.start, end: line.span.start + 1),
                            hint: "indent it one level under the `artikel` line it belongs to"))
                }
                skipChildren(of: line, state: &state, diagnostics: &diagnostics, report: true)
                continue
            }

            let outcome = parseLine(line, context: context, diagnostics: &diagnostics)
            guard var node = outcome.node else {
                state.failedForms.formUnion(outcome.candidates)
                _ = parseBlock(context: outcome.recoveryContext, parentIndent: line.indent, state: &state, diagnostics: &diagnostics)
                continue
            }
            node.leadingComments = comments
            if let opens = Grammar.formsByID[node.form]?.opens {
                node.children = parseBlock(context: opens, parentIndent: line.indent, state: &state, diagnostics: &diagnostics)
                if node.children.isEmpty, node.form != .statute, node.form != .article {
                    diagnostics.append(
                        Diagnostic(
                            .emptyBlock, "`\(Grammar.keyword(of: node.form, in: node.language))` has nothing indented under it",
                            at: node.span, hint: Self.emptyBlockHint(node.form, node.language)))
                }
            } else {
                skipChildren(of: line, state: &state, diagnostics: &diagnostics, report: true)
            }
            items.append(.rule(node))
        }
        return items
    }

    /// Skips the lines indented under `line`, reporting the first when `line` takes none.
    private func skipChildren(of line: LexedLine, state: inout State, diagnostics: inout [Diagnostic], report: Bool) {
        var reported = !report
        while state.index < state.lines.count {
            let next = state.lines[state.index]
            if next.isBlank || next.isCommentOnly {
                if next.isCommentOnly { state.pendingComments.append(next.comment ?? "") }
                state.index += 1
                continue
            }
            if next.indent <= line.indent { return }
            if !reported {
                reported = true
                diagnostics.append(
                    Diagnostic(
                        .unexpectedIndentation, "this line is indented under a line that takes no sub-lines",
                        at: next.span,
                        notes: [DiagnosticNote("the line above it", at: line.span)]))
            }
            state.pendingComments = []
            state.index += 1
        }
    }

    private struct LineOutcome {
        var node: RuleNode?
        /// Where the lines under a failed line are parsed (to report their errors too), or nil to skip them.
        var recoveryContext: SyntaxContext?
        /// The forms the line could have been.
        var candidates: Set<FormID> = []
    }

    private func parseLine(_ line: LexedLine, context: SyntaxContext, diagnostics: inout [Diagnostic]) -> LineOutcome {
        let first = line.tokens[0]
        let candidates = first.kind == .word ? (Grammar.formsByLeadingWord[first.folded] ?? []) : []
        guard !candidates.isEmpty else {
            let suggestion =
                first.kind == .word
                ? Suggestion.closest(to: first.folded, among: Grammar.leadingWords(in: context)) : nil
            let message =
                first.kind == .word
                ? "unknown keyword `\(first.text)`" : "a rule starts with a keyword, not \(first.quoted)"
            diagnostics.append(
                Diagnostic(
                    .unknownKeyword, message, at: first.span,
                    hint: suggestion.map { "did you mean `\($0)`?" } ?? Self.contextHint(context)))
            return LineOutcome(node: nil, recoveryContext: nil)
        }
        let fitting = candidates.filter { $0.contexts.contains(context) }
        guard !fitting.isEmpty else {
            let form = candidates[0]
            let language: Language = form.patterns[.nl]?.first?.leadingWords.contains(first.folded) == true ? .nl : .en
            let places = form.contexts.sorted { $0.rawValue < $1.rawValue }.map { $0.described(in: language) }
            diagnostics.append(
                Diagnostic(
                    .misplacedRule, "`\(first.text)` cannot stand here",
                    at: first.span, hint: "it belongs \(LineMatcher.list(places))"))
            return LineOutcome(node: nil, recoveryContext: form.opens, candidates: Set(candidates.map(\.id)))
        }

        var matcher = LineMatcher(tokens: line.tokens)
        for form in fitting {
            for language in Language.allCases {
                guard let pattern = form.patterns[language],
                    pattern.first?.leadingWords.contains(first.folded) == true,
                    let captures = matcher.matchLine(pattern)
                else { continue }
                let node = RuleNode(
                    form: form.id, language: language, captures: captures, span: line.span,
                    keywordSpan: first.span, children: [], leadingComments: [], trailingComment: line.comment)
                return LineOutcome(node: node)
            }
        }
        let error = syntaxError(matcher, line: line)
        // A token the lexer already reported (a date that does not exist) needs no second error.
        if !diagnostics.contains(where: { $0.span == error.span }) { diagnostics.append(error) }
        return LineOutcome(node: nil, recoveryContext: fitting.first { $0.opens != nil }?.opens, candidates: Set(fitting.map(\.id)))
    }

    private func syntaxError(_ matcher: LineMatcher, line: LexedLine) -> Diagnostic {
        let tokens = line.tokens
        let expected = LineMatcher.list(matcher.expected)
        if matcher.furthest >= tokens.count {
            let last = tokens[tokens.count - 1]
            return Diagnostic(
                .missingToken, "this rule is incomplete: expected \(expected) after \(last.quoted)",
                at: SourceSpan(line: line.number, start: last.span.end, end: last.span.end + 1))
        }
        var found = tokens[max(0, matcher.furthest)]
        if ["eur", "€", "euro"].contains(found.folded), matcher.furthest + 1 < tokens.count {
            found = tokens[matcher.furthest + 1]
        }
        let suggestion = found.kind == .word ? Suggestion.closest(to: found.folded, among: matcher.expectedWords) : nil
        if matcher.expected == [LineMatcher.endOfLine] {
            return Diagnostic(
                .trailingTokens, "unexpected \(found.quoted) after the end of the rule",
                at: found.span.union(tokens[tokens.count - 1].span),
                hint: "a rule line says one thing; remove this or put it on its own line")
        }
        var hint = suggestion.map { "did you mean `\($0)`?" }
        if hint == nil, case .word = found.kind, matcher.expected.contains(LineMatcher.describe(.text)) {
            hint = "put the text between double quotes, e.g. \"\(found.text)\""
        }
        if hint == nil, found.text.contains("."), matcher.expected.contains(LineMatcher.describe(.amount)) {
            hint = "write the amount without thousands separators, e.g. EUR 25000"
        }
        return Diagnostic(.unexpectedToken, "expected \(expected), found \(found.quoted)", at: found.span, hint: hint)
    }

    private static func contextHint(_ context: SyntaxContext) -> String? {
        let words = Set(Grammar.leadingWords(in: context))
        guard !words.isEmpty else { return nil }
        guard words.count <= 8 else { return "docs/statute-language.md lists every rule and where it may stand" }
        return "here a line may start with \(LineMatcher.list(words.sorted().map { "`\($0)`" }))"
    }

    private static func emptyBlockHint(_ form: FormID, _ language: Language) -> String? {
        switch (form, language) {
        case (.area, .nl): return "indent `postcode …` lines under it"
        case (.area, .en): return "indent `postcode …` lines under it"
        case (.decision, .nl): return "indent its rules under it, e.g. `aangenomen bij meer dan 1/2 van de uitgebrachte stemmen`"
        case (.decision, .en): return "indent its rules under it, e.g. `passed with more than 1/2 of votes cast`"
        case (.shareholder, .nl): return "indent its rights under it, e.g. `adviesrecht bij wijkbudget`"
        case (.shareholder, .en): return "indent its rights under it, e.g. `advice on budget`"
        default: return nil
        }
    }
}
