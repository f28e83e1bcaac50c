import BuurtstemCore
import BuurtstemStore
public import Hummingbird
import Statuut

// The JSON API's bodies as typed values (`docs/openapi.yaml` describes the same shapes). They
// are encoded by the request context's encoder (sorted keys, like the rest of Buurtstem's JSON);
// an absent value is written as `null`, as the specification says, not left out.

/// `GET /healthz`.
struct HealthBody: ResponseEncodable {
    var status = "ok"
}

/// `GET /api/v1/audit/head`.
struct AuditHeadBody: ResponseEncodable {
    var size: Int
    var root: String

    init(_ head: AuditHead) {
        size = head.size
        root = head.root.description
    }
}

/// `GET /api/v1/ballots/{id}`.
struct BallotBody: ResponseEncodable {
    struct Option: Encodable {
        var id: String
        var name: String
        var cost: Int?

        enum CodingKeys: String, CodingKey { case id, name, cost }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(cost, forKey: .cost)
        }
    }

    var id: BallotID
    var proposal: ProposalID
    var title: String
    var method: String
    var state: String
    var seats: Int?
    var budget: Int?
    var options: [Option]

    enum CodingKeys: String, CodingKey { case id, proposal, title, method, state, seats, budget, options }

    init(_ ballot: BallotRecord, title: String) {
        id = ballot.id
        proposal = ballot.proposal
        self.title = title
        method = ballot.method.rawValue
        state = ballot.isOpen ? "open" : "closed"
        seats = ballot.seats
        budget = ballot.budget
        options = ballot.options.map { Option(id: $0.id, name: $0.name, cost: $0.cost) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(proposal, forKey: .proposal)
        try container.encode(title, forKey: .title)
        try container.encode(method, forKey: .method)
        try container.encode(state, forKey: .state)
        try container.encode(seats, forKey: .seats)
        try container.encode(budget, forKey: .budget)
        try container.encode(options, forKey: .options)
    }
}

/// `GET /api/v1/ballots/{id}/board`: receipts and choices as two separately sorted lists.
struct BoardBody: ResponseEncodable {
    var ballot: BallotID
    var receipts: [String]
    var choices: [String]

    init(_ board: PublicBoard) {
        ballot = board.ballot
        receipts = board.receipts
        choices = board.choices.map(\.stored)
    }
}

/// `GET /api/v1/assemblies/{id}/turnout`: counts only, never a choice.
struct TurnoutBody: ResponseEncodable {
    struct Quorum: Encodable {
        var met: Bool
        var counted: Int
        var needed: Int
    }
    struct Ballot: Encodable {
        var id: BallotID
        var title: String
        var open: Bool
        var votes: Int
    }

    var assembly: AssemblyID
    var electorate: Int
    var present: Int
    var represented: Int
    var quorum: Quorum
    var ballots: [Ballot]

    init(_ turnout: Turnout) {
        assembly = turnout.assembly
        electorate = turnout.electorate
        present = turnout.present
        represented = turnout.represented
        quorum = Quorum(met: turnout.quorum.met, counted: turnout.quorum.counted, needed: turnout.quorum.needed)
        ballots = turnout.ballots.map { Ballot(id: $0.id, title: $0.title, open: $0.open, votes: $0.votes) }
    }
}
