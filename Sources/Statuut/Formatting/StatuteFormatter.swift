/// Prints a syntax tree in canonical form: two spaces per level, one blank line between
/// articles, canonical keywords, comments and human text kept. It prints from the grammar's
/// own patterns, so the output parses back to the same statute. `language` translates the
/// keywords (human text and names stay as written).
public struct StatuteFormatter: Sendable {
    /// The language to print keywords in; nil keeps the statute's own.
    public var language: Language?

    public init(language: Language? = nil) { self.language = language }

    /// The canonical text of a tree (parsed from a statute without syntax errors).
    public func format(_ tree: SyntaxTree) -> String {
        let target = language ?? tree.language
        var out = ""
        for (index, node) in tree.items.enumerated() {
            if index > 0 { out += "\n" }
            write(node, level: 0, language: target, into: &out)
        }
        if !tree.trailingComments.isEmpty {
            if !tree.items.isEmpty { out += "\n" }
            for comment in tree.trailingComments { out += Self.comment(comment, indent: "") }
        }
        return out
    }

    private func write(_ node: RuleNode, level: Int, language: Language, into out: inout String) {
        let indent = String(repeating: "  ", count: level)
        for comment in node.leadingComments { out += Self.comment(comment, indent: indent) }
        // The comments above the header describe the whole file: a blank line sets them apart.
        if node.form == .statute, !node.leadingComments.isEmpty { out += "\n" }
        out += indent + render(node, language: language)
        if let trailing = node.trailingComment { out += trailing.isEmpty ? "  #" : "  # \(trailing)" }
        out += "\n"
        for child in node.children {
            switch child {
            case .rule(let rule):
                write(rule, level: level + 1, language: language, into: &out)
            case .prose(let prose):
                let childIndent = String(repeating: "  ", count: level + 1)
                for comment in prose.leadingComments { out += Self.comment(comment, indent: childIndent) }
                out += childIndent + (prose.text.isEmpty ? ">" : "> \(prose.text)") + "\n"
            }
        }
    }

    private static func comment(_ text: String, indent: String) -> String {
        text.isEmpty ? "\(indent)#\n" : "\(indent)# \(text)\n"
    }

    /// One rule line, without indentation, in `language`.
    public func render(_ node: RuleNode, language: Language) -> String {
        guard let pattern = Grammar.formsByID[node.form]?.patterns[language] else { return "" }
        var words: [String] = []
        render(pattern, node, language, into: &words)
        return words.joined(separator: " ")
    }

    private func render(_ elements: [PatternElement], _ node: RuleNode, _ language: Language, into words: inout [String]) {
        for element in elements {
            switch element {
            case .word(let word):
                words.append(word)
            case .optional(let inner):
                let names = inner.flatMap(\.captureNames)
                if names.isEmpty || names.contains(where: { node.captures[$0] != nil }) {
                    render(inner, node, language, into: &words)
                }
            case .choice(let name, let options):
                let value = name == "_" ? options[0].value : (node.string(name) ?? options[0].value)
                let option = options.first { $0.value == value } ?? options[0]
                words.append(option.phrases[0].joined(separator: " "))
            case .slot(let name, _):
                guard let capture = node.captures[name] else { continue }
                words.append(Self.render(capture.value, slot: name, language: language))
            }
        }
    }

    static func render(_ value: CaptureValue, slot: String, language: Language) -> String {
        switch value {
        case .int(let n): return String(n)
        case .share(let n, let d, let percent): return percent ? "\(n)%" : "\(n)/\(d)"
        case .text(let text): return quote(text)
        case .name(let name):
            let shown = slot == "kind" ? DecisionKindNames.name(DecisionKindNames.canonical(name), in: language) : name
            return isBareName(shown) ? shown : quote(shown)
        case .date(let date): return date.description
        case .postcode(let digits, let letters): return letters.map { "\(digits) \($0)" } ?? digits
        case .version(let label): return label
        case .amount(let cents):
            let euros = cents / 100
            let rest = cents % 100
            guard rest != 0 else { return "EUR \(euros)" }
            let decimals = rest < 10 ? "0\(rest)" : "\(rest)"
            return "EUR \(euros)\(language == .nl ? "," : ".")\(decimals)"
        case .choice(let value): return value
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    private static func isBareName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return !name.contains { $0 == " " || $0 == "\"" || $0 == "#" || $0 == "\t" || $0 == ">" }
    }
}
