/// Explains a statute: every effective rule in plain Dutch or English, citing its article or
/// the legal default that applies.
public enum Explainer {
    public static func explain(_ statute: Statute, in language: Language) -> Explanation {
        var builder = ExplanationBuilder(language: language)
        builder.add(statute)
        return Explanation(statute: statute, language: language, rules: builder.rules)
    }

    static func legalFormName(_ form: LegalForm, _ language: Language) -> String {
        switch (form, language) {
        case (.association, .nl): return "vereniging"
        case (.association, .en): return "association"
        case (.cooperative, .nl): return "coöperatie"
        case (.cooperative, .en): return "cooperative"
        case (.informalAssociation, .nl): return "informele vereniging (beperkte rechtsbevoegdheid)"
        case (.informalAssociation, .en): return "informal association (limited legal capacity)"
        }
    }

    static func json(_ source: Provenance) -> JSONValue {
        switch source {
        case .article(let number, let title):
            return .object(["kind": .string("article"), "article": .int(number), "title": .string(title)])
        case .header:
            return .object(["kind": .string("header")])
        case .legalDefault(let legal):
            return .object([
                "kind": .string("default"), "citation": .string(legal.citation),
                "nl": .string(legal.nl), "en": .string(legal.en),
            ])
        }
    }
}
