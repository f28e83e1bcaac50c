/// Ranked ballots, stored compactly: each distinct ballot once, with how many voters cast it.
///
/// A ballot is a list of preference levels, most preferred first; a level holds one candidate,
/// or several when the voter ranked them equal (an over-vote in STV and IRV, "no preference"
/// between them for Schulze). Candidates are numbered 0..<n in the order of `candidates`.
public struct RankedProfile: Sendable, Hashable {
    /// Candidate ids as written in the source (a PrefLib number, a BLT position, an option id).
    public var candidates: [String]
    /// Display names, where known.
    public var names: [String]
    /// Flat storage: the candidates of every level of every ballot.
    public private(set) var cells: [Int32] = []
    /// For each level, where its candidates end in `cells`.
    public private(set) var levelEnds: [Int32] = []
    /// For each ballot, where its levels end in `levelEnds`.
    public private(set) var ballotEnds: [Int32] = []
    /// How many voters cast each ballot.
    public private(set) var weights: [Int] = []
    /// Whether every level holds exactly one candidate (no equal preferences): then level `l` is
    /// cell `l`, and a count may skip `levelEnds`.
    public private(set) var isLinear = true

    public init(candidates: [String], names: [String]? = nil) {
        self.candidates = candidates
        self.names = names ?? candidates
    }

    public var ballotCount: Int { weights.count }
    public var voterCount: Int { weights.reduce(0, +) }

    /// Adds a ballot cast by `weight` voters; `levels` holds candidate indices, best first.
    public mutating func add(_ levels: [[Int]], weight: Int = 1) {
        for level in levels where !level.isEmpty {
            if level.count != 1 { isLinear = false }
            for candidate in level { cells.append(Int32(candidate)) }
            levelEnds.append(Int32(cells.count))
        }
        ballotEnds.append(Int32(levelEnds.count))
        weights.append(weight)
    }

    /// Adds a ballot without ties.
    public mutating func add(order: [Int], weight: Int = 1) {
        for candidate in order {
            cells.append(Int32(candidate))
            levelEnds.append(Int32(cells.count))
        }
        ballotEnds.append(Int32(levelEnds.count))
        weights.append(weight)
    }

    /// The levels of ballot `b`, as ranges into `cells`.
    @inlinable
    public func levels(of b: Int) -> [Range<Int>] {
        let firstLevel = b == 0 ? 0 : Int(ballotEnds[b - 1])
        let lastLevel = Int(ballotEnds[b])
        return (firstLevel..<lastLevel).map { l in (l == 0 ? 0 : Int(levelEnds[l - 1]))..<Int(levelEnds[l]) }
    }

    /// Range of levels of ballot `b` in `levelEnds`.
    @inlinable
    public func levelRange(of b: Int) -> Range<Int> {
        (b == 0 ? 0 : Int(ballotEnds[b - 1]))..<Int(ballotEnds[b])
    }

    /// Range of candidates of level `l` in `cells`.
    @inlinable
    public func cellRange(ofLevel l: Int) -> Range<Int> {
        (l == 0 ? 0 : Int(levelEnds[l - 1]))..<Int(levelEnds[l])
    }
}

/// Approval ballots over projects with costs, for participatory budgeting.
public struct ApprovalProfile: Sendable, Hashable {
    public struct Project: Sendable, Hashable {
        /// The id as written in the source.
        public var id: String
        public var name: String
        /// Cost in whole units of the currency.
        public var cost: Int
        public init(id: String, name: String, cost: Int) {
            self.id = id
            self.name = name
            self.cost = cost
        }
    }

    public var projects: [Project]
    /// The budget limit in whole units.
    public var budget: Int
    /// Each voter's approved projects (indices into `projects`).
    public var ballots: [[Int]]

    public init(projects: [Project], budget: Int, ballots: [[Int]]) {
        self.projects = projects
        self.budget = budget
        self.ballots = ballots
    }

    /// Approvals per project.
    public var approvals: [Int] {
        var counts = Array(repeating: 0, count: projects.count)
        for ballot in ballots { for p in ballot { counts[p] += 1 } }
        return counts
    }
}
