public import Statuut

/// The minutes of one assembly, to sign and archive: how it was called, who could vote and who
/// came, the quorum, every agenda item with its text, the method and rule applied (with the
/// article), the counts and the outcome, the audit head at close, and space for signatures.
/// The facts only: `BuurtstemDocuments` renders them (Markdown for the golden tests, print-ready HTML).
public struct Minutes: Sendable {
    public var association: String
    /// The statute in force on the assembly's date, and that version's first day and SHA-256.
    public var statute: Statute
    public var statuteFrom: CivilDate
    public var statuteSHA256: String
    public var fact: ComplianceFacts.AssemblyFact
    /// The audit head when the assembly closed (nil while it is not closed).
    public var closedHead: AuditHead?
    /// Whether these are draft minutes: the assembly has not been closed (no closing head yet).
    public var isDraft: Bool { closedHead == nil }
    /// Affiliated organisations' confirmations in the assembly's year, up to its date.
    public var confirmations: [ComplianceFacts.Confirmation]
    /// The meeting this one is the second meeting of, or the second meeting of this one.
    public var links = MeetingLinks()
    /// Applications for membership the assembly decided on (`toelating door de algemene vergadering`).
    public var admissions: [MembershipApplication] = []

    public init(
        association: String, statute: Statute, statuteFrom: CivilDate, statuteSHA256: String, fact: ComplianceFacts.AssemblyFact,
        closedHead: AuditHead?, confirmations: [ComplianceFacts.Confirmation]
    ) {
        self.association = association
        self.statute = statute
        self.statuteFrom = statuteFrom
        self.statuteSHA256 = statuteSHA256
        self.fact = fact
        self.closedHead = closedHead
        self.confirmations = confirmations
    }

    /// The minutes as Markdown.
}

/// How an assembly is linked to its second meeting (`tweede vergadering … zonder quorum`).
public struct MeetingLinks: Sendable, Hashable {
    /// For a second meeting: the assembly whose items it decides without quorum.
    public var firstMeeting: Assembly?
    /// For a first meeting: the second meeting called for its items, and each carried proposal's
    /// id there (by its id here).
    public var secondMeeting: Assembly?
    public var carried: [ProposalID: ProposalID]

    public init(firstMeeting: Assembly? = nil, secondMeeting: Assembly? = nil, carried: [ProposalID: ProposalID] = [:]) {
        self.firstMeeting = firstMeeting
        self.secondMeeting = secondMeeting
        self.carried = carried
    }
}
