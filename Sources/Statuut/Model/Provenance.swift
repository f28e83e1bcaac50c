/// Where the law says something: a citation and a one-line explanation in each language.
public struct LegalSource: Sendable, Hashable, Codable {
    /// E.g. `BW 2:43 lid 1`, or a statement that the law is silent.
    public let citation: String
    public let nl: String
    public let en: String

    public init(_ citation: String, nl: String, en: String) {
        self.citation = citation
        self.nl = nl
        self.en = en
    }

    /// The citation in a language: article numbers stay (`BW 2:43 lid 1` → `BW 2:43(1)` reads
    /// worse than the Dutch original), descriptions of silence are translated.
    public func citation(in language: Language) -> String {
        guard language == .en else { return citation }
        let english: [String: String] = [
            "geen wettelijke regel": "no statutory rule",
            "geen wettelijk quorum": "no statutory quorum",
            "hoofdregel verenigingsrecht": "general rule of association law",
            "gangbare uitleg": "common reading",
            "volgt uit de meerderheidsregel": "follows from the majority rule",
            "standaard van Buurtstem": "Buurtstem default",
            "niet geregeld": "not stated",
            "zoals gewone besluiten": "as for ordinary decisions",
        ]
        return english[citation] ?? citation.replacingBW()
    }
}

extension String {
    /// `BW 2:41 lid 2 en 3` → `BW 2:41 lid 2 and 3` (only the connective is translated).
    fileprivate func replacingBW() -> String {
        split(separator: " ").map { $0 == "en" ? "and" : String($0) }.joined(separator: " ")
    }
}

/// Where an effective rule comes from: an article of the statute, or a legal default because
/// the statute is silent.
public enum Provenance: Sendable, Hashable {
    case article(number: Int, title: String)
    /// The `statuut` line and what is indented under it (legal form, version, seat).
    case header
    case legalDefault(LegalSource)

    /// "artikel 3 \"Algemene vergadering\"" or "wettelijke regel: BW 2:43 lid 1".
    public func cited(in language: Language) -> String {
        switch (self, language) {
        case (.article(let n, let t), .nl): return "artikel \(n) \"\(t)\""
        case (.article(let n, let t), .en): return "article \(n) \"\(t)\""
        case (.header, .nl): return "kop van het statuut"
        case (.header, .en): return "statute header"
        case (.legalDefault(let s), .nl): return "standaard als de statuten zwijgen: \(s.citation(in: .nl))"
        case (.legalDefault(let s), .en): return "default when the statute is silent: \(s.citation(in: .en))"
        }
    }

    /// Whether the rule comes from the statute itself.
    public var isArticle: Bool { if case .article = self { return true } else { return false } }
}

/// A rule's value together with where it comes from.
public struct Cited<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var source: Provenance

    public init(_ value: Value, _ source: Provenance) {
        self.value = value
        self.source = source
    }
}

/// The defaults of Dutch association law (Burgerlijk Wetboek Boek 2) and the few places where
/// the law is silent and Buurtstem states what it assumes. Each is cited when it applies.
public enum LegalDefaults {
    public static let noticeRequired = LegalSource(
        "BW 2:27 lid 4",
        nl: "de statuten moeten zelf regelen hoe de algemene vergadering wordt bijeengeroepen",
        en: "the statute itself must say how the general assembly is called")
    public static let assembliesPerYear = LegalSource(
        "BW 2:48 lid 1",
        nl: "minstens één algemene vergadering per jaar, binnen zes maanden na afloop van het boekjaar",
        en: "at least one general assembly a year, within six months after the financial year ends")
    public static let annualAccounts = LegalSource(
        "BW 2:48 lid 1",
        nl: "het bestuur brengt binnen zes maanden na afloop van het boekjaar jaarverslag en rekening uit",
        en: "the board presents its report and accounts within six months after the financial year ends")
    public static let referenceDate = LegalSource(
        "geen wettelijke regel",
        nl: "de wet kent geen peildatum; Buurtstem neemt de dag van de oproeping",
        en: "the law sets no reference date; Buurtstem uses the day the notice is sent")
    public static let noGap = LegalSource(
        "geen wettelijke regel",
        nl: "de wet stelt geen grens aan de tijd tussen twee vergaderingen",
        en: "the law sets no limit on the time between two assemblies")
    public static let demand = LegalSource(
        "BW 2:41 lid 2 en 3",
        nl: "leden met een tiende van de stemmen kunnen een vergadering verlangen; het bestuur roept die bijeen binnen vier weken",
        en: "members with a tenth of the votes may demand an assembly; the board calls it within four weeks")
    public static let noQuorum = LegalSource(
        "geen wettelijk quorum",
        nl: "de wet stelt geen quorum: de vergadering kan altijd besluiten",
        en: "the law sets no quorum: the assembly can always decide")
    public static let majority = LegalSource(
        "hoofdregel verenigingsrecht",
        nl: "een besluit vraagt meer dan de helft van de uitgebrachte stemmen (volstrekte meerderheid)",
        en: "a decision needs more than half of the votes cast (absolute majority)")
    public static let blankVotes = LegalSource(
        "gangbare uitleg",
        nl: "blanco stemmen gelden als niet uitgebracht; Boek 2 regelt dit niet voor verenigingen",
        en: "blank votes count as not cast; Book 2 does not settle this for associations")
    public static let oneVote = LegalSource(
        "BW 2:38 lid 1",
        nl: "ieder lid heeft één stem",
        en: "every member has one vote")
    public static let voteChanges = LegalSource(
        "gangbare uitleg",
        nl: "een uitgebrachte stem staat vast; Boek 2 kent geen wijzigen van een stem",
        en: "a vote once cast stands; Book 2 knows no changing of a vote")
    public static let tie = LegalSource(
        "volgt uit de meerderheidsregel",
        nl: "bij staking van stemmen is er geen meerderheid, dus is het voorstel verworpen",
        en: "a tie is no majority, so the proposal is rejected")
    public static let method = LegalSource(
        "standaard van Buurtstem",
        nl: "zonder andere regel wordt over een voorstel met voor, tegen of blanco gestemd",
        en: "without another rule a proposal is voted on with yes, no or abstain")
    public static let proxy = LegalSource(
        "BW 2:38",
        nl: "een lid mag zich bij schriftelijke volmacht laten vertegenwoordigen, zonder maximum",
        en: "a member may be represented by written proxy, without a limit")
    public static let proposers = LegalSource(
        "BW 2:41 lid 1",
        nl: "het bestuur roept de vergadering bijeen en stelt de agenda op",
        en: "the board calls the assembly and sets its agenda")
    public static let noProposalDeadline = LegalSource(
        "geen wettelijke regel",
        nl: "de wet stelt geen termijn voor het indienen van voorstellen",
        en: "the law sets no deadline for proposals")
    public static let amendmentNotice = LegalSource(
        "BW 2:42 lid 1",
        nl: "voor een statutenwijziging is de oproepingstermijn minstens zeven dagen",
        en: "a statute amendment needs at least seven days' notice")
    public static let amendmentInspection = LegalSource(
        "BW 2:42 lid 2",
        nl: "het voorstel ligt minstens vijf dagen voor de vergadering woordelijk ter inzage",
        en: "the proposal's exact text is open for inspection at least five days before the assembly")
    public static let amendmentMajority = LegalSource(
        "BW 2:43 lid 1",
        nl: "een statutenwijziging vraagt minstens twee derden van de uitgebrachte stemmen",
        en: "a statute amendment needs at least two thirds of the votes cast")
    public static let noSecondMeeting = LegalSource(
        "geen wettelijke regel",
        nl: "zonder quorum is er geen tweede vergadering nodig",
        en: "without a quorum no second meeting is needed")
    public static let outsideMeeting = LegalSource(
        "BW 2:40 lid 2",
        nl: "buiten een vergadering alleen met algemene stemmen van alle leden, met voorkennis van het bestuur",
        en: "outside a meeting only unanimously by all members, with the board's prior knowledge")
    public static let admission = LegalSource(
        "BW 2:33",
        nl: "het bestuur beslist over de toelating van leden",
        en: "the board decides on admitting members")
    public static let resignation = LegalSource(
        "BW 2:36 lid 2",
        nl: "opzegging tegen het einde van het boekjaar, met een opzegtermijn van vier weken",
        en: "resignation at the end of the financial year, with four weeks' notice")
    public static let noMinimumAge = LegalSource(
        "geen wettelijke regel",
        nl: "de wet stelt geen minimumleeftijd",
        en: "the law sets no minimum age")
    public static let board = LegalSource(
        "BW 2:37 lid 1",
        nl: "het bestuur wordt door de algemene vergadering uit de leden benoemd",
        en: "the board is appointed by the general assembly from among the members")
}

extension LegalDefaults {
    /// For settings that only exist when the statute states them (a budget, seats).
    public static let notStated = LegalSource(
        "niet geregeld",
        nl: "de statuten regelen dit niet",
        en: "the statute does not say")
    public static let followsOrdinary = LegalSource(
        "zoals gewone besluiten",
        nl: "zonder eigen regel geldt wat voor gewone besluiten geldt",
        en: "without a rule of its own, what applies to ordinary decisions applies")
}
