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
    public var ballot: Int
    public var vote: String?
    public var code: String?

    public init(ballot: Int, vote: String, code: String) {
        self.ballot = ballot
        self.vote = vote
        self.code = code
    }

    public var payload: JSONValue {
        var object: [String: JSONValue] = ["ballot": .int(ballot)]
        if let vote { object["vote"] = .string(vote) }
        if let code { object["code"] = .string(code) }
        return .object(object)
    }
}

/// A vote replaced by a new one of the same code (where the ballot lets votes be changed): the
/// commitment removed, the new one, and for a code's own earlier vote the code use before and after.
public struct VoteReplaced: AuditEvent, Hashable {
    public static let action = AuditAction.voteReplaced
    public var ballot: Int
    public var removed: String?
    public var vote: String?
    public var codeBefore: String?
    public var code: String?

    public init(ballot: Int, removed: String, vote: String, codeBefore: String? = nil, code: String? = nil) {
        self.ballot = ballot
        self.removed = removed
        self.vote = vote
        self.codeBefore = codeBefore
        self.code = code
    }

    public var payload: JSONValue {
        var object: [String: JSONValue] = ["ballot": .int(ballot)]
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
    public var ballot: Int
    public var count: Int?
    public var votes: [String]?

    public init(ballot: Int, count: Int, votes: [String]) {
        self.ballot = ballot
        self.count = count
        self.votes = votes
    }

    public var payload: JSONValue {
        var object: [String: JSONValue] = ["ballot": .int(ballot)]
        if let count { object["count"] = .int(count) }
        if let votes { object["votes"] = .array(votes.map(JSONValue.string)) }
        return .object(object)
    }
}
