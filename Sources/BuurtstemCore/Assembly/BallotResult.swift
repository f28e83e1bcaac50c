import Foundation
public import Statuut

/// A closed ballot's result, read as a type: what the projector, the agenda, the compliance
/// check, the recount and the chair's decision need. The stored form stays the canonical JSON the
/// count wrote (the audit log commits to those bytes); this is how every reader reads it, once.
/// A result that cannot be read as this is an error, never a default.
public struct BallotResult: Sendable, Hashable, Decodable {
    /// What the ballot decided.
    public enum Outcome: String, Sendable, Hashable, Decodable {
        case adopted, rejected
        /// The votes tied and the chair decides (`chairDecision` says how, once decided).
        case chairDecides
        /// The votes tied and the proposal goes to a second round.
        case revote
        /// Too few members there: no valid decision.
        case noQuorum
        /// An election or a choice among options was decided (`elected`).
        case decided
    }

    public struct Quorum: Sendable, Hashable, Decodable {
        public var met: Bool
        public var counted: Int
        public var needed: Int
        /// A second meeting decided without it.
        public var waived: Bool?
    }

    public struct ChairDecision: Sendable, Hashable, Decodable {
        public var adopted: Bool
        public var chair: String
    }

    public struct Round: Sendable, Hashable, Decodable {
        public struct Count: Sendable, Hashable, Decodable {
            public var id: String
            public var value: String
        }
        public var round: Int
        public var counts: [Count]
    }

    /// `yes-no`, or the tally method's name.
    public var method: String
    public var outcome: Outcome
    public var yes: Int?
    public var no: Int?
    public var blank: Int?
    /// Members present or represented when the ballot closed.
    public var present: Int?
    public var quorum: Quorum?
    public var elected: [String]?
    public var rounds: [Round]?
    public var chairDecision: ChairDecision?
    /// Amsterdam's Buurtbudget rule: the project at which the selection stopped, funded anyway.
    public var stoppedAt: String?
    /// The extra money (whole euros) that project needed beyond the budget.
    public var topUp: Int?

    /// Reads a stored result.
    public init(json: String) throws {
        self = try JSONDecoder().decode(BallotResult.self, from: Data(json.utf8))
    }

    /// Reads a result the count just made.
    public init(_ value: JSONValue) throws {
        try self.init(json: value.encoded(pretty: false))
    }

    /// The decision as it stands: after a tie the chair's decision, once given.
    public var decided: Outcome {
        if outcome == .chairDecides, let chairDecision { return chairDecision.adopted ? .adopted : .rejected }
        return outcome
    }

    /// Whether the chair still has to decide.
    public var awaitsChair: Bool { outcome == .chairDecides && chairDecision == nil }

    /// A yes/no ballot's count.
    public var yesNo: YesNoCount? {
        guard let yes, let no else { return nil }
        return YesNoCount(yes: yes, no: no, blank: blank ?? 0)
    }

    /// What a recount must reproduce: the outcome, the elected and the yes/no/blank counts.
    public func sameCount(as other: BallotResult) -> Bool {
        outcome == other.outcome && elected == other.elected && yes == other.yes && no == other.no && blank == other.blank
    }
}
