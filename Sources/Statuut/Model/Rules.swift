/// The legal form of the organisation.
public enum LegalForm: String, Sendable, Hashable, Codable {
    /// Vereniging met volledige rechtsbevoegdheid.
    case association = "vereniging"
    /// Coöperatie (BW 2:53): an association that runs a business for its members.
    case cooperative = "cooperatie"
    /// Vereniging met beperkte rechtsbevoegdheid (informal association).
    case informalAssociation = "informeel"
}

/// Who becomes a member.
public enum MembershipMode: String, Sendable, Hashable, Codable {
    /// Every resident of the area is a member.
    case automatic
    /// Residents of the area who ask to join (and are admitted).
    case optIn
}

/// Membership: how, and for residents of which area.
public struct MembershipRule: Sendable, Hashable {
    public var mode: MembershipMode
    public var areaName: String

    public init(mode: MembershipMode, areaName: String) {
        self.mode = mode
        self.areaName = areaName
    }
}

/// Who admits opt-in members, and whether an intake comes first.
public struct AdmissionRule: Sendable, Hashable {
    public enum Body: String, Sendable, Hashable, Codable { case board, assembly }
    public var decidedBy: Body
    public var afterIntake: Bool

    public init(decidedBy: Body, afterIntake: Bool) {
        self.decidedBy = decidedBy
        self.afterIntake = afterIntake
    }
}

/// When a member's resignation takes effect.
public enum ResignationRule: Sendable, Hashable {
    case immediately
    case afterWeeks(Int)
    case endOfFinancialYear(noticeWeeks: Int)
}

/// The day on which the electorate of an assembly is frozen.
public enum ReferenceDateRule: Sendable, Hashable {
    case daysBeforeAssembly(Int)
    case dayOfNotice
}

/// Members' right to demand an assembly.
public struct DemandRule: Sendable, Hashable {
    public var share: Fraction
    public var withinWeeks: Int

    public init(share: Fraction, withinWeeks: Int) {
        self.share = share
        self.withinWeeks = withinWeeks
    }
}

/// How many must be there for the assembly (or a decision) to be valid.
public struct QuorumRule: Sendable, Hashable {
    public enum Threshold: Sendable, Hashable {
        case members(Int)
        case share(Fraction)
    }
    public var threshold: Threshold
    /// Whether members represented by proxy count towards it.
    public var countsProxies: Bool

    public init(threshold: Threshold, countsProxies: Bool) {
        self.threshold = threshold
        self.countsProxies = countsProxies
    }
}

/// What a majority is counted against.
public enum MajorityBase: String, Sendable, Hashable, Codable {
    case votesCast
    case membersPresent
    case allMembers
}

/// A required majority: "more than 1/2 of votes cast", "at least 2/3 of all members".
public struct MajorityRule: Sendable, Hashable {
    public var share: Fraction
    /// True for "more than", false for "at least".
    public var strict: Bool
    public var base: MajorityBase

    public init(share: Fraction, strict: Bool, base: MajorityBase) {
        self.share = share
        self.strict = strict
        self.base = base
    }

    /// Whether `votes` out of `total` meet it (exact arithmetic).
    public func isMet(by votes: Int, of total: Int) -> Bool {
        strict ? share.isExceeded(by: votes, of: total) : share.isReached(by: votes, of: total)
    }
}

/// What happens when the votes are tied.
public enum TieRule: String, Sendable, Hashable, Codable {
    case rejected, chairDecides, revote
}

/// How a ballot is counted.
public enum TallyMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case yesNo, plurality, approval, instantRunoff, singleTransferableVote, schulze, equalShares, greedy
    /// Amsterdam's Buurtbudget rule: by approvals, stop at the first project that does not fit and
    /// fund it with a top-up.
    case greedyTopUp

    /// Methods that fund projects within a budget.
    public var needsBudget: Bool { self == .equalShares || self == .greedy || self == .greedyTopUp }
    /// A vote is an order of preference (its order is the vote).
    public var isRanked: Bool { self == .instantRunoff || self == .singleTransferableVote || self == .schulze }
    /// Methods that fill several seats.
    public var needsSeats: Bool { self == .singleTransferableVote }
}

/// A budget in euro cents, per calendar year or per assembly.
public struct Budget: Sendable, Hashable {
    public enum Period: String, Sendable, Hashable { case year, assembly }
    public var cents: Int
    public var period: Period?

    public init(cents: Int, period: Period?) {
        self.cents = cents
        self.period = period
    }
}

/// How one kind of decision is taken.
public struct DecisionKind: Sendable, Hashable {
    /// The kind's name as used in the statute (`gewoon`, `statutenwijziging`, `wijkbudget`).
    public var name: String
    /// Where the kind is defined, or nil for a kind the law provides (ordinary, amendment).
    public var definedIn: Provenance?
    public var majority: Cited<MajorityRule>
    public var blankVotesCountAsCast: Cited<Bool>
    public var quorum: Cited<QuorumRule?>
    public var tie: Cited<TieRule>
    public var method: Cited<TallyMethod>
    public var budget: Cited<Budget?>
    public var seats: Cited<Int?>
    /// Days before the assembly the proposal must be open for inspection.
    public var inspectionDays: Cited<Int?>
    /// Days within which a second meeting may decide without quorum.
    public var secondMeetingDays: Cited<Int?>
    /// The notice period for an assembly that decides on this kind.
    public var noticeDays: Cited<Int>
    /// Whether a member who voted may replace their vote until the ballot closes (the last counts).
    public var votesMayBeChanged: Cited<Bool>

    /// The built-in name of ordinary decisions.
    public static let ordinary = "gewoon"
    /// The built-in name of statute amendments.
    public static let amendment = "statutenwijziging"
}

/// Whether members may vote by proxy, and how many proxies one member may hold.
public enum ProxyRule: Sendable, Hashable {
    case notAllowed
    case atMost(Int)
    case unlimited
}

/// Who may put a proposal on the agenda.
public enum Proposer: Sendable, Hashable {
    case board
    case members(Int)
    case party(String)
}

/// Whether decisions may be taken outside a meeting, and by what majority.
public enum OutsideMeetingRule: Sendable, Hashable {
    case notAllowed
    case allowed(MajorityRule)
}

/// A right of a social shareholder on a kind of decision.
public struct ShareholderRight: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable { case advice, consent, veto }
    public var kind: Kind
    public var decisionKind: String
    public var source: Provenance
}

/// A social shareholder (sociaal aandeelhouder), such as the municipality.
public struct SocialShareholder: Sendable, Hashable {
    public var name: String
    public var rights: [ShareholderRight]
    public var source: Provenance
}

/// The board's size, term and seats for outside parties.
public struct BoardRule: Sendable, Hashable {
    public var minimumSize: Int?
    public var maximumSize: Int?
    public var termYears: Int?
    /// Parties that hold a board seat.
    public var seatsFor: [String]
}
