public import Statuut

/// Something the statute (or the law, where it is silent) does not allow, with the rule that
/// forbids it. Every refusal the engine gives is one of these, so the board always sees why.
public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var nl: String
    public var en: String
    public var source: Provenance

    public init(nl: String, en: String, source: Provenance) {
        self.nl = nl
        self.en = en
        self.source = source
    }

    public var description: String { "\(en) (\(source.cited(in: .en)))" }

    /// The refusal with its citation, in a language.
    public func text(in language: Language) -> String {
        "\(language == .nl ? nl : en) (\(source.cited(in: language)))"
    }
}

/// A warning: allowed, but the board should act (a second assembly still to call, a gap growing long).
public struct Advice: Sendable, Hashable, CustomStringConvertible {
    public var nl: String
    public var en: String
    public var source: Provenance
    /// The last day to act, where there is one.
    public var deadline: CivilDate?

    public init(nl: String, en: String, source: Provenance, deadline: CivilDate? = nil) {
        self.nl = nl
        self.en = en
        self.source = source
        self.deadline = deadline
    }

    public var description: String { "\(en) (\(source.cited(in: .en)))" }
}
