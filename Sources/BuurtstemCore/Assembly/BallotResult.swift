import Foundation
public import Statuut

/// A ballot's result as a type: made by the count, completed by the close (ballot and proposal,
/// adoption, a veto) and by the chair's decision after a tie, stored, logged and read back. The
/// stored form is the canonical JSON of `json` (keys sorted): the audit log commits to those bytes,
/// and reading a stored result and writing it again gives the very same bytes (tested on the
/// results of earlier releases). A result that cannot be read as this is an error, never a default.
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

    /// The quorum as judged when the ballot closed.
    public struct Quorum: Sendable, Hashable {
        public var met: Bool
        public var counted: Int
        public var needed: Int
        /// A second meeting decided without it.
        public var waived: Bool?

        public init(met: Bool, counted: Int, needed: Int, waived: Bool? = nil) {
            self.met = met
            self.counted = counted
            self.needed = needed
            self.waived = waived
        }
    }

    /// The chair's casting decision after a tie.
    public struct ChairDecision: Sendable, Hashable {
        public var adopted: Bool
        public var chair: String

        public init(adopted: Bool, chair: String) {
            self.adopted = adopted
            self.chair = chair
        }
    }

    /// One round of a count by a tally method.
    public struct Round: Sendable, Hashable {
        public struct Count: Sendable, Hashable {
            public var id: String
            public var value: String

            public init(id: String, value: String) {
                self.id = id
                self.value = value
            }
        }
        public var round: Int
        public var counts: [Count]
        public var elected: [String]?
        public var eliminated: [String]?
        /// What happened in the round, in English (the count's own words).
        public var note: String?

        public init(round: Int, counts: [Count], elected: [String]? = nil, eliminated: [String]? = nil, note: String? = nil) {
            self.round = round
            self.counts = counts
            self.elected = elected
            self.eliminated = eliminated
            self.note = note
        }
    }

    /// `yes-no`, or the tally method's name.
    public var method: String
    public var outcome: Outcome
    // A yes/no count.
    public var yes: Int?
    public var no: Int?
    public var blank: Int?
    /// The number the majority is taken of (votes cast, or members present) and the votes needed.
    public var base: Int?
    public var needed: Int?
    /// Why the outcome is what it is, in Dutch and English, and the articles that decided it.
    public var explanation: Bilingual?
    public var rules: [String]?
    /// Members present or represented when the ballot closed.
    public var present: Int?
    public var quorum: Quorum?
    // A count by a tally method.
    public var elected: [String]?
    public var ranking: [String]?
    public var names: [String: String]?
    public var rounds: [Round]?
    /// Amsterdam's Buurtbudget rule: the project at which the selection stopped, funded anyway.
    public var stoppedAt: String?
    /// The extra money (whole euros) that project needed beyond the budget.
    public var topUp: Int?
    /// The method's other facts (quota, budget spent, tie-breaks, …) as the count reported them.
    public var details: [String: JSONValue]
    // Where the result belongs.
    public var ballot: BallotID?
    public var proposal: ProposalID?
    /// The ballot whose tie this second round decides.
    public var roundOf: BallotID?
    /// A proposal carried to a second meeting: the proposal it came from and the first meeting.
    public var carriedFrom: ProposalID?
    public var secondMeetingOf: AssemblyID?
    // What the adoption did.
    public var vetoedBy: String?
    public var takesEffect: Bool?
    public var statuteNotAdopted: String?
    public var newStatuteVersion: Int?
    public var newStatuteValidFrom: CivilDate?
    public var chairDecision: ChairDecision?

    /// A result with only its method and outcome; the count fills in the rest.
    public init(method: String, outcome: Outcome) {
        self.method = method
        self.outcome = outcome
        self.details = [:]
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

    /// The stored form: canonical JSON, as the ballot row and the audit log hold it.
    public var stored: String { json.encoded(pretty: false) }

    /// Reads a stored result.
    public init(json: String) throws {
        guard let value = JSONValue.parse(json) else { throw Unreadable(key: "", expected: "a JSON object") }
        try self.init(value)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(JSONValue(from: decoder))
    }
}

extension BallotResult {
    /// Why a stored result cannot be read: the key and what it should have held.
    public struct Unreadable: Error, Sendable, Hashable, CustomStringConvertible {
        public var key: String
        public var expected: String
        public init(key: String, expected: String) {
            self.key = key
            self.expected = expected
        }
        public var description: String { key.isEmpty ? "the result is not \(expected)" : "\"\(key)\" is not \(expected)" }
    }
}
