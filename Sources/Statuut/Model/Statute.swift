/// An article of the statute: its number, title and human text.
public struct Article: Sendable, Hashable {
    public var number: Int
    public var title: String
    public var text: [String]

    public var provenance: Provenance { .article(number: number, title: title) }
}

/// A validated statute: every effective rule, each citing the article it comes from or the
/// legal default that applies because the statute is silent.
///
/// Produced only from a statute without errors. Equal statutes mean equal rules, whatever
/// the layout, comments or language of the text they were read from.
public struct Statute: Sendable, Hashable {
    public var name: String
    /// The language the statute is written in (its header keyword).
    public var language: Language
    public var legalForm: LegalForm
    public var seat: String?
    public var versionLabel: String?
    public var validFrom: CivilDate?
    public var articles: [Article]

    public var areas: [Area]
    public var membership: Cited<MembershipRule>
    public var admission: Cited<AdmissionRule>
    public var profile: Cited<String>?
    public var resignation: Cited<ResignationRule>
    public var minimumAge: Cited<Int?>
    public var referenceDate: Cited<ReferenceDateRule>

    public var assembliesPerYear: Cited<Int>
    public var longestGapMonths: Cited<Int?>
    public var noticeDays: Cited<Int>
    public var demand: Cited<DemandRule>
    public var quorum: Cited<QuorumRule?>
    public var proxy: Cited<ProxyRule>

    /// Every kind of decision, the built-in `gewoon` and `statutenwijziging` first.
    public var decisionKinds: [DecisionKind]
    public var proposers: Cited<[Proposer]>
    public var proposalDeadlineDays: Cited<Int?>
    public var outsideMeeting: Cited<OutsideMeetingRule>

    public var socialShareholders: [SocialShareholder]
    public var board: Cited<BoardRule>
    public var organisations: [Cited<String>]
    public var principles: [Cited<String>]
    public var annualAccountsMonths: Cited<Int>

    /// The area membership is drawn from.
    public var membershipArea: Area? { areas.first { $0.name == membership.value.areaName } }

    /// A decision kind by name (Dutch or English built-in names accepted).
    public func decisionKind(named name: String) -> DecisionKind? {
        let canonical = DecisionKindNames.canonical(name)
        return decisionKinds.first { $0.name == canonical }
    }

    /// The article with a number.
    public func article(_ number: Int) -> Article? { articles.first { $0.number == number } }
}

/// Built-in decision kinds have a Dutch and an English name; user-defined kinds keep theirs.
public enum DecisionKindNames {
    static let english: [String: String] = [DecisionKind.ordinary: "ordinary", DecisionKind.amendment: "amendment"]

    /// `ordinary` → `gewoon`; other names unchanged (lower-cased for built-ins only).
    public static func canonical(_ name: String) -> String {
        let folded = name.lowercased()
        if let dutch = english.first(where: { $0.value == folded })?.key { return dutch }
        if english[folded] != nil { return folded }
        return name
    }

    /// The name as written in a language: `gewoon` ↔ `ordinary`.
    public static func name(_ canonical: String, in language: Language) -> String {
        language == .en ? (english[canonical] ?? canonical) : canonical
    }
}
