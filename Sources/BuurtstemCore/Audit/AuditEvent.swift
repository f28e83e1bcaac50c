public import Statuut

/// An audit entry as a type: it names its action and writes its payload (canonical JSON, the bytes
/// the entry's leaf commits to); readers decode the same type from a stored payload. Fields an
/// older release did not write are optional, so every stored entry still reads.
public protocol AuditEvent: Sendable, Decodable {
    /// The action this event is logged as.
    static var action: AuditAction { get }
    /// The payload, written canonically by the appender.
    var payload: JSONValue { get }
}

/// A vote cast with a code: its ballot, the keyed commitment to the vote row and to the code's use
/// (`VoteCommitment`; absent in entries written before commitments existed).
public struct VoteCast: AuditEvent, Hashable {
    public static let action = AuditAction.voteCast
    public var ballot: BallotID
    public var vote: String?
    public var code: String?

    public init(ballot: BallotID, vote: String, code: String) {
        self.ballot = ballot
        self.vote = vote
        self.code = code
    }

    public var payload: JSONValue {
        var object: [String: JSONValue] = ["ballot": .int(ballot.rawValue)]
        if let vote { object["vote"] = .string(vote) }
        if let code { object["code"] = .string(code) }
        return .object(object)
    }
}

/// A vote replaced by a new one of the same code (where the ballot lets votes be changed): the
/// commitment removed, the new one, and for a code's own earlier vote the code use before and after.
public struct VoteReplaced: AuditEvent, Hashable {
    public static let action = AuditAction.voteReplaced
    public var ballot: BallotID
    public var removed: String?
    public var vote: String?
    public var codeBefore: String?
    public var code: String?

    public init(ballot: BallotID, removed: String, vote: String, codeBefore: String? = nil, code: String? = nil) {
        self.ballot = ballot
        self.removed = removed
        self.vote = vote
        self.codeBefore = codeBefore
        self.code = code
    }

    public var payload: JSONValue {
        var object: [String: JSONValue] = ["ballot": .int(ballot.rawValue)]
        if let removed { object["removed"] = .string(removed) }
        if let vote { object["vote"] = .string(vote) }
        if let codeBefore { object["codeBefore"] = .string(codeBefore) }
        if let code { object["code"] = .string(code) }
        return .object(object)
    }
}

/// Votes counted on paper and entered at the table: how many, and a commitment to each.
public struct VotesEntered: AuditEvent, Hashable {
    public static let action = AuditAction.votesEntered
    public var ballot: BallotID
    public var count: Int?
    public var votes: [String]?

    public init(ballot: BallotID, count: Int, votes: [String]) {
        self.ballot = ballot
        self.count = count
        self.votes = votes
    }

    public var payload: JSONValue {
        var object: [String: JSONValue] = ["ballot": .int(ballot.rawValue)]
        if let count { object["count"] = .int(count) }
        if let votes { object["votes"] = .array(votes.map(JSONValue.string)) }
        return .object(object)
    }
}

/// A ballot opened: its set-up (method, options, seats, budget, round, whether votes may be changed)
/// and the quorum when it opened. Entries of older releases lack some keys: `seats` and `budget`
/// say whether the key was written at all, since a written null means "none".
public struct BallotOpened: AuditEvent, Hashable {
    public static let action = AuditAction.ballotOpened
    public var ballot: BallotID
    public var proposal: ProposalID?
    public var method: String?
    /// The option ids, and the options as stored (JSON text).
    public var options: [String]?
    public var optionsJSON: String?
    /// nil: no key (an older entry); `.some(nil)`: written as none.
    public var seats: Int??
    public var budget: Int??
    public var roundOf: BallotID?
    public var changeable: Bool?
    public var quorumMet: Bool?
    public var counted: Int?
    public var needed: Int?

    public init(
        ballot: BallotID, proposal: ProposalID, method: String, options: [String], optionsJSON: String, seats: Int?, budget: Int?, roundOf: BallotID?,
        changeable: Bool, quorumMet: Bool, counted: Int, needed: Int
    ) {
        self.ballot = ballot
        self.proposal = proposal
        self.method = method
        self.options = options
        self.optionsJSON = optionsJSON
        self.seats = .some(seats)
        self.budget = .some(budget)
        self.roundOf = roundOf
        self.changeable = changeable
        self.quorumMet = quorumMet
        self.counted = counted
        self.needed = needed
    }

    enum CodingKeys: String, CodingKey {
        case ballot, proposal, method, options, optionsJSON, seats, budget, roundOf, changeable, quorumMet, counted, needed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ballot = try c.decode(BallotID.self, forKey: .ballot)
        proposal = try c.decodeIfPresent(ProposalID.self, forKey: .proposal)
        method = try c.decodeIfPresent(String.self, forKey: .method)
        options = try? c.decodeIfPresent([String].self, forKey: .options)
        optionsJSON = try c.decodeIfPresent(String.self, forKey: .optionsJSON)
        seats = c.contains(.seats) ? .some(try c.decodeIfPresent(Int.self, forKey: .seats)) : nil
        budget = c.contains(.budget) ? .some(try c.decodeIfPresent(Int.self, forKey: .budget)) : nil
        roundOf = try c.decodeIfPresent(BallotID.self, forKey: .roundOf)
        changeable = try c.decodeIfPresent(Bool.self, forKey: .changeable)
        quorumMet = try c.decodeIfPresent(Bool.self, forKey: .quorumMet)
        counted = try c.decodeIfPresent(Int.self, forKey: .counted)
        needed = try c.decodeIfPresent(Int.self, forKey: .needed)
    }

    public var payload: JSONValue {
        var object: [String: JSONValue] = ["ballot": .int(ballot.rawValue), "roundOf": roundOf.map { .int($0.rawValue) } ?? .null]
        if let proposal { object["proposal"] = .int(proposal.rawValue) }
        if let method { object["method"] = .string(method) }
        if let options { object["options"] = .array(options.map(JSONValue.string)) }
        if let optionsJSON { object["optionsJSON"] = .string(optionsJSON) }
        if let seats { object["seats"] = seats.map(JSONValue.int) ?? .null }
        if let budget { object["budget"] = budget.map(JSONValue.int) ?? .null }
        if let changeable { object["changeable"] = .bool(changeable) }
        if let quorumMet { object["quorumMet"] = .bool(quorumMet) }
        if let counted { object["counted"] = .int(counted) }
        if let needed { object["needed"] = .int(needed) }
        return .object(object)
    }
}
