/// The statute compiler's front door: source text in, diagnostics and (when there are no
/// errors) a validated `Statute` out. Pure: no file or network access.
public enum StatuteCompiler {
    /// Everything one compilation produced.
    public struct Result: Sendable {
        public var file: SourceFile
        public var syntax: SyntaxTree
        /// All diagnostics, in source order.
        public var diagnostics: [Diagnostic]
        /// The validated statute, or nil when there were errors.
        public var statute: Statute?

        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Lexes, parses and analyses a statute.
    public static func compile(_ text: String, name: String = "<statuut>") -> Result {
        compile(SourceFile(name: name, text: text))
    }

    /// Lexes, parses and analyses a statute.
    public static func compile(_ file: SourceFile) -> Result {
        var diagnostics: [Diagnostic] = []
        let lines = Lexer().lex(file, diagnostics: &diagnostics)
        let tree = Parser().parse(lines, diagnostics: &diagnostics)
        let statute = Analyzer().analyze(tree, diagnostics: &diagnostics)
        return Result(file: file, syntax: tree, diagnostics: diagnostics.sortedBySource(), statute: statute)
    }
}
