/// One token of a rule line.
public struct Token: Sendable, Hashable {
    /// What the token is, with its value.
    public enum Kind: Sendable, Hashable {
        /// A word: a keyword, a name, a postcode part (`1067PA`, `t/m`, `2026.1`).
        case word
        /// A whole number (`14`).
        case number(Int)
        /// An exact fraction as written (`2/3`).
        case fraction(numerator: Int, denominator: Int)
        /// A percentage (`10%`).
        case percent(Int)
        /// A date in ISO form (`2026-01-15`).
        case date(CivilDate)
        /// A quoted string, unescaped.
        case string(String)
    }

    public var kind: Kind
    /// The text as written in the source.
    public var text: Substring
    /// Lower-cased text, used to match keywords case-insensitively.
    public var folded: String
    public var span: SourceSpan

    public init(kind: Kind, text: Substring, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.folded = text.lowercased()
        self.span = span
    }

    /// How the token is described in "expected …, found …" messages.
    public var quoted: String {
        switch kind {
        case .string: return "a quoted text"
        default: return "`\(text)`"
        }
    }
}

/// A source line, split into its parts: indentation, then either prose (`> …`), or rule tokens,
/// each optionally followed by a comment (`# …`).
public struct LexedLine: Sendable {
    public var number: Int
    /// Leading spaces, in columns.
    public var indent: Int
    public var tokens: [Token]
    /// The human text of a prose line (after `>`), or nil.
    public var prose: String?
    /// A comment's text (after `#`), or nil.
    public var comment: String?
    /// Span of the whole non-blank content of the line.
    public var span: SourceSpan

    /// A line with nothing but white space.
    public var isBlank: Bool { tokens.isEmpty && prose == nil && comment == nil }
    /// A line with only a comment.
    public var isCommentOnly: Bool { tokens.isEmpty && prose == nil && comment != nil }
}
