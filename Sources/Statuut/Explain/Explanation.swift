/// One effective rule in plain language, with where it comes from and its value as data.
public struct ExplainedRule: Sendable, Hashable {
    /// A stable identifier, e.g. `notice`, `decision.wijkbudget.method`.
    public var id: String
    /// What the rule is about, e.g. "Oproeping" / "Notice".
    public var topic: String
    /// The rule in a plain sentence.
    public var text: String
    public var source: Provenance
    /// The rule's value for machines (see docs/statute-language.md, "explain --format json").
    public var value: JSONValue
}

/// Every effective rule of a statute, explained in one language.
public struct Explanation: Sendable {
    public var statute: Statute
    public var language: Language
    public var rules: [ExplainedRule]

    /// The statute as readable text: a heading, then each rule with its source.
    public func text() -> String {
        let nl = language == .nl
        var out = "\(statute.name)\n"
        var facts = [Explainer.legalFormName(statute.legalForm, language)]
        if let version = statute.versionLabel { facts.append((nl ? "versie " : "version ") + version) }
        if let from = statute.validFrom { facts.append((nl ? "geldig vanaf " : "valid from ") + from.description) }
        if let seat = statute.seat { facts.append((nl ? "zetel " : "seat ") + seat) }
        out += facts.joined(separator: ", ") + "\n"
        out +=
            nl
            ? "\(statute.articles.count) artikelen; \(rules.count) geldende regels.\n"
            : "\(statute.articles.count) articles; \(rules.count) rules in force.\n"
        for rule in rules {
            out += "\n\(rule.topic): \(rule.text)\n"
            out += "  \(nl ? "bron" : "source"): \(rule.source.cited(in: language))"
            if case .legalDefault(let legal) = rule.source { out += " (\(nl ? legal.nl : legal.en))" }
            out += "\n"
        }
        return out
    }

    /// The stable JSON form (schema `buurtstem.explain/1`, documented in docs/statute-language.md).
    public func json() -> String {
        var statuteInfo: [String: JSONValue] = [
            "name": .string(statute.name),
            "legalForm": .string(statute.legalForm.rawValue),
            "language": .string(statute.language.rawValue),
            "articles": .int(statute.articles.count),
        ]
        statuteInfo["version"] = statute.versionLabel.map(JSONValue.string) ?? .null
        statuteInfo["validFrom"] = statute.validFrom.map { .string($0.description) } ?? .null
        statuteInfo["seat"] = statute.seat.map(JSONValue.string) ?? .null
        let document: JSONValue = .object([
            "schema": .string("buurtstem.explain/1"),
            "language": .string(language.rawValue),
            "statute": .object(statuteInfo),
            "rules": .array(
                rules.map { rule in
                    .object([
                        "id": .string(rule.id),
                        "topic": .string(rule.topic),
                        "text": .string(rule.text),
                        "source": Explainer.json(rule.source),
                        "value": rule.value,
                    ])
                }),
        ])
        return document.encoded() + "\n"
    }
}
