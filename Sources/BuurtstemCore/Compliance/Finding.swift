public import Statuut

/// One obligation or limit of the statute, judged: where it comes from, whether it is kept, the
/// evidence, and for what is still open the last day to act.
public struct Finding: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case broken
        case atRisk = "at-risk"
        case notYetDue = "not-yet-due"
        case kept

        public func name(in language: Language) -> String {
            switch (self, language) {
            case (.broken, .nl): return "geschonden"
            case (.broken, .en): return "broken"
            case (.atRisk, .nl): return "in gevaar"
            case (.atRisk, .en): return "at risk"
            case (.notYetDue, .nl): return "nog niet aan de orde"
            case (.notYetDue, .en): return "not yet due"
            case (.kept, .nl): return "nageleefd"
            case (.kept, .en): return "kept"
            }
        }
    }

    /// A stable name for the kind of rule (`assemblies-per-year`, `notice`, `decision`, …).
    public var rule: String
    /// What the rule is about here: a year, an assembly, a ballot.
    public var subject: String
    public var obligation: Bilingual
    public var source: Provenance
    public var status: Status
    public var evidence: Bilingual
    public var deadline: CivilDate?
    /// What the finding is about, in words, where its rule recurs (per assembly, per proposal):
    /// "voorstel „Bankjes” (vergadering 2025-03-20, stemming 1)".
    public var about: Bilingual?

    public init(
        rule: String, subject: String, obligation: Bilingual, source: Provenance, status: Status, evidence: Bilingual, deadline: CivilDate? = nil,
        about: Bilingual? = nil
    ) {
        self.about = about
        self.rule = rule
        self.subject = subject
        self.obligation = obligation
        self.source = source
        self.status = status
        self.evidence = evidence
        self.deadline = deadline
    }
}

/// A text in Dutch and in English.
public struct Bilingual: Sendable, Hashable {
    public var nl: String
    public var en: String
    public init(_ nl: String, _ en: String) {
        self.nl = nl
        self.en = en
    }
    public func text(in language: Language) -> String { language == .nl ? nl : en }
}

/// The compliance report: every finding, judged on a day.
public struct ComplianceReport: Sendable {
    public var association: String
    public var on: CivilDate
    public var year: Int?
    public var findings: [Finding]

    /// 0 when nothing is broken or at risk, 1 when something is broken, 2 when something is at risk.
    public var exitCode: Int32 {
        if findings.contains(where: { $0.status == .broken }) { return 1 }
        if findings.contains(where: { $0.status == .atRisk }) { return 2 }
        return 0
    }

    public func count(_ status: Finding.Status) -> Int { findings.filter { $0.status == status }.count }
}
