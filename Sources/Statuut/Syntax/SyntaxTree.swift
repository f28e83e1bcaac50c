/// A value captured from a rule line, as written.
public enum CaptureValue: Sendable, Hashable {
    case int(Int)
    /// A fraction (`2/3`) or a percentage (`10%`, stored as 10/100 with `percent: true`), unvalidated.
    case share(numerator: Int, denominator: Int, percent: Bool)
    case text(String)
    case name(String)
    case date(CivilDate)
    /// A postcode as written, split into its digits and letters (letters nil for a PC4).
    case postcode(digits: String, letters: String?)
    case version(String)
    /// Whole euro cents.
    case amount(cents: Int)
    /// The value of a choice (language-neutral, e.g. `before`).
    case choice(String)
}

/// A captured value with the span it was written at.
public struct Capture: Sendable, Hashable {
    public var value: CaptureValue
    public var span: SourceSpan
}

/// A rule line and everything indented under it.
public struct RuleNode: Sendable {
    public var form: FormID
    /// The language whose pattern the line matched.
    public var language: Language
    public var captures: [String: Capture]
    /// The whole line.
    public var span: SourceSpan
    /// The line's first word (what a "misplaced" error points at).
    public var keywordSpan: SourceSpan
    public var children: [SyntaxItem]
    /// Comment lines just above this line.
    public var leadingComments: [String]
    /// A comment after the rule on the same line.
    public var trailingComment: String?

    public func int(_ name: String) -> Int? {
        if case .int(let v)? = captures[name]?.value { return v }
        return nil
    }

    public func string(_ name: String) -> String? {
        switch captures[name]?.value {
        case .text(let v)?, .name(let v)?, .version(let v)?, .choice(let v)?: return v
        default: return nil
        }
    }

    public func span(of name: String) -> SourceSpan { captures[name]?.span ?? span }

    /// The rules directly under this one.
    public var childRules: [RuleNode] {
        children.compactMap { if case .rule(let r) = $0 { return r } else { return nil } }
    }
}

/// A line of an article's human text (`> …`).
public struct ProseNode: Sendable {
    public var text: String
    public var span: SourceSpan
    public var leadingComments: [String]
}

/// One line of the statute with its sub-lines.
public enum SyntaxItem: Sendable {
    case rule(RuleNode)
    case prose(ProseNode)
}

/// The parsed statute, before meaning is given to it: the `statuut` header and the articles,
/// in source order, with their spans and comments.
public struct SyntaxTree: Sendable {
    public var items: [RuleNode]
    /// Comments after the last line.
    public var trailingComments: [String]
    /// Forms of lines that were recognised by their keyword but did not parse; the analyzer
    /// does not report such a rule as missing (the parse error already says what is wrong).
    public var failedForms: Set<FormID> = []

    /// The language of the header (`statuut` or `statute`), Dutch when there is none.
    public var language: Language {
        items.first { $0.form == .statute }?.language ?? .nl
    }
}
