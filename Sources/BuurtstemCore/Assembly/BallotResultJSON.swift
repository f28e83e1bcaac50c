public import Statuut

// A ballot result's stored form, both ways. Every key has one type; a key this type does not name
// is a detail of the tally method and is kept as it was written, so that reading and writing a
// stored result gives its very bytes again.

extension BallotResult {
    /// The keys with a typed field; every other key is a `details` entry.
    static let typedKeys: Set<String> = [
        "method", "outcome", "yes", "no", "blank", "base", "needed", "explanation", "rules", "present", "quorum",
        "elected", "ranking", "names", "rounds", "stoppedAt", "topUp", "ballot", "proposal", "roundOf", "carriedFrom",
        "secondMeetingOf", "vetoedBy", "takesEffect", "statuteNotAdopted", "newStatuteVersion", "newStatuteValidFrom",
        "chairDecision",
    ]

    /// Reads a result from its JSON object.
    public init(_ value: JSONValue) throws {
        guard case .object(let object) = value else { throw Unreadable(key: "", expected: "a JSON object") }
        let read = Fields(object)
        guard let outcome = Outcome(rawValue: try read.string("outcome") ?? "") else {
            throw Unreadable(key: "outcome", expected: "an outcome")
        }
        guard let method = try read.string("method") else { throw Unreadable(key: "method", expected: "a method's name") }
        self.init(method: method, outcome: outcome)
        yes = try read.int("yes")
        no = try read.int("no")
        blank = try read.int("blank")
        base = try read.int("base")
        needed = try read.int("needed")
        explanation = try read.object("explanation").map { words in
            guard let nl = try words.string("nl"), let en = try words.string("en") else {
                throw Unreadable(key: "explanation", expected: "an explanation in Dutch and English")
            }
            return Bilingual(nl, en)
        }
        rules = try read.strings("rules")
        present = try read.int("present")
        quorum = try read.object("quorum").map { q in
            guard let met = try q.bool("met"), let counted = try q.int("counted"), let needed = try q.int("needed") else {
                throw Unreadable(key: "quorum", expected: "a quorum with met, counted and needed")
            }
            return Quorum(met: met, counted: counted, needed: needed, waived: try q.bool("waived"))
        }
        elected = try read.strings("elected")
        ranking = try read.strings("ranking")
        names = try read.object("names").map { names in
            try names.object.mapValues { value in
                guard case .string(let name) = value else { throw Unreadable(key: "names", expected: "names as text") }
                return name
            }
        }
        rounds = try read.objects("rounds")?.map { round in
            guard let number = try round.int("round"), let counts = try round.objects("counts") else {
                throw Unreadable(key: "rounds", expected: "rounds with a number and counts")
            }
            return Round(
                round: number,
                counts: try counts.map { count in
                    guard let id = try count.string("id"), let value = try count.string("value") else {
                        throw Unreadable(key: "rounds", expected: "counts with an id and a value")
                    }
                    return Round.Count(id: id, value: value)
                }, elected: try round.strings("elected"), eliminated: try round.strings("eliminated"), note: try round.string("note"))
        }
        stoppedAt = try read.string("stoppedAt")
        topUp = try read.int("topUp")
        ballot = try read.int("ballot").map { BallotID($0) }
        proposal = try read.int("proposal").map { ProposalID($0) }
        roundOf = try read.int("roundOf").map { BallotID($0) }
        carriedFrom = try read.int("carriedFrom").map { ProposalID($0) }
        secondMeetingOf = try read.int("secondMeetingOf").map { AssemblyID($0) }
        vetoedBy = try read.string("vetoedBy")
        takesEffect = try read.bool("takesEffect")
        statuteNotAdopted = try read.string("statuteNotAdopted")
        newStatuteVersion = try read.int("newStatuteVersion")
        newStatuteValidFrom = try read.string("newStatuteValidFrom").map { text in
            guard let day = CivilDate(iso: text) else { throw Unreadable(key: "newStatuteValidFrom", expected: "a date") }
            return day
        }
        chairDecision = try read.object("chairDecision").map { decision in
            guard let adopted = try decision.bool("adopted"), let chair = try decision.string("chair") else {
                throw Unreadable(key: "chairDecision", expected: "a decision with adopted and chair")
            }
            return ChairDecision(adopted: adopted, chair: chair)
        }
        details = object.filter { !Self.typedKeys.contains($0.key) }
    }

    /// The result's JSON object; `stored` is its canonical text.
    public var json: JSONValue {
        var object = details
        func put(_ key: String, _ value: JSONValue?) { if let value { object[key] = value } }
        func strings(_ values: [String]?) -> JSONValue? { values.map { .array($0.map(JSONValue.string)) } }
        put("method", .string(method))
        put("outcome", .string(outcome.rawValue))
        put("yes", yes.map(JSONValue.int))
        put("no", no.map(JSONValue.int))
        put("blank", blank.map(JSONValue.int))
        put("base", base.map(JSONValue.int))
        put("needed", needed.map(JSONValue.int))
        put("explanation", explanation.map { .object(["nl": .string($0.nl), "en": .string($0.en)]) })
        put("rules", strings(rules))
        put("present", present.map(JSONValue.int))
        put(
            "quorum",
            quorum.map { q in
                var members: [String: JSONValue] = ["met": .bool(q.met), "counted": .int(q.counted), "needed": .int(q.needed)]
                if let waived = q.waived { members["waived"] = .bool(waived) }
                return .object(members)
            })
        put("elected", strings(elected))
        put("ranking", strings(ranking))
        put("names", names.map { .object($0.mapValues(JSONValue.string)) })
        put(
            "rounds",
            rounds.map { rounds in
                .array(
                    rounds.map { round in
                        var members: [String: JSONValue] = [
                            "round": .int(round.round),
                            "counts": .array(round.counts.map { .object(["id": .string($0.id), "value": .string($0.value)]) }),
                        ]
                        if let elected = strings(round.elected) { members["elected"] = elected }
                        if let eliminated = strings(round.eliminated) { members["eliminated"] = eliminated }
                        if let note = round.note { members["note"] = .string(note) }
                        return .object(members)
                    })
            })
        put("stoppedAt", stoppedAt.map(JSONValue.string))
        put("topUp", topUp.map(JSONValue.int))
        put("ballot", ballot.map(JSONValue.id))
        put("proposal", proposal.map(JSONValue.id))
        put("roundOf", roundOf.map(JSONValue.id))
        put("carriedFrom", carriedFrom.map(JSONValue.id))
        put("secondMeetingOf", secondMeetingOf.map(JSONValue.id))
        put("vetoedBy", vetoedBy.map(JSONValue.string))
        put("takesEffect", takesEffect.map(JSONValue.bool))
        put("statuteNotAdopted", statuteNotAdopted.map(JSONValue.string))
        put("newStatuteVersion", newStatuteVersion.map(JSONValue.int))
        put("newStatuteValidFrom", newStatuteValidFrom.map { .string($0.description) })
        put("chairDecision", chairDecision.map { .object(["adopted": .bool($0.adopted), "chair": .string($0.chair)]) })
        return .object(object)
    }
}

extension BallotResult {
    /// A tally method's count as a ballot's result: the elected, the rounds and the method's facts.
    public init(tally: TallyResult, outcome: Outcome) {
        self.init(method: tally.method, outcome: outcome)
        elected = tally.elected
        ranking = tally.ranking
        names = tally.names
        rounds = tally.rounds.map { round in
            Round(
                round: round.number, counts: round.counts.map { Round.Count(id: $0.id, value: $0.value) }, elected: round.elected,
                eliminated: round.eliminated, note: round.note)
        }
        var details = tally.details
        if case .string(let project)? = details.removeValue(forKey: "stoppedAt") { stoppedAt = project }
        if case .int(let euros)? = details.removeValue(forKey: "topUp") { topUp = euros }
        self.details = details.filter { !Self.typedKeys.contains($0.key) }
    }
}

extension BallotResult.Outcome {
    /// A yes/no decision's outcome.
    public init(_ result: DecisionOutcome.Result) {
        switch result {
        case .adopted: self = .adopted
        case .rejected: self = .rejected
        case .chairDecides: self = .chairDecides
        case .revote: self = .revote
        case .noQuorum: self = .noQuorum
        }
    }
}

/// The members of one JSON object, read by type: a missing key or `null` is nil, a key of
/// another type is an error that names it.
private struct Fields {
    var object: [String: JSONValue]
    init(_ object: [String: JSONValue]) { self.object = object }

    private func value(_ key: String) -> JSONValue? {
        if case .null? = object[key] { return nil }
        return object[key]
    }
    func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw BallotResult.Unreadable(key: key, expected: "text") }
        return text
    }
    func int(_ key: String) throws -> Int? {
        guard let value = value(key) else { return nil }
        guard case .int(let number) = value else { throw BallotResult.Unreadable(key: key, expected: "a whole number") }
        return number
    }
    func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw BallotResult.Unreadable(key: key, expected: "true or false") }
        return flag
    }
    func strings(_ key: String) throws -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw BallotResult.Unreadable(key: key, expected: "a list of texts") }
        return try items.map { item in
            guard case .string(let text) = item else { throw BallotResult.Unreadable(key: key, expected: "a list of texts") }
            return text
        }
    }
    func object(_ key: String) throws -> Fields? {
        guard let value = value(key) else { return nil }
        guard case .object(let members) = value else { throw BallotResult.Unreadable(key: key, expected: "an object") }
        return Fields(members)
    }
    func objects(_ key: String) throws -> [Fields]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw BallotResult.Unreadable(key: key, expected: "a list of objects") }
        return try items.map { item in
            guard case .object(let members) = item else { throw BallotResult.Unreadable(key: key, expected: "a list of objects") }
            return Fields(members)
        }
    }
}
