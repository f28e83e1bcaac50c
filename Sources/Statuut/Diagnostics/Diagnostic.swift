/// How serious a diagnostic is: errors make a statute unusable, warnings do not.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// A related location shown under a diagnostic ("first defined here").
public struct DiagnosticNote: Sendable, Hashable {
    public var message: String
    public var span: SourceSpan?

    public init(_ message: String, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

/// One problem found in a statute, with a stable id for tests and documentation.
public struct Diagnostic: Sendable, Hashable {
    public var id: DiagnosticID
    public var severity: Severity
    public var message: String
    public var span: SourceSpan
    /// Advice on how to fix it, e.g. "did you mean `oproeping`?".
    public var hint: String?
    public var notes: [DiagnosticNote]

    public init(
        _ id: DiagnosticID, _ message: String, at span: SourceSpan,
        severity: Severity? = nil, hint: String? = nil, notes: [DiagnosticNote] = []
    ) {
        self.id = id
        self.severity = severity ?? id.defaultSeverity
        self.message = message
        self.span = span
        self.hint = hint
        self.notes = notes
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in source order, errors before warnings at the same place.
    public func sortedBySource() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.span != b.element.span { return a.element.span < b.element.span }
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}
