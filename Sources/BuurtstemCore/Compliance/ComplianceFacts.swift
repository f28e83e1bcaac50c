public import Statuut

/// Everything the compliance check looks at, as the store recorded it. Pure values: the check
/// itself (`Compliance.check`) does no I/O, so a test can build facts that break one rule.
public struct ComplianceFacts: Sendable {
    /// A statute version and the day it took effect.
    public struct Version: Sendable {
        public var validFrom: CivilDate
        public var statute: Statute
        public init(validFrom: CivilDate, statute: Statute) {
            self.validFrom = validFrom
            self.statute = statute
        }
    }

    /// An assembly with what happened at it.
    public struct AssemblyFact: Sendable {
        public var assembly: Assembly
        public var electorate: Int
        public var attendance: Attendance
        public var decisions: [DecisionFact]
        public init(assembly: Assembly, electorate: Int, attendance: Attendance, decisions: [DecisionFact]) {
            self.assembly = assembly
            self.electorate = electorate
            self.attendance = attendance
            self.decisions = decisions
        }

        /// Whether a decision is one this second meeting takes without quorum (carried from the first).
        public func decidesWithoutQuorum(_ decision: DecisionFact) -> Bool { assembly.decidesWithoutQuorum(decision.proposal) }

        /// A yes/no decision judged anew by `kind`, with the quorum and presence recorded when its
        /// ballot closed (members who arrived later do not change it); results from before that was
        /// recorded are judged by the attendance at the end.
        public func outcome(of decision: DecisionFact, kind: DecisionKind) -> DecisionOutcome? {
            guard let count = decision.count else { return nil }
            let secondMeeting = decidesWithoutQuorum(decision)
            let secondRound = decision.roundOf != nil
            if let quorum = decision.recordedQuorum, let present = decision.recordedPresent {
                return DecisionRule.decide(
                    count, kind: kind, quorum: quorum, present: present, electorate: electorate,
                    secondMeeting: secondMeeting, secondRound: secondRound)
            }
            return DecisionRule.decide(
                count, kind: kind, attendance: attendance, electorate: electorate,
                secondMeeting: secondMeeting, secondRound: secondRound)
        }
    }

    /// A proposal that went to a ballot, with the ballot's method and (once closed) its count.
    public struct DecisionFact: Sendable {
        public var ballot: BallotID
        /// As submitted; for members' proposals only the supporters who were in the electorate.
        public var proposal: Proposal
        public var responses: [ShareholderResponse]
        public var method: TallyMethod
        /// Yes/no counts and the recorded outcome (`adopted`, `rejected`, …), once closed.
        public var count: YesNoCount?
        public var outcome: String?
        /// For ballots with options: the options, the ids chosen (elected, funded, winner first) and the ballots cast.
        public var options: [BallotOption]
        public var chosen: [String]
        public var votesCast: Int
        /// A budget ballot counted by Amsterdam's rule: the project funded with extra money, and how much.
        public var topUp: (project: String, euros: Int)?
        /// The ballot whose votes tied, when this is its second round (`staking herstemming`).
        public var roundOf: BallotID?
        /// The chair's casting decision after a tie (`staking voorzitter beslist`).
        public var chairDecision: ChairDecision?
        /// The quorum, and the members present or represented, when the ballot closed.
        public var recordedQuorum: QuorumStatus?
        public var recordedPresent: Int?
        public init(
            ballot: BallotID, proposal: Proposal, responses: [ShareholderResponse], method: TallyMethod, count: YesNoCount?, outcome: String?,
            options: [BallotOption] = [], chosen: [String] = [], votesCast: Int = 0
        ) {
            self.ballot = ballot
            self.proposal = proposal
            self.responses = responses
            self.method = method
            self.count = count
            self.outcome = outcome
            self.options = options
            self.chosen = chosen
            self.votesCast = votesCast
        }
    }

    /// Members' demand for an assembly, and the day an assembly was called in answer (if any).
    public struct DemandFact: Sendable {
        public var demand: AssemblyDemand
        public var answeredOn: CivilDate?
        public init(demand: AssemblyDemand, answeredOn: CivilDate?) {
            self.demand = demand
            self.answeredOn = answeredOn
        }
    }

    /// The annual accounts of a financial year, presented to the members on a day.
    public struct AccountsFact: Sendable, Hashable {
        public var year: Int
        public var presentedOn: CivilDate
        public init(year: Int, presentedOn: CivilDate) {
            self.year = year
            self.presentedOn = presentedOn
        }
    }

    /// A decision taken outside a meeting (in writing), as recorded.
    public struct OutsideDecision: Sendable, Hashable {
        public var title: String
        public var kind: String
        public var on: CivilDate
        /// Members on that day (the base when the statute counts all members).
        public var members: Int
        public var count: YesNoCount
        /// The recorded outcome (`adopted`, `rejected`).
        public var outcome: String
        /// How many members' written votes are kept as evidence (nil: recorded before they were kept).
        public var writtenVotes: Int?
        public init(title: String, kind: String, on: CivilDate, members: Int, count: YesNoCount, outcome: String) {
            self.title = title
            self.kind = kind
            self.on = on
            self.members = members
            self.count = count
            self.outcome = outcome
        }
    }

    /// An affiliated organisation's confirmation of the statute's principles for a year.
    public struct Confirmation: Sendable, Hashable {
        public var organisation: String
        public var year: Int
        public var on: CivilDate
        public var text: String
        public init(organisation: String, year: Int, on: CivilDate, text: String) {
            self.organisation = organisation
            self.year = year
            self.on = on
            self.text = text
        }
    }

    public var association: String
    /// Sorted by `validFrom`; the first is the association's start.
    public var versions: [Version]
    public var assemblies: [AssemblyFact]
    public var demands: [DemandFact]
    public var accounts: [AccountsFact]
    public var confirmations: [Confirmation]
    public var outsideDecisions: [OutsideDecision]
    /// Problems `audit verify` found (empty: the log verifies), and its size.
    public var auditProblems: [String]
    public var auditEntries: Int
    /// The first day Buurtstem holds records for (the association's creation here, or its first
    /// recorded event if earlier); nothing before it is judged.
    public var recordsFrom: CivilDate

    public init(
        association: String, versions: [Version], assemblies: [AssemblyFact], demands: [DemandFact], accounts: [AccountsFact],
        confirmations: [Confirmation], outsideDecisions: [OutsideDecision] = [], auditProblems: [String], auditEntries: Int,
        recordsFrom: CivilDate
    ) {
        self.outsideDecisions = outsideDecisions
        self.recordsFrom = recordsFrom
        self.association = association
        self.versions = versions.sorted { $0.validFrom < $1.validFrom }
        self.assemblies = assemblies.sorted { $0.assembly.date < $1.assembly.date }
        self.demands = demands
        self.accounts = accounts
        self.confirmations = confirmations
        self.auditProblems = auditProblems
        self.auditEntries = auditEntries
    }

    /// Everyone who sat on the board, with their dates.
    public var board: [BoardMember] = []

    /// The statute in force on a day (the first version before the association's start).
    public func statute(on day: CivilDate) -> Statute {
        (versions.last { $0.validFrom <= day } ?? versions[0]).statute
    }

    /// The first day judged: the later of the first statute version and the start of the records.
    public var start: CivilDate { max(versions.first?.validFrom ?? recordsFrom, recordsFrom) }
}
